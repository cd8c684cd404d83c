import type { UserActor } from "../auth/actor";
import type { Db } from "../server/db";
import type { Mode } from "../server/generated/prisma/enums";
import { ORDER_KEY_COLUMNS } from "./order-columns";
import { effectiveStatus } from "./order-view";

export type OrderListInput = { actor: UserActor; mode: Mode; limit?: number };

/** The order list of the user's shops for one mode, newest first. */
export async function findOrders(db: Db, input: OrderListInput) {
  const rows = await db.paymentOrder.findMany({
    where: { shopId: { in: input.actor.shopIds }, mode: input.mode },
    orderBy: { createdAt: "desc" },
    take: Math.min(input.limit ?? 50, 200),
    select: {
      ...ORDER_KEY_COLUMNS,
      channel: true,
      status: true,
      deliveryStatus: true,
      validUntil: true,
      createdAt: true,
      locale: true,
      buyerEmail: true,
      recipient: true,
      shop: { select: { name: true, timeZone: true } },
    },
  });
  const now = new Date();
  return rows.map((r) => ({ ...r, amount: Number(r.amount), status: effectiveStatus(r.status, r.validUntil, now) }));
}

export type OrderListRow = Awaited<ReturnType<typeof findOrders>>[number];
