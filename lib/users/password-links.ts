// What a one-time link does (issue 19): accept an invitation (name + password, then sign in),
// ask for a password reset (a neutral answer, rate-limited), and reset the password.
import { recordAuditEvent } from "../audit/record-audit-event";
import type { UserActor } from "../auth/actor";
import { hashPassword } from "../auth/password";
import { passwordProblem } from "../auth/password-policy";
import { hitRateLimit } from "../security/rate-limit";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import { encryptSecret } from "../server/secrets";
import { endUserSessions } from "./end-sessions";
import { userTokenMailQueue } from "./queues";
import { checkUserToken, consumeUserToken, issueUserToken, RESET_TTL_MS } from "./user-tokens";

/** Who a link's audit events belong to: the user, in their company. */
const selfActor = (u: { id: string; companyId: string; role: UserActor["role"] }): UserActor => ({
  type: "USER",
  userId: u.id,
  companyId: u.companyId,
  role: u.role,
  shopIds: [],
});

/** A link's page: who it is for (to greet them and fill the name), or the coded refusal. */
export async function describeUserLink(db: Db, input: { token: string; kind: "INVITE" | "RESET" }) {
  const { userId, expiresAt } = await checkUserToken(db, input);
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { email: true, name: true, locale: true, company: { select: { name: true } } },
  });
  return { email: user.email, name: user.name, locale: user.locale, companyName: user.company.name, expiresAt };
}

function refusePassword(password: string, who: { email: string; name: string }) {
  const problem = passwordProblem(password, who);
  if (problem) throw new AppError("VALIDATION", "weak password", { fields: { password: problem } });
}

/**
 * Accepts an invitation: sets the name and the password, uses the link. The password is checked
 * before the link is used (a weak one leaves the link valid). Returns the e-mail, to sign in with.
 */
export async function acceptInvitation(
  db: Db,
  input: { token: string; name: string; password: string },
): Promise<{ userId: string; email: string }> {
  const name = input.name.trim();
  if (!name || name.length > 120) throw new AppError("VALIDATION", "name", { fields: { name: "err_user_name" } });
  const { userId } = await checkUserToken(db, { token: input.token, kind: "INVITE" });
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
  refusePassword(input.password, { email: user.email, name });
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const used = await consumeUserToken(tx, { token: input.token, kind: "INVITE" });
    const updated = await tx.user.update({
      where: { id: used.userId },
      data: { passwordHash, name },
      select: { id: true, email: true, companyId: true, role: true, disabledAt: true },
    });
    if (updated.disabledAt)
      throw new AppError("CONFLICT", "invited user disabled", { publicMessage: "err_token_revoked", reason: "token_revoked" });
    await recordAuditEvent(tx, { actor: selfActor(updated), action: "user.invite.accept", after: { userId: updated.id, name } });
    return { userId: updated.id, email: updated.email };
  });
}

/**
 * "Forgot password": per e-mail 3 requests an hour, per client address 10; past either the
 * answer says to wait (for a known and an unknown address alike). Otherwise the same answer
 * whether the address is known or not; a link (1 h) is e-mailed only to an active user (not
 * disabled, invitation accepted). Asking again replaces the earlier link.
 */
export const FORGOT_LIMITS = { perEmail: 3, perAddress: 10, windowSeconds: 3600 };

export async function requestPasswordReset(
  db: Db,
  input: { email: string; clientAddress?: string },
): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }> {
  const email = input.email.trim().toLowerCase();
  if (!email || email.length > 254) return { ok: true };
  const limits = [hitRateLimit(db, `forgot:email:${email}`, FORGOT_LIMITS.perEmail, FORGOT_LIMITS.windowSeconds)];
  if (input.clientAddress)
    limits.push(hitRateLimit(db, `forgot:addr:${input.clientAddress}`, FORGOT_LIMITS.perAddress, FORGOT_LIMITS.windowSeconds));
  const refused = (await Promise.all(limits)).filter((r) => !r.allowed);
  if (refused.length) return { ok: false, retryAfterSeconds: Math.max(...refused.map((r) => r.retryAfterSeconds)) };

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, companyId: true, role: true, disabledAt: true, passwordHash: true },
  });
  if (!user || user.disabledAt || user.passwordHash === "") return { ok: true };
  await db.$transaction(async (tx) => {
    const { token, tokenId } = await issueUserToken(tx, { userId: user.id, kind: "RESET", ttlMs: RESET_TTL_MS });
    await tx.enqueue(userTokenMailQueue, { tokenId, sealedToken: encryptSecret(token) });
    await recordAuditEvent(tx, {
      actor: selfActor(user),
      action: "user.password_reset.request",
      after: { userId: user.id, ...(input.clientAddress ? { clientAddress: input.clientAddress } : {}) },
    });
  });
  return { ok: true };
}

/**
 * Sets a new password through a reset link: the link is used, the user's other links of that kind
 * revoked, and endUserSessions ends every session the user had.
 */
export async function resetPassword(db: Db, input: { token: string; password: string }): Promise<{ userId: string; email: string }> {
  const { userId } = await checkUserToken(db, { token: input.token, kind: "RESET" });
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true } });
  refusePassword(input.password, user);
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const used = await consumeUserToken(tx, { token: input.token, kind: "RESET" });
    const updated = await tx.user.update({
      where: { id: used.userId },
      data: { passwordHash },
      select: { id: true, email: true, companyId: true, role: true, disabledAt: true },
    });
    if (updated.disabledAt)
      throw new AppError("CONFLICT", "user disabled", { publicMessage: "err_token_revoked", reason: "token_revoked" });
    await endUserSessions(tx, updated.id);
    await recordAuditEvent(tx, { actor: selfActor(updated), action: "user.password_reset", after: { userId: updated.id } });
    return { userId: updated.id, email: updated.email };
  });
}
