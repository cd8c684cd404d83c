import type { Channel, DeliveryStatus, OrderStatus } from "../server/generated/prisma/enums";
import { effectiveStatus } from "./order-view";

/** The back office's actions on an order (F-ACT). */
export const ORDER_ACTIONS = [
  "details",
  "message",
  "modifyResend",
  "resend",
  "changeValidity",
  "cancel",
  "reactivate",
  "createFrom",
  "viewTransaction",
  "markSent",
  "delete",
] as const;
export type OrderAction = (typeof ORDER_ACTIONS)[number];

const BY_STATUS: Record<OrderStatus, OrderAction[]> = {
  RUNNING: ["details", "message", "modifyResend", "resend", "changeValidity", "cancel", "createFrom", "markSent", "delete"],
  PAID: ["details", "message", "viewTransaction", "createFrom"],
  REFUSED: ["details", "message", "viewTransaction", "createFrom", "modifyResend"],
  EXPIRED: ["details", "message", "modifyResend", "changeValidity", "createFrom", "delete"],
  CANCELLED: ["details", "message", "reactivate", "createFrom", "delete"],
};

/**
 * Which actions an order offers now, by its status (as people see it), channel and delivery.
 * "delete" (issue 21) only when the caller knows no payment was attempted (`attempted: false`).
 */
export function availableActions(
  o: { status: OrderStatus; validUntil: Date; channel: Channel; deliveryStatus: DeliveryStatus; attempted?: boolean },
  now = new Date(),
): OrderAction[] {
  const status = effectiveStatus(o.status, o.validUntil, now);
  return BY_STATUS[status].filter((a) => {
    if (a === "resend") return o.channel === "MAIL";
    if (a === "markSent") return o.deliveryStatus === "MANUAL";
    if (a === "reactivate") return now.getTime() <= o.validUntil.getTime();
    if (a === "delete") return o.attempted === false;
    return true;
  });
}
