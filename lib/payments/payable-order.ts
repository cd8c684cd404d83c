// The order an attempt is about, locked: payable (a buyer's reservation) or as it is (the record of
// the answer), and the amounts an attempt charges and an accepted one leaves on the order.
import { type AmountUpdate, readAmountUpdate, resolveBuyerAmount } from "../orders/amount-update";
import { isWithinValidity } from "../orders/validity";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import { Prisma } from "../server/generated/prisma/client";
import type { LockedOrder } from "./attempt-types";
import { hasPendingAttempt, paymentInProgress } from "./pending-attempt";

/** The order (by link token or id) and its shop's settings, its row locked until the transaction ends. */
export async function lockOrder(tx: Db, by: { token: string } | { id: string }): Promise<LockedOrder | undefined> {
  const where = "token" in by ? Prisma.sql`o.token = ${by.token}` : Prisma.sql`o.id = ${by.id}`;
  const rows = await tx.$queryRaw<LockedOrder[]>`
    SELECT o.id, o.status, o."validUntil", o.mode, o."shopId", o.amount, o.currency, o."validationMode",
           o."captureDelay", o."aliasMode", o."threeDsPreference", o."buyerEmail", s."acceptedBrands",
           o."collectedData", o."amountUpdate", o."installmentPlan", s."timeZone",
           c."suspendedAt" IS NOT NULL AS "companySuspended"
    FROM "PaymentOrder" o JOIN "Shop" s ON s.id = o."shopId" JOIN "Company" c ON c.id = s."companyId"
    WHERE ${where} FOR UPDATE OF o`;
  return rows[0];
}

/**
 * The order behind a link, locked for a new attempt, if it can still be paid and no other attempt
 * is waiting for the acquirer's answer (then the buyer is told "payment in progress"). `now` is the
 * moment judged, the attempt's reservation time.
 */
export async function lockPayableOrder(tx: Db, token: string, now = new Date()): Promise<LockedOrder> {
  const order = await lockOrder(tx, { token });
  if (!order) throw new AppError("NOT_FOUND", "no order for this link", { publicMessage: "err_link_unknown" });
  if (order.companySuspended) throw new AppError("ORDER_NOT_PAYABLE", "company suspended", { publicMessage: "unavailable" });
  if (order.status === "PAID") throw new AppError("ORDER_NOT_PAYABLE", "already paid", { publicMessage: "paid" });
  if (order.status === "CANCELLED") throw new AppError("ORDER_NOT_PAYABLE", "cancelled", { publicMessage: "cancelled" });
  if (order.status === "EXPIRED" || !isWithinValidity(order.validUntil, now)) {
    throw new AppError("ORDER_NOT_PAYABLE", "expired", { publicMessage: "expired" });
  }
  if (await hasPendingAttempt(tx, order.id)) throw paymentInProgress();
  return order;
}

/**
 * An adjusted amount becomes the order's amount when paid (the requested one kept in
 * `amountUpdate.requested`), so receipts, exports, analytics and notifications read the paid one.
 */
export function paidAmountColumns(order: LockedOrder, amount: number) {
  const update = readAmountUpdate(order.amountUpdate);
  if (!update) return {};
  const stored: AmountUpdate = { ...update, requested: update.requested ?? Number(order.amount) };
  return { amount: BigInt(amount), amountUpdate: stored };
}

/** The amount to charge: the order's, or the buyer's within the stored bounds (checked under the lock). */
export function amountToCharge(order: LockedOrder, typed: string | undefined): number {
  const update = readAmountUpdate(order.amountUpdate);
  return update ? resolveBuyerAmount(update, typed, order.currency) : Number(order.amount);
}
