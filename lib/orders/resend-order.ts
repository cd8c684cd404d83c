import { type Actor, assertRole } from "../auth/actor";
import { queueOrderMessageAgain } from "../channels/queue-messages";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import { transitionDelivery } from "./delivery-status";
import { getOrderOrThrow } from "./get-order";

/** F-ACT "resend" (e-mail orders in progress): the same message, queued again. */
export async function resendOrder(db: Db, input: { actor: Actor; orderId: string }) {
  const order = await getOrderOrThrow(db, input);
  assertRole(input.actor, "OPERATOR");
  if (order.channel !== "MAIL")
    throw new AppError("INVALID_TRANSITION", "only e-mail orders can be resent", { details: { status: order.status, event: "resend" } });
  if (order.status !== "RUNNING")
    throw new AppError("INVALID_TRANSITION", `cannot resend an order in status ${order.status}`, {
      details: { status: order.status, event: "resend" },
    });
  await db.$transaction(async (tx) => {
    await transitionDelivery(tx, { orderId: order.id, event: "resend", actor: input.actor });
    await queueOrderMessageAgain(tx, order.id);
  });
}
