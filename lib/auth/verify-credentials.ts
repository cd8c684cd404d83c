import { z } from "zod";
import { recordAuditEvent } from "../audit/record-audit-event";
import { hitRateLimit } from "../security/rate-limit";
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

/** Per 15 minutes: attempts per account, and per client address. */
export const SIGN_IN_LIMITS = { perEmail: 10, perAddress: 50, windowSeconds: 900 };

let dummyHash: Promise<string> | undefined;

export type SignInResult = { ok: true; userId: string } | { ok: false; reason: "invalid" | "rate_limited" };

/**
 * Checks an e-mail and password. Unknown e-mails cost the same time as wrong passwords (a hash is
 * verified either way) so accounts cannot be discovered by timing.
 */
export async function verifyCredentials(db: Db, input: { email: string; password: string; clientAddress?: string }): Promise<SignInResult> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const checks = [hitRateLimit(db, `signin:email:${email}`, SIGN_IN_LIMITS.perEmail, SIGN_IN_LIMITS.windowSeconds)];
  if (input.clientAddress)
    checks.push(hitRateLimit(db, `signin:addr:${input.clientAddress}`, SIGN_IN_LIMITS.perAddress, SIGN_IN_LIMITS.windowSeconds));
  if ((await Promise.all(checks)).some((r) => !r.allowed)) return { ok: false, reason: "rate_limited" };

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, disabledAt: true, companyId: true, role: true },
  });
  dummyHash ??= hashPassword("not-a-real-password");
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
  const failure = !user ? "unknown_account" : !ok ? "wrong_password" : user.disabledAt ? "disabled" : null;
  await recordSignIn(db, user, failure, input.clientAddress);
  if (failure) return { ok: false, reason: "invalid" };
  return { ok: true, userId: user!.id };
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
) {
  const action = failure ? "user.sign_in_failed" : "user.sign_in";
  const after = { ...(failure ? { reason: failure } : {}), ...(clientAddress ? { clientAddress } : {}) };
  if (!user) {
    await db.auditEvent.create({ data: { actorType: "USER", action, after } });
    return;
  }
  const actor = { type: "USER" as const, userId: user.id, companyId: user.companyId, role: user.role, shopIds: [] };
  await recordAuditEvent(db, { actor, action, after });
}
