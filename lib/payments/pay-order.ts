import { firstInstalmentAmount } from "../instalments/schedule-instalments";
import { hitRateLimit } from "../security/rate-limit";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import type { Acquirer } from "./acquirer";
import type { PayOrderResult } from "./attempt-types";
import { brandOf, type CardInput } from "./card";
import { amountToCharge, lockPayableOrder } from "./payable-order";
import { reserveBuyerAttempt } from "./pending-attempt";
import { recordAttempt } from "./record-attempt";
import { sandboxAcquirer } from "./sandbox-acquirer";

export type { PayOrderResult } from "./attempt-types";

export type PayOrderInput = {
  token: string;
  card: CardInput;
  /** The buyer ticked "save my card" (only read when the order proposes it). */
  saveCard?: boolean;
  /** The amount the buyer typed, in major units (read only when the order lets the buyer adjust it). */
  amount?: string;
  /** The buyer agreed to keep the card for the later instalments (required when the order has a plan). */
  instalmentConsent?: boolean;
  /** The page language the buyer is reading, kept for the challenge page. */
  lang?: string | null;
  clientAddress?: string;
  acquirer?: Acquirer;
};

/**
 * Attempts per order and per client address, per 10 minutes: enough for typos, not for card
 * testing. PAY_LIMIT_PER_ADDRESS raises the address limit where many buyers share one address
 * (a corporate proxy; a load test).
 */
export const PAY_LIMITS = { perOrder: 10, perAddress: Number(process.env.PAY_LIMIT_PER_ADDRESS ?? 30), windowSeconds: 600 };

/** The buyer's attempts' limits, for the card form and a processor's hosted page alike. */
export async function checkPayRateLimits(db: Db, token: string, clientAddress?: string) {
  const limits = [hitRateLimit(db, `pay:order:${token}`, PAY_LIMITS.perOrder, PAY_LIMITS.windowSeconds)];
  if (clientAddress) limits.push(hitRateLimit(db, `pay:addr:${clientAddress}`, PAY_LIMITS.perAddress, PAY_LIMITS.windowSeconds));
  const blocked = (await Promise.all(limits)).find((r) => !r.allowed);
  if (blocked) {
    throw new AppError("RATE_LIMITED", "too many payment attempts", {
      publicMessage: "err_pay_rate_limited",
      details: { retryAfterSeconds: blocked.retryAfterSeconds },
    });
  }
}

export const sandboxRefusesProduction = () =>
  new AppError("ORDER_NOT_PAYABLE", "the sandbox acquirer serves TEST orders only", { publicMessage: "payments_unavailable" });

/**
 * One payment attempt on a link (F-PAY-1), in three steps so that no row lock is held while the
 * acquirer answers: reserve (the order locked and checked payable, a PENDING attempt written,
 * committed), call the acquirer with no transaction open, record its answer (recordAttempt). While
 * the attempt is PENDING a second buyer is told "payment in progress": exactly one of two buyers
 * paying at once is charged. When the issuer asks for a 3-D Secure challenge, nothing is decided
 * yet: a challenge row is written and `completeChallenge` finishes the attempt.
 */
export async function payOrder(db: Db, input: PayOrderInput): Promise<PayOrderResult> {
  const acquirer = input.acquirer ?? sandboxAcquirer;
  await checkPayRateLimits(db, input.token, input.clientAddress);
  const reserved = await db.$transaction(
    async (tx) => {
      const now = new Date();
      const order = await lockPayableOrder(tx, input.token, now);
      // The sandbox moves no money: it serves TEST orders only (a PRODUCTION one is paid on its
      // shop's processor page, start-connector-payment.ts).
      if (order.mode !== "TEST" && acquirer === sandboxAcquirer) throw sandboxRefusesProduction();
      // Paid in instalments: the first is charged now, with the buyer's consent to keep the card.
      const amount = firstInstalmentAmount(order) ?? amountToCharge(order, input.amount);
      if (order.installmentPlan && input.instalmentConsent !== true) {
        throw new AppError("VALIDATION", "instalments need the buyer's consent to keep the card", {
          publicMessage: "err_instalment_consent",
          fields: { instalmentConsent: "err_instalment_consent" },
        });
      }
      const brand = brandOf(input.card.pan);
      if (!order.acceptedBrands.includes(brand)) {
        throw new AppError("VALIDATION", `brand ${brand} not accepted by shop ${order.shopId}`, {
          publicMessage: "err_card_brand_not_accepted",
          fields: { cardNumber: "err_card_brand_not_accepted" },
        });
      }
      const saveAlias =
        order.installmentPlan != null || order.aliasMode === "AUTOMATIC" || (order.aliasMode === "PROPOSE" && input.saveCard === true);
      const attemptId = await reserveBuyerAttempt(tx, order, {
        kind: "PAYMENT",
        amount,
        brand,
        last4: input.card.pan.slice(-4),
        expiryMonth: input.card.expiryMonth,
        expiryYear: input.card.expiryYear,
        cardName: input.card.name,
        saveCard: saveAlias,
        lang: input.lang ?? null,
        challengeId: null,
        createdAt: now,
      });
      const request = {
        mode: order.mode,
        amount,
        currency: order.currency,
        orderId: order.id,
        threeDsPreference: order.threeDsPreference,
        forceChallenge: saveAlias,
      };
      return { attemptId, request };
    },
    { timeout: 15_000, maxWait: 15_000 },
  );
  // Committed: the order's row is free while the acquirer answers. Should the call throw (its
  // outcome unknown), the attempt stays PENDING and sweepPaymentAttempts settles it.
  const answer = await acquirer.pay({ ...reserved.request, card: input.card });
  return recordAttempt(db, reserved.attemptId, answer);
}
