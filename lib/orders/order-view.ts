import type { OrderStatus } from "../server/generated/prisma/enums";

/** The status people see: an unpaid order past its validity reads EXPIRED even before the sweep ran. */
export function effectiveStatus(status: OrderStatus, validUntil: Date, now = new Date()): OrderStatus {
  if ((status === "RUNNING" || status === "REFUSED") && now.getTime() > validUntil.getTime()) return "EXPIRED";
  return status;
}
