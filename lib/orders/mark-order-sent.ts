import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, assertRole } from "../auth/actor";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
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
  await db.$transaction(async (tx) => {
    const res = await tx.paymentOrder.updateMany({
      where: { id: order.id, deliveryStatus: "MANUAL" },
      data: { deliveryStatus: "SENT", sendCount: { increment: 1 } },
    });
    if (res.count !== 1) {
      throw new AppError("INVALID_TRANSITION", `delivery status of ${order.id} is not MANUAL`, { publicMessage: "err_not_manual" });
    }
    await recordAuditEvent(tx, {
      actor: input.actor,
      action: "order.delivery.markSent",
      shopId: order.shopId,
      orderId: order.id,
      before: { deliveryStatus: "MANUAL" },
      after: { deliveryStatus: "SENT" },
    });
  });
}
