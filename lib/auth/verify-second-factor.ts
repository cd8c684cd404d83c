import { z } from "zod";
import { recordAuditEvent } from "../audit/record-audit-event";
import { type BackoffPolicy, clearBackoff, hitBackoff, releaseBackoff } from "../security/backoff";
import type { Db } from "../server/db";
import { readSecondFactorTicket } from "./second-factor-ticket";
import { checkSecondFactor } from "./two-factor";

const schema = z.object({ ticket: z.string().min(1).max(1000), code: z.string().trim().min(1).max(40) });

/**
 * The second step's throttling, as the password step's: a growing delay per (address, account)
 * after 5 wrong codes, and per account from anywhere after 10 (whoever is here knows the
 * password already, and may change addresses). A right code clears the pair's count.
 */
export const SECOND_FACTOR_BACKOFF = {
  pair: { free: 5, capSeconds: 900, forgetSeconds: 3600 },
  account: { free: 10, capSeconds: 900, forgetSeconds: 3600 },
} satisfies Record<string, BackoffPolicy>;

export type SecondFactorResult =
  | { ok: true; userId: string; sessionVersion: number }
  | { ok: false; reason: "invalid" | "expired" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

/** The sign-in's second step: the ticket from the password step, and a code or a recovery code. */
export async function verifySecondFactor(
  db: Db,
  input: { ticket: string; code: string; clientAddress?: string },
): Promise<SecondFactorResult> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const ticket = readSecondFactorTicket(parsed.data.ticket);
  if (!ticket) return { ok: false, reason: "expired" };
  const pairKey = `signin:2fa:${input.clientAddress ?? "-"}:${ticket.userId}`;
  const accountKey = `signin:2fa:${ticket.userId}`;
  const pair = await hitBackoff(db, pairKey, SECOND_FACTOR_BACKOFF.pair);
  if (!pair.allowed) return { ok: false, reason: "rate_limited", retryAfterSeconds: pair.retryAfterSeconds };
  const account = await hitBackoff(db, accountKey, SECOND_FACTOR_BACKOFF.account);
  if (!account.allowed) {
    await releaseBackoff(db, pairKey);
    return { ok: false, reason: "rate_limited", retryAfterSeconds: account.retryAfterSeconds };
  }
  const user = await db.user.findUnique({
    where: { id: ticket.userId },
    select: { id: true, companyId: true, role: true, disabledAt: true, sessionVersion: true },
  });
  // A ticket from before a password change or a sign-out everywhere is spent.
  if (!user || user.disabledAt || user.sessionVersion !== ticket.sessionVersion) return { ok: false, reason: "expired" };
  const method = await checkSecondFactor(db, { userId: user.id, code: parsed.data.code });
  const actor = { type: "USER" as const, userId: user.id, companyId: user.companyId, role: user.role, shopIds: [] };
  const address = input.clientAddress ? { clientAddress: input.clientAddress } : {};
  if (!method) {
    await recordAuditEvent(db, { actor, action: "user.sign_in_failed", after: { reason: "wrong_second_factor", ...address } });
    return { ok: false, reason: "invalid" };
  }
  await clearBackoff(db, pairKey);
  await clearBackoff(db, accountKey);
  await recordAuditEvent(db, { actor, action: "user.sign_in", after: { secondFactor: method, ...address } });
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  return { ok: true, userId: user.id, sessionVersion: user.sessionVersion };
}
