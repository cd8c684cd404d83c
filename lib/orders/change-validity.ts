import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, assertRole } from "../auth/actor";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import { getOrderOrThrow } from "./get-order";
import { transitionOrder } from "./order-status";
import { validityFromDay } from "./validity";

/**
 * F-ACT "change validity date": a new last day (23:59:59 in the shop's zone, ≤ 90 days after the order's creation); nothing is
 * sent again. An expired order becomes payable again.
 */
export async function changeValidity(db: Db, input: { actor: Actor; orderId: string; day: string }) {
  const order = await getOrderOrThrow(db, input);
  assertRole(input.actor, "OPERATOR");
  const validity = validityFromDay(input.day, { timeZone: order.shop.timeZone, defaultValidityDays: 0 }, new Date(), order.createdAt);
  if (!validity.ok)
    throw new AppError("VALIDATION", validity.error, { fields: { validUntil: validity.error }, publicMessage: "invalid_input" });
  await db.$transaction(async (tx) => {
    await transitionOrder(tx, {
      orderId: order.id,
      event: "extendValidity",
      actor: input.actor,
      data: { validUntil: validity.validUntil, updatedAt: new Date() },
    });
    await recordAuditEvent(tx, {
      actor: input.actor,
      action: "order.validity.change",
      shopId: order.shopId,
      orderId: order.id,
      before: { validUntil: order.validUntil.toISOString() },
      after: { validUntil: validity.validUntil.toISOString() },
    });
  });
  return validity.validUntil;
}
