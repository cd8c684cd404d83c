import { type Actor, assertRole } from "../auth/actor";
import { queueNotifications } from "../notifications/queue-notifications";
import type { Db } from "../server/db";
import { getOrderOrThrow } from "./get-order";
import { transitionOrder } from "./order-status";

/** F-ACT cancel: an order in progress becomes CANCELLED; its link then reads as expired. */
export async function cancelOrder(db: Db, input: { actor: Actor; orderId: string }) {
  await getOrderOrThrow(db, input);
  assertRole(input.actor, "OPERATOR");
  return db.$transaction(async (tx) => {
    const r = await transitionOrder(tx, { orderId: input.orderId, event: "cancel", actor: input.actor, data: { updatedAt: new Date() } });
    await queueNotifications(tx, [{ orderId: input.orderId, event: "ORDER_CANCELLED" }]);
    return r;
  });
}
