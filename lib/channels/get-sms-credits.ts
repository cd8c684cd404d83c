import type { UserActor } from "../auth/actor";
import type { Db } from "../server/db";

/** The SMS credits left to the user's company (shown next to what a message costs). */
export async function getSmsCredits(db: Db, input: { actor: UserActor }): Promise<number> {
  const c = await db.company.findUnique({ where: { id: input.actor.companyId }, select: { smsCredits: true } });
  return c?.smsCredits ?? 0;
}
