import crypto from "node:crypto";
import { addDays } from "date-fns";
import { queueReceipts } from "../channels/queue-receipts";
import { transitionOrder } from "../orders/order-status";
import { isWithinValidity } from "../orders/validity";
import { hitRateLimit } from "../security/rate-limit";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import { randomHex32 } from "../server/secrets";
import type { Acquirer } from "./acquirer";
import type { CardInput } from "./card";
import { sandboxAcquirer } from "./sandbox-acquirer";

export type PayOrderInput = { token: string; card: CardInput; clientAddress?: string; acquirer?: Acquirer };
export type PayOrderResult = { outcome: "ACCEPTED" | "REFUSED"; transactionId: string; number: string; reason?: string };

/** Attempts per order and per client address, per 10 minutes: enough for typos, not for card testing. */
export const PAY_LIMITS = { perOrder: 10, perAddress: 30, windowSeconds: 600 };

/**
 * One payment attempt on a link (F-PAY-1). The order row is locked for the attempt, so concurrent
 * submissions are serialised: exactly one can be accepted, the others then find it paid.
 */
export async function payOrder(db: Db, input: PayOrderInput): Promise<PayOrderResult> {
  const acquirer = input.acquirer ?? sandboxAcquirer;
  const limits = [hitRateLimit(db, `pay:order:${input.token}`, PAY_LIMITS.perOrder, PAY_LIMITS.windowSeconds)];
  if (input.clientAddress)
    limits.push(hitRateLimit(db, `pay:addr:${input.clientAddress}`, PAY_LIMITS.perAddress, PAY_LIMITS.windowSeconds));
  const blocked = (await Promise.all(limits)).find((r) => !r.allowed);
  if (blocked) {
    throw new AppError("RATE_LIMITED", "too many payment attempts", {
      publicMessage: "err_pay_rate_limited",
      details: { retryAfterSeconds: blocked.retryAfterSeconds },
    });
  }

  return db.$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<
        {
          id: string;
          status: string;
          validUntil: Date;
          mode: "TEST" | "PRODUCTION";
          shopId: string;
          amount: bigint;
          currency: string;
          validationMode: string;
          captureDelay: number;
        }[]
      >`
        SELECT id, status, "validUntil", mode, "shopId", amount, currency, "validationMode", "captureDelay"
        FROM "PaymentOrder" WHERE token = ${input.token} FOR UPDATE`;
      const order = rows[0];
      if (!order) throw new AppError("NOT_FOUND", "no order for this link", { publicMessage: "err_link_unknown" });
      if (order.status === "PAID") throw new AppError("ORDER_NOT_PAYABLE", "already paid", { publicMessage: "paid" });
      if (order.status === "CANCELLED") throw new AppError("ORDER_NOT_PAYABLE", "cancelled", { publicMessage: "cancelled" });
      const now = new Date();
      if (order.status === "EXPIRED" || !isWithinValidity(order.validUntil, now)) {
        throw new AppError("ORDER_NOT_PAYABLE", "expired", { publicMessage: "expired" });
      }

      const amount = Number(order.amount);
      const auth = await acquirer.authorize({ mode: order.mode, card: input.card, amount, currency: order.currency, orderId: order.id });
      const transactionId = randomHex32();
      const number = crypto.randomInt(0, 1_000_000).toString().padStart(6, "0");
      await tx.transaction.create({
        data: {
          id: transactionId,
          number,
          orderId: order.id,
          shopId: order.shopId,
          mode: order.mode,
          amount: order.amount,
          currency: order.currency,
          status: auth.approved ? (order.validationMode === "MANUAL" ? "AUTHORISED_TO_VALIDATE" : "AUTHORISED") : "REFUSED",
          errorCode: auth.approved ? null : auth.code,
          errorMessage: auth.approved ? null : auth.message,
          brand: auth.brand,
          last4: input.card.pan.slice(-4),
          expiryMonth: input.card.expiryMonth,
          expiryYear: input.card.expiryYear,
          captureDate: auth.approved ? addDays(now, order.captureDelay) : null,
        },
      });
      await transitionOrder(tx, {
        orderId: order.id,
        event: auth.approved ? "pay" : "refuse",
        actor: { type: "BUYER" },
        data: auth.approved ? { paidAt: now } : {},
      });
      if (auth.approved) await queueReceipts(tx, order.id);
      return auth.approved
        ? { outcome: "ACCEPTED", transactionId, number }
        : { outcome: "REFUSED", transactionId, number, reason: auth.message };
    },
    { timeout: 15_000, maxWait: 15_000 },
  );
}
