import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, assertRole } from "../auth/actor";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import { getOrderOrThrow } from "./get-order";

/**
 * F-ACT "delete" (manual §5, issue 21): an order nobody tried to pay (no transaction, no payment
 * attempt, no 3-D Secure challenge) is removed for good — from the lists, the exports, the
 * analytics (the statement trigger of migration 20261207150000_gaps21_delete_order takes its
 * counts back) and the API (Get answers as for an unknown order); its link shows "unavailable".
 * The audit log keeps the event, with what the order was. Refused once a payment was attempted.
 */
export async function deleteOrder(db: Db, input: { actor: Actor; orderId: string }): Promise<{ mode: "TEST" | "PRODUCTION" }> {
  const order = await getOrderOrThrow(db, input);
  assertRole(input.actor, "OPERATOR");
  await db.$transaction(async (tx) => {
    // Locked: a payment starting now waits, then finds no order.
    const rows = await tx.$queryRaw<{ attempted: boolean }[]>`
      SELECT EXISTS (SELECT 1 FROM "Transaction" WHERE "orderId" = o.id)
          OR EXISTS (SELECT 1 FROM "PaymentAttempt" WHERE "orderId" = o.id)
          OR EXISTS (SELECT 1 FROM "PaymentChallenge" WHERE "orderId" = o.id)
          OR EXISTS (SELECT 1 FROM "InstalmentCharge" WHERE "orderId" = o.id) AS attempted
      FROM "PaymentOrder" o WHERE o.id = ${order.id} FOR UPDATE`;
    if (!rows[0]) throw new AppError("NOT_FOUND", `order ${order.id} not found`, { publicMessage: "Not found" });
    if (rows[0].attempted) {
      throw new AppError("INVALID_TRANSITION", "an order with a payment attempt cannot be deleted", {
        publicMessage: "err_delete_has_transaction",
        details: { status: order.status, event: "delete" },
      });
    }
    await recordAuditEvent(tx, {
      actor: input.actor,
      action: "order.delete",
      shopId: order.shopId,
      orderId: order.id,
      before: {
        reference: order.reference,
        amount: order.amount,
        currency: order.currency,
        channel: order.channel,
        status: order.status,
        mode: order.mode,
        recipient: order.recipient,
        createdAt: order.createdAt.toISOString(),
        validUntil: order.validUntil.toISOString(),
      },
    });
    // Its counts leave the analytics (the trigger acts for this transaction only, not for retention).
    await tx.$queryRaw`SELECT set_config('po.delete_order', 'on', true)`;
    // Its messages and reminder steps go with it (ON DELETE CASCADE).
    await tx.paymentOrder.delete({ where: { id: order.id } });
  });
  return { mode: order.mode };
}
