import { type Actor, assertRole } from "../auth/actor";
import { queueNotifications } from "../notifications/queue-notifications";
import { assertNoPaymentInProgress } from "../payments/pending-attempt";
import type { Db } from "../server/db";
import { getOrderOrThrow } from "./get-order";
import { transitionOrder } from "./order-status";

/** F-ACT cancel: an order in progress becomes CANCELLED; its link then reads as expired. */
export async function cancelOrder(db: Db, input: { actor: Actor; orderId: string }) {
  await getOrderOrThrow(db, input);
  assertRole(input.actor, "OPERATOR");
  return db.$transaction(async (tx) => {
    // A payment waiting for the acquirer's answer goes first: its answer must find the order open.
    await assertNoPaymentInProgress(tx, input.orderId);
    const r = await transitionOrder(tx, { orderId: input.orderId, event: "cancel", actor: input.actor, data: { updatedAt: new Date() } });
    await queueNotifications(tx, [{ orderId: input.orderId, event: "ORDER_CANCELLED" }]);
    return r;
  });
}
