import { addMinutes } from "date-fns";
import { firstInstalmentAmount } from "../instalments/schedule-instalments";
import { hitRateLimit } from "../security/rate-limit";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import { randomHex32 } from "../server/secrets";
import type { Acquirer } from "./acquirer";
import { brandOf, type CardInput } from "./card";
import { CHALLENGE_LIMITS, challengeCodeDigest } from "./complete-challenge";
import { amountToCharge, type CardSummary, lockPayableOrder, recordAttempt } from "./record-attempt";
import { sandboxAcquirer } from "./sandbox-acquirer";

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
export type PayOrderResult =
  | { outcome: "ACCEPTED" | "REFUSED"; transactionId: string; number: string; reason?: string }
  | { outcome: "CHALLENGE"; challengeId: string };

/**
 * Attempts per order and per client address, per 10 minutes: enough for typos, not for card
 * testing. PAY_LIMIT_PER_ADDRESS raises the address limit where many buyers share one address
 * (a corporate proxy; a load test).
 */
export const PAY_LIMITS = { perOrder: 10, perAddress: Number(process.env.PAY_LIMIT_PER_ADDRESS ?? 30), windowSeconds: 600 };

async function checkRateLimits(db: Db, token: string, clientAddress?: string) {
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

/**
 * One payment attempt on a link (F-PAY-1). The order row is locked for the attempt, so concurrent
 * submissions are serialised: exactly one can be accepted, the others then find it paid. When the
 * issuer asks for a 3-D Secure challenge, nothing is decided yet: a challenge row is written and
 * `completeChallenge` finishes the attempt.
 */
export async function payOrder(db: Db, input: PayOrderInput): Promise<PayOrderResult> {
  const acquirer = input.acquirer ?? sandboxAcquirer;
  await checkRateLimits(db, input.token, input.clientAddress);
  return db.$transaction(
    async (tx) => {
      const order = await lockPayableOrder(tx, input.token);
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
      const card: CardSummary = {
        brand,
        last4: input.card.pan.slice(-4),
        expiryMonth: input.card.expiryMonth,
        expiryYear: input.card.expiryYear,
        cardName: input.card.name,
      };
      const auth = await acquirer.pay({
        mode: order.mode,
        card: input.card,
        amount,
        currency: order.currency,
        orderId: order.id,
        threeDsPreference: order.threeDsPreference,
        forceChallenge: saveAlias,
      });
      if (!("challenge" in auth)) return recordAttempt(tx, order, card, auth, saveAlias, amount);
      const challengeId = randomHex32();
      await tx.paymentChallenge.create({
        data: {
          id: challengeId,
          orderId: order.id,
          ...card,
          saveCard: saveAlias,
          codeDigest: challengeCodeDigest(auth.code),
          // The buyer's adjusted amount rides with the acquirer's state until the challenge ends.
          acquirerState: {
            ...auth.state,
            ...(order.mode === "TEST" ? { testCode: auth.code } : {}),
            ...(order.amountUpdate ? { buyerAmount: String(amount) } : {}),
          },
          threeDs: auth.threeDs,
          lang: input.lang ?? null,
          expiresAt: addMinutes(new Date(), CHALLENGE_LIMITS.minutes),
        },
      });
      return { outcome: "CHALLENGE", challengeId };
    },
    { timeout: 15_000, maxWait: 15_000 },
  );
}
