import { type Actor, assertRole } from "../auth/actor";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import { getOrderOrThrow } from "./get-order";
import { transitionOrder } from "./order-status";
import { isWithinValidity } from "./validity";

/** F-ACT reactivate: a cancelled order becomes payable again, only while still within its validity. */
export async function reactivateOrder(db: Db, input: { actor: Actor; orderId: string }) {
  const order = await getOrderOrThrow(db, input);
  assertRole(input.actor, "OPERATOR");
  if (order.status === "CANCELLED" && !isWithinValidity(order.validUntil)) {
    throw new AppError("INVALID_TRANSITION", "cannot reactivate: validity has ended", {
      details: { status: "EXPIRED", event: "reactivate" },
    });
  }
  return db.$transaction((tx) =>
    transitionOrder(tx, { orderId: input.orderId, event: "reactivate", actor: input.actor, data: { updatedAt: new Date() } }),
  );
}
