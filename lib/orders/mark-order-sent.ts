import { type Actor, assertRole } from "../auth/actor";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import { transitionDelivery } from "./delivery-status";
import { getOrderOrThrow } from "./get-order";

/** F-LC-2: the merchant says they sent the link themselves (manual sending → sent). */
export async function markOrderSent(db: Db, input: { actor: Actor; orderId: string }) {
  const order = await getOrderOrThrow(db, input);
  assertRole(input.actor, "OPERATOR");
  if (order.status !== "RUNNING") {
    throw new AppError("INVALID_TRANSITION", `cannot mark sent an order in status ${order.status}`, {
      details: { status: order.status, event: "markSent" },
    });
  }
  await db.$transaction((tx) =>
    transitionDelivery(tx, { orderId: order.id, event: "markSent", actor: input.actor, sendCountIncrement: 1 }),
  );
}
