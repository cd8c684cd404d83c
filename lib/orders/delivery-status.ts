import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/actor";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import type { DeliveryStatus } from "../server/generated/prisma/enums";
import { sqlLiterals } from "../server/sql-literals";

/**
 * The delivery status (F-LC-2) as one table: e-mail/SMS/WhatsApp go in progress → sent | failed
 * (an SMS the provider reported sent may still be reported undelivered: sent → failed); URL and
 * invoice links go manual sending → sent when the merchant says so; a resend starts over. The
 * back office's actions go through `transitionDelivery`; the delivery workers' set-based
 * statements through `deliveryStatusAfterSql`.
 */
export const DELIVERY_TRANSITIONS = {
  markSent: { from: ["MANUAL"], to: "SENT" },
  delivered: { from: ["IN_PROGRESS"], to: "SENT" },
  failed: { from: ["IN_PROGRESS", "SENT"], to: "FAILED" },
  resend: { from: ["IN_PROGRESS", "SENT", "FAILED"], to: "IN_PROGRESS" },
} as const satisfies Record<string, { from: readonly DeliveryStatus[]; to: DeliveryStatus }>;

export type DeliveryEvent = keyof typeof DELIVERY_TRANSITIONS;

export const canDeliveryTransition = (status: DeliveryStatus, event: DeliveryEvent) =>
  (DELIVERY_TRANSITIONS[event].from as readonly DeliveryStatus[]).includes(status);

/**
 * SQL: the delivery status `status` becomes under `event` (an SQL text expression naming one of
 * the table's events, or NULL for none): the event's target where the table allows it from
 * `status`, else `status` unchanged — a late or illegal event changes nothing.
 */
export function deliveryStatusAfterSql(status: string, event: string): string {
  const arms = Object.entries(DELIVERY_TRANSITIONS).map(
    ([e, r]) => `WHEN '${e}' THEN CASE WHEN ${status} IN (${sqlLiterals(r.from)}) THEN '${r.to}' END`,
  );
  return `COALESCE(CASE ${event} ${arms.join(" ")} END, ${status}::text)::"DeliveryStatus"`;
}

/** Applies a delivery event atomically (conditional update) with its audit event. */
export async function transitionDelivery(
  tx: Db,
  input: { orderId: string; event: DeliveryEvent; actor: Actor; sendCountIncrement?: number },
) {
  const rule = DELIVERY_TRANSITIONS[input.event];
  const res = await tx.paymentOrder.updateManyAndReturn({
    where: { id: input.orderId, deliveryStatus: { in: [...rule.from] } },
    data: { deliveryStatus: rule.to, ...(input.sendCountIncrement ? { sendCount: { increment: input.sendCountIncrement } } : {}) },
    select: { shopId: true },
  });
  if (res.length !== 1) {
    const current = await tx.paymentOrder.findUnique({ where: { id: input.orderId }, select: { deliveryStatus: true } });
    throw new AppError("INVALID_TRANSITION", `cannot ${input.event} a delivery in status ${current?.deliveryStatus}`, {
      publicMessage: "err_action_not_allowed",
      details: { deliveryStatus: current?.deliveryStatus, event: input.event },
    });
  }
  await recordAuditEvent(tx, {
    actor: input.actor,
    action: `order.delivery.${input.event}`,
    shopId: res[0]!.shopId,
    orderId: input.orderId,
    after: { deliveryStatus: rule.to },
  });
}
