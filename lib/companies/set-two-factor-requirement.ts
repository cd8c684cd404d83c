import { recordAuditEvent } from "../audit/record-audit-event";
import { assertRole, type UserActor } from "../auth/actor";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";

/**
 * Settings › Company › Security (administrators): every user of the company must sign in with a
 * second factor. Those without one are sent to enrolment at their next request (session.ts).
 */
export async function setTwoFactorRequirement(db: Db, input: { actor: UserActor; required: boolean }) {
  assertRole(input.actor, "ADMIN");
  return db.$transaction(async (tx) => {
    const before = await tx.company.findUniqueOrThrow({ where: { id: input.actor.companyId }, select: { twoFactorRequired: true } });
    if (before.twoFactorRequired === input.required) return { changed: false };
    // The administrator turns it on for themselves first: requiring it would otherwise lock them
    // into the enrolment page the moment they save.
    const self = await tx.user.findUniqueOrThrow({ where: { id: input.actor.userId }, select: { totpEnabledAt: true } });
    if (input.required && !self.totpEnabledAt) {
      throw new AppError("FORBIDDEN", "administrator without two-factor", { publicMessage: "err_two_factor_self_first" });
    }
    await tx.company.update({ where: { id: input.actor.companyId }, data: { twoFactorRequired: input.required } });
    await recordAuditEvent(tx, {
      actor: input.actor,
      action: "company.two_factor_requirement",
      before: { twoFactorRequired: before.twoFactorRequired },
      after: { twoFactorRequired: input.required },
    });
    return { changed: true };
  });
}
