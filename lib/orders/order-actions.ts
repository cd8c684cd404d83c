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
] as const;
export type OrderAction = (typeof ORDER_ACTIONS)[number];

const BY_STATUS: Record<OrderStatus, OrderAction[]> = {
  RUNNING: ["details", "message", "modifyResend", "resend", "changeValidity", "cancel", "createFrom", "markSent"],
  PAID: ["details", "message", "viewTransaction", "createFrom"],
  REFUSED: ["details", "message", "viewTransaction", "createFrom", "modifyResend"],
  EXPIRED: ["details", "message", "modifyResend", "changeValidity", "createFrom"],
  CANCELLED: ["details", "message", "reactivate", "createFrom"],
};

/** Which actions an order offers now, by its status (as people see it), channel and delivery. */
export function availableActions(
  o: { status: OrderStatus; validUntil: Date; channel: Channel; deliveryStatus: DeliveryStatus },
  now = new Date(),
): OrderAction[] {
  const status = effectiveStatus(o.status, o.validUntil, now);
  return BY_STATUS[status].filter((a) => {
    if (a === "resend") return o.channel === "MAIL";
    if (a === "markSent") return o.deliveryStatus === "MANUAL";
    if (a === "reactivate") return now.getTime() <= o.validUntil.getTime();
    return true;
  });
}
