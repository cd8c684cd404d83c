import { z } from "zod";
import { recordAuditEvent } from "../audit/record-audit-event";
import { type BackoffPolicy, clearBackoff, hitBackoff, releaseBackoff } from "../security/backoff";
import type { Db } from "../server/db";
import type { Role } from "../server/generated/prisma/enums";
import { hashPassword, verifyPassword } from "./password";

export const credentialsSchema = z.object({
  email: z
    .email()
    .max(254)
    .transform((s) => s.toLowerCase()),
  password: z.string().min(1).max(200),
});

/**
 * Sign-in throttling: a growing delay, never a lock. Per (client address, e-mail): 5 failures,
 * then each further attempt waits 2^(n - 5) s since the last (at most 15 min); a success clears
 * it. Only that address pays: nobody elsewhere can keep the account's owner out. Per address,
 * across e-mails (guessing many accounts): 50 failures, then the same growing delay. Failures are
 * forgotten after an hour without any.
 */
export const SIGN_IN_BACKOFF = {
  pair: { free: 5, capSeconds: 900, forgetSeconds: 3600 },
  address: { free: 50, capSeconds: 900, forgetSeconds: 3600 },
} satisfies Record<string, BackoffPolicy>;

let dummyHash: Promise<string> | undefined;

export type SignInResult =
  | { ok: true; userId: string; sessionVersion: number; twoFactor: boolean }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

/**
 * Checks an e-mail and password. Unknown e-mails cost the same time as wrong passwords (a hash is
 * verified either way) so accounts cannot be discovered by timing. Throttled attempts are answered
 * at once with the seconds to wait (no sleeping here: a held request would cost us, not them).
 */
export async function verifyCredentials(db: Db, input: { email: string; password: string; clientAddress?: string }): Promise<SignInResult> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  // Without an address (no server front in the way) the pair is per e-mail alone.
  const pairKey = `signin:pair:${input.clientAddress ?? "-"}:${email}`;
  const addressKey = input.clientAddress ? `signin:addr:${input.clientAddress}` : null;
  const pair = await hitBackoff(db, pairKey, SIGN_IN_BACKOFF.pair);
  if (!pair.allowed) return { ok: false, reason: "rate_limited", retryAfterSeconds: pair.retryAfterSeconds };
  if (addressKey) {
    const address = await hitBackoff(db, addressKey, SIGN_IN_BACKOFF.address);
    if (!address.allowed) {
      await releaseBackoff(db, pairKey);
      return { ok: false, reason: "rate_limited", retryAfterSeconds: address.retryAfterSeconds };
    }
  }

  const user = await db.user.findUnique({
    where: { email },
    select: {
      id: true,
      passwordHash: true,
      disabledAt: true,
      companyId: true,
      role: true,
      sessionVersion: true,
      totpEnabledAt: true,
      company: { select: { suspendedAt: true } },
    },
  });
  dummyHash ??= hashPassword("not-a-real-password");
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
  const failure = !user
    ? "unknown_account"
    : !ok
      ? "wrong_password"
      : user.disabledAt
        ? "disabled"
        : user.company.suspendedAt
          ? "company_suspended"
          : null;
  await recordSignIn(db, user, failure, input.clientAddress, user?.totpEnabledAt != null);
  if (failure) return { ok: false, reason: "invalid" };
  await clearBackoff(db, pairKey);
  if (addressKey) await releaseBackoff(db, addressKey);
  // The last sign-in (Settings › Users): now, unless a second factor is still to come (verifySecondFactor sets it then).
  if (!user!.totpEnabledAt) await db.user.update({ where: { id: user!.id }, data: { lastSignInAt: new Date() } });
  return { ok: true, userId: user!.id, sessionVersion: user!.sessionVersion, twoFactor: user!.totpEnabledAt !== null };
}

/**
 * user.sign_in / user.sign_in_failed (never the password, nor the e-mail typed for an unknown
 * account: it may be a mistyped secret). An account's attempts belong to its company's log; an
 * unknown e-mail's to none, but is written all the same so both cost the same time. Rate-limited
 * attempts are not written: anyone could flood the log with them.
 */
async function recordSignIn(
  db: Db,
  user: { id: string; companyId: string; role: Role } | null,
  failure: string | null,
  clientAddress: string | undefined,
  secondStepNext = false,
) {
  // With two-factor on, the password alone is a step, not a sign-in: the second step writes user.sign_in.
  const action = failure ? "user.sign_in_failed" : secondStepNext ? "user.sign_in_password" : "user.sign_in";
  const after = { ...(failure ? { reason: failure } : {}), ...(clientAddress ? { clientAddress } : {}) };
  if (!user) {
    await db.auditEvent.create({ data: { actorType: "USER", action, after } });
    return;
  }
  const actor = { type: "USER" as const, userId: user.id, companyId: user.companyId, role: user.role, shopIds: [] };
  await recordAuditEvent(db, { actor, action, after });
}
