import type { UserActor } from "../auth/actor";
import type { DbOrTx } from "../server/db";

/** Transactions of the user's shops, newest first, with their source order (F-LC-3, F-BO-5). */
export async function findTransactions(db: DbOrTx, input: { actor: UserActor; limit?: number }) {
  const rows = await db.transaction.findMany({
    where: { shopId: { in: input.actor.shopIds } },
    orderBy: { createdAt: "desc" },
    take: Math.min(input.limit ?? 50, 200),
    select: {
      id: true,
      number: true,
      mode: true,
      status: true,
      amount: true,
      currency: true,
      brand: true,
      last4: true,
      createdAt: true,
      shop: { select: { timeZone: true } },
      order: { select: { id: true, reference: true, channel: true } },
    },
  });
  return rows.map((r) => ({ ...r, amount: Number(r.amount) }));
}
