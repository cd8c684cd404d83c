import type { UserActor } from "../auth/actor";
import type { Db } from "../server/db";

/** The shops the search tool offers (id, name, currencies), in id order. */
export async function findSearchShops(db: Db, input: { actor: UserActor }) {
  return db.shop.findMany({
    where: { id: { in: input.actor.shopIds } },
    select: { id: true, name: true, currencies: true },
    orderBy: { id: "asc" },
  });
}
