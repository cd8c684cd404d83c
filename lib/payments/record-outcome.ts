// An authorisation's consequences, for a payment and a 3-D Secure challenge's end alike: the
// transaction, the order's transition, the alias, the instalments, receipts and notifications, on
// the record's transaction (record-attempt.ts), which holds the order's row lock.
import crypto from "node:crypto";
import { addDays } from "date-fns";
import { queueReceipts } from "../channels/queue-receipts";
import { readInstalmentPlan } from "../instalments/plan";
import { scheduleInstalments } from "../instalments/schedule-instalments";
import { queueNotifications } from "../notifications/queue-notifications";
import { transitionOrder } from "../orders/order-status";
import type { Db } from "../server/db";
import type { Prisma } from "../server/generated/prisma/client";
import { randomHex32 } from "../server/secrets";
import type { AuthorizationResult } from "./acquirer";
import type { AttemptRow, LockedOrder, PayOrderResult } from "./attempt-types";
import { paidAmountColumns } from "./payable-order";

/**
 * Writes the attempt's transaction (its id is the attempt's) and its consequences: the order's
 * status, an alias when one was asked for and the payment is accepted, the receipts.
 */
export async function recordOutcome(tx: Db, order: LockedOrder, attempt: AttemptRow, auth: AuthorizationResult): Promise<PayOrderResult> {
  const now = new Date();
  const transactionId = attempt.id;
  const amount = Number(attempt.amount);
  const number = crypto.randomInt(0, 1_000_000).toString().padStart(6, "0");
  let aliasId: string | null = null;
  const plan = readInstalmentPlan(order.installmentPlan);
  if (auth.approved && (attempt.saveCard || plan)) {
    const alias = await tx.cardAlias.create({
      data: {
        token: randomHex32(),
        shopId: order.shopId,
        mode: order.mode,
        brand: attempt.brand,
        last4: attempt.last4,
        expiryMonth: attempt.expiryMonth,
        expiryYear: attempt.expiryYear,
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
      brand: attempt.brand,
      last4: attempt.last4,
      expiryMonth: attempt.expiryMonth,
      expiryYear: attempt.expiryYear,
      threeDs: auth.threeDs as unknown as Prisma.InputJsonValue,
      aliasId,
      installmentIndex: plan ? 0 : null,
      // What the buyer typed in the shop's data collection form, and the name on the card.
      buyerData:
        order.collectedData || attempt.cardName
          ? { ...(order.collectedData ?? {}), ...(attempt.cardName ? { cardHolderName: attempt.cardName } : {}) }
          : undefined,
      captureDate: auth.approved ? addDays(now, order.captureDelay) : null,
    },
  });
  await transitionOrder(tx, {
    orderId: order.id,
    event: auth.approved ? "pay" : "refuse",
    actor: { type: "BUYER" },
    // Judged when the attempt was reserved: a validity ending while the acquirer answered does not
    // undo a payment the order accepted.
    at: attempt.createdAt,
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
