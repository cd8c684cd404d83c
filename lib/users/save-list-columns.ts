import type { UserActor } from "../auth/actor";
import { normaliseColumns, type OrderColumn } from "../orders/list-columns";
import type { Db } from "../server/db";
import { asObject } from "./get-list-columns";

/** Keeps the user's choice of order list columns in User.preferences, other preferences untouched. */
export async function saveListColumns(db: Db, input: { actor: UserActor; columns: readonly string[] }): Promise<OrderColumn[]> {
  const columns = normaliseColumns(input.columns);
  const user = await db.user.findUniqueOrThrow({ where: { id: input.actor.userId }, select: { preferences: true } });
  await db.user.update({
    where: { id: input.actor.userId },
    data: { preferences: { ...asObject(user.preferences), orderColumns: columns } },
  });
  return columns;
}
