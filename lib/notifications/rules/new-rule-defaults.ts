import type { UserActor } from "../../auth/actor";
import type { Db } from "../../server/db";

/** Issue 21 (manual §1.3.1): a new SMS rule starts with the company's default phone (Settings › Company). */
export async function defaultSmsRulePhone(db: Db, input: { actor: UserActor }): Promise<string> {
  const c = await db.company.findUnique({ where: { id: input.actor.companyId }, select: { smsNotifyPhone: true } });
  return c?.smsNotifyPhone ?? "";
}
