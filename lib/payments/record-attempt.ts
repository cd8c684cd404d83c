// One payment attempt's outcome, shared by a payment (pay-order.ts) and a 3-D Secure challenge's
// end (complete-challenge.ts): the order locked and checked payable, then the transaction, the
// order's transition, the alias, the instalments, receipts and notifications in one transaction.

import crypto from "node:crypto";
import { addDays } from "date-fns";
import { queueReceipts } from "../channels/queue-receipts";
import { readInstalmentPlan } from "../instalments/plan";
import { scheduleInstalments } from "../instalments/schedule-instalments";
import { queueNotifications } from "../notifications/queue-notifications";
import { type AmountUpdate, readAmountUpdate, resolveBuyerAmount } from "../orders/amount-update";
import { transitionOrder } from "../orders/order-status";
import { isWithinValidity } from "../orders/validity";
import type { Tx } from "../server/db";
import { AppError } from "../server/errors";
import type { Prisma } from "../server/generated/prisma/client";
import { randomHex32 } from "../server/secrets";
import type { AuthorizationResult } from "./acquirer";
import type { PayOrderResult } from "./pay-order";

export type LockedOrder = {
  id: string;
  status: string;
  validUntil: Date;
  mode: "TEST" | "PRODUCTION";
  shopId: string;
  amount: bigint;
  currency: string;
  validationMode: string;
  captureDelay: number;
  aliasMode: "NONE" | "PROPOSE" | "AUTOMATIC";
  threeDsPreference: "NO_PREFERENCE" | "FRICTIONLESS" | "CHALLENGE";
  buyerEmail: string | null;
  acceptedBrands: string[];
  collectedData: Record<string, string> | null;
  amountUpdate: unknown;
  installmentPlan: unknown;
  timeZone: string;
};

/** The order behind a link, locked for this attempt, if it can still be paid. */
export async function lockPayableOrder(tx: Tx, token: string): Promise<LockedOrder> {
  const rows = await tx.$queryRaw<LockedOrder[]>`
    SELECT o.id, o.status, o."validUntil", o.mode, o."shopId", o.amount, o.currency, o."validationMode",
           o."captureDelay", o."aliasMode", o."threeDsPreference", o."buyerEmail", s."acceptedBrands",
           o."collectedData", o."amountUpdate", o."installmentPlan", s."timeZone"
    FROM "PaymentOrder" o JOIN "Shop" s ON s.id = o."shopId"
    WHERE o.token = ${token} FOR UPDATE OF o`;
  const order = rows[0];
  if (!order) throw new AppError("NOT_FOUND", "no order for this link", { publicMessage: "err_link_unknown" });
  if (order.status === "PAID") throw new AppError("ORDER_NOT_PAYABLE", "already paid", { publicMessage: "paid" });
  if (order.status === "CANCELLED") throw new AppError("ORDER_NOT_PAYABLE", "cancelled", { publicMessage: "cancelled" });
  if (order.status === "EXPIRED" || !isWithinValidity(order.validUntil, new Date())) {
    throw new AppError("ORDER_NOT_PAYABLE", "expired", { publicMessage: "expired" });
  }
  return order;
}

export type CardSummary = { brand: string; last4: string; expiryMonth: number; expiryYear: number; cardName: string | null };

/**
 * Writes the attempt's transaction and its consequences in the caller's transaction: the order's
 * status, an alias when one was asked for and the payment is accepted, the receipts.
 */
export async function recordAttempt(
  tx: Tx,
  order: LockedOrder,
  card: CardSummary,
  auth: AuthorizationResult,
  saveAlias: boolean,
  amount: number,
): Promise<PayOrderResult> {
  const now = new Date();
  const transactionId = randomHex32();
  const number = crypto.randomInt(0, 1_000_000).toString().padStart(6, "0");
  let aliasId: string | null = null;
  const plan = readInstalmentPlan(order.installmentPlan);
  if (auth.approved && (saveAlias || plan)) {
    const alias = await tx.cardAlias.create({
      data: {
        token: randomHex32(),
        shopId: order.shopId,
        mode: order.mode,
        brand: card.brand,
        last4: card.last4,
        expiryMonth: card.expiryMonth,
        expiryYear: card.expiryYear,
        email: order.buyerEmail,
      },
      select: { id: true },
    });
    aliasId = alias.id;
  }
  await tx.transaction.create({
    data: {
      id: transactionId,
      number,
      orderId: order.id,
      shopId: order.shopId,
      mode: order.mode,
      amount: BigInt(amount),
      currency: order.currency,
      status: auth.approved ? (order.validationMode === "MANUAL" ? "AUTHORISED_TO_VALIDATE" : "AUTHORISED") : "REFUSED",
      errorCode: auth.approved ? null : auth.code,
      errorMessage: auth.approved ? null : auth.message,
      brand: card.brand,
      last4: card.last4,
      expiryMonth: card.expiryMonth,
      expiryYear: card.expiryYear,
      threeDs: auth.threeDs as unknown as Prisma.InputJsonValue,
      aliasId,
      installmentIndex: plan ? 0 : null,
      // What the buyer typed in the shop's data collection form, and the name on the card.
      buyerData:
        order.collectedData || card.cardName
          ? { ...(order.collectedData ?? {}), ...(card.cardName ? { cardHolderName: card.cardName } : {}) }
          : undefined,
      captureDate: auth.approved ? addDays(now, order.captureDelay) : null,
    },
  });
  await transitionOrder(tx, {
    orderId: order.id,
    event: auth.approved ? "pay" : "refuse",
    actor: { type: "BUYER" },
    data: auth.approved ? { paidAt: now, ...paidAmountColumns(order, amount) } : {},
  });
  if (auth.approved && plan) {
    await scheduleInstalments(tx, { orderId: order.id, plan, paidAt: now, timeZone: order.timeZone, transactionId, aliasId });
  }
  if (auth.approved) await queueReceipts(tx, order.id);
  await queueNotifications(tx, [{ orderId: order.id, event: auth.approved ? "PAYMENT_ACCEPTED" : "PAYMENT_REFUSED", transactionId }]);
  return auth.approved
    ? { outcome: "ACCEPTED", transactionId, number }
    : { outcome: "REFUSED", transactionId, number, reason: auth.message };
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
