import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/actor";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import type { OrderStatus, Prisma } from "../server/generated/prisma/client";
import { effectiveStatus } from "./order-view";

/**
 * The order life cycle (F-LC-1) as one table: each event, the statuses it may start from, and
 * where it leads. Every status change goes through `transitionOrder`.
 */
export const ORDER_TRANSITIONS = {
  pay: { from: ["RUNNING", "REFUSED"], to: "PAID" },
  refuse: { from: ["RUNNING", "REFUSED"], to: "REFUSED" },
  expire: { from: ["RUNNING", "REFUSED"], to: "EXPIRED" },
  cancel: { from: ["RUNNING"], to: "CANCELLED" },
  reactivate: { from: ["CANCELLED"], to: "RUNNING" },
  extendValidity: { from: ["RUNNING", "EXPIRED"], to: "RUNNING" },
  // Back office "modify and resend": a refused or expired order is open again once modified.
  modify: { from: ["RUNNING", "REFUSED", "EXPIRED"], to: "RUNNING" },
} as const satisfies Record<string, { from: readonly OrderStatus[]; to: OrderStatus }>;

export type OrderEvent = keyof typeof ORDER_TRANSITIONS;

export const canTransition = (status: OrderStatus, event: OrderEvent) =>
  (ORDER_TRANSITIONS[event].from as readonly OrderStatus[]).includes(status);

/**
 * Applies `event` to the order if its current status allows it, atomically (a conditional update,
 * so two racing events cannot both win), with an audit event in the same transaction.
 */
export async function transitionOrder(
  tx: Db,
  input: {
    orderId: string;
    event: OrderEvent;
    actor: Actor;
    data?: Prisma.PaymentOrderUpdateManyMutationInput;
    /** When the event is judged to happen (its validity check): a payment's is its reservation. */
    at?: Date;
  },
): Promise<{ from: OrderStatus; to: OrderStatus }> {
  const rule = ORDER_TRANSITIONS[input.event];
  const current = await tx.paymentOrder.findUnique({
    where: { id: input.orderId },
    select: { status: true, shopId: true, validUntil: true },
  });
  if (!current) throw new AppError("NOT_FOUND", `order ${input.orderId} not found`);
  // An unpaid order past its validity is expired even before the sweep has marked it.
  const status = input.event === "expire" ? current.status : effectiveStatus(current.status, current.validUntil, input.at);
  const refuse = () =>
    new AppError("INVALID_TRANSITION", `cannot ${input.event} an order in status ${status}`, {
      details: { status, event: input.event },
    });
  if (!canTransition(status, input.event)) throw refuse();
  // Conditional on the status we read: a concurrent change makes this match nothing.
  const res = await tx.paymentOrder.updateMany({
    where: { id: input.orderId, status: current.status },
    data: { ...input.data, status: rule.to },
  });
  if (res.count !== 1) throw refuse();
  await recordAuditEvent(tx, {
    actor: input.actor,
    action: `order.${input.event}`,
    shopId: current.shopId,
    orderId: input.orderId,
    before: { status: current.status },
    after: { status: rule.to },
  });
  return { from: current.status, to: rule.to };
}
