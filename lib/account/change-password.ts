import { recordAuditEvent } from "../audit/record-audit-event";
import type { UserActor } from "../auth/actor";
import { confirmOwnPassword } from "../auth/confirm-password";
import { hashPassword } from "../auth/password";
import { passwordProblem } from "../auth/password-policy";
import { endOtherSessions } from "../auth/sessions";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";

/**
 * My account › Password: the current password (throttled), the new one twice under the shared
 * policy. Every other session of the user ends at once; returns the new session version so the
 * caller's own session is re-issued with it.
 */
export async function changePassword(
  db: Db,
  input: { actor: UserActor; currentPassword: string; newPassword: string; confirmPassword: string },
) {
  await confirmOwnPassword(db, { userId: input.actor.userId, password: input.currentPassword, field: "currentPassword" });
  const user = await db.user.findUniqueOrThrow({ where: { id: input.actor.userId }, select: { email: true, name: true } });
  const problem = passwordProblem(input.newPassword, user);
  if (problem) throw new AppError("VALIDATION", `weak password: ${problem}`, { fields: { newPassword: problem } });
  if (input.newPassword !== input.confirmPassword) {
    throw new AppError("VALIDATION", "passwords differ", { fields: { confirmPassword: "err_password_mismatch" } });
  }
  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: input.actor.userId }, data: { passwordHash } });
    const sessionVersion = await endOtherSessions(tx, input.actor.userId);
    await recordAuditEvent(tx, {
      actor: input.actor,
      action: "user.password_changed",
      after: { userId: input.actor.userId, otherSessionsEnded: true },
    });
    return { sessionVersion };
  });
}
