import { recordAuditEvent } from "../audit/record-audit-event";
import { assertRole, type UserActor } from "../auth/actor";
import type { Db } from "../server/db";

/**
 * Settings › Company › Security (administrators): every user of the company must sign in with a
 * second factor. Those without one are sent to enrolment at their next request (session.ts).
 */
export async function setTwoFactorRequirement(db: Db, input: { actor: UserActor; required: boolean }) {
  assertRole(input.actor, "ADMIN");
  return db.$transaction(async (tx) => {
    const before = await tx.company.findUniqueOrThrow({ where: { id: input.actor.companyId }, select: { twoFactorRequired: true } });
    if (before.twoFactorRequired === input.required) return { changed: false };
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
