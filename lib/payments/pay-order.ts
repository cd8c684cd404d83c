import crypto from "node:crypto";
import { addDays, addMinutes } from "date-fns";
import { queueReceipts } from "../channels/queue-receipts";
import { readInstalmentPlan } from "../instalments/plan";
import { firstInstalmentAmount, scheduleInstalments } from "../instalments/schedule-instalments";
import { queueNotifications } from "../notifications/queue-notifications";
import { type AmountUpdate, readAmountUpdate, resolveBuyerAmount } from "../orders/amount-update";
import { transitionOrder } from "../orders/order-status";
import { isWithinValidity } from "../orders/validity";
import { hitRateLimit } from "../security/rate-limit";
import type { Db, Tx } from "../server/db";
import { AppError } from "../server/errors";
import type { Prisma } from "../server/generated/prisma/client";
import { randomHex32 } from "../server/secrets";
import type { Acquirer, AuthorizationResult, ThreeDsOutcome } from "./acquirer";
import { brandOf, type CardInput } from "./card";
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
/** A 3-D Secure challenge: how long the buyer has, and how many codes they may type. */
export const CHALLENGE_LIMITS = { minutes: 10, attempts: 3 };

type LockedOrder = {
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

/** The order behind a link, locked for this attempt, if it can still be paid. */
async function lockPayableOrder(tx: Tx, token: string): Promise<LockedOrder> {
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

type CardSummary = { brand: string; last4: string; expiryMonth: number; expiryYear: number; cardName: string | null };

/**
 * Writes the attempt's transaction and its consequences in the caller's transaction: the order's
 * status, an alias when one was asked for and the payment is accepted, the receipts.
 */
async function recordAttempt(
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
function paidAmountColumns(order: LockedOrder, amount: number) {
  const update = readAmountUpdate(order.amountUpdate);
  if (!update) return {};
  const stored: AmountUpdate = { ...update, requested: update.requested ?? Number(order.amount) };
  return { amount: BigInt(amount), amountUpdate: stored };
}

/** The amount to charge: the order's, or the buyer's within the stored bounds (checked under the lock). */
function amountToCharge(order: LockedOrder, typed: string | undefined): number {
  const update = readAmountUpdate(order.amountUpdate);
  return update ? resolveBuyerAmount(update, typed, order.currency) : Number(order.amount);
}

const digest = (code: string) => crypto.createHash("sha256").update(code).digest("hex");

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
          codeDigest: digest(auth.code),
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

/** A challenge as its page shows it: null when unknown or not of this link. */
export async function getChallenge(db: Db, token: string, challengeId: string) {
  if (!/^[a-f0-9]{32}$/.test(challengeId)) return null;
  const row = await db.paymentChallenge.findFirst({
    where: { id: challengeId, order: { token } },
    select: {
      id: true,
      brand: true,
      last4: true,
      attempts: true,
      expiresAt: true,
      completedAt: true,
      transactionId: true,
      acquirerState: true,
      lang: true,
    },
  });
  if (!row) return null;
  const state = row.acquirerState as Record<string, string>;
  return {
    id: row.id,
    brand: row.brand,
    last4: row.last4,
    attemptsLeft: CHALLENGE_LIMITS.attempts - row.attempts,
    expired: row.expiresAt.getTime() <= Date.now(),
    completedAt: row.completedAt,
    transactionId: row.transactionId,
    lang: row.lang,
    /** Shown on TEST pages only (the sandbox's stand-in for the issuer's text message). */
    testCode: typeof state.testCode === "string" ? state.testCode : null,
  };
}

export type CompleteChallengeResult = PayOrderResult | { outcome: "WRONG_CODE"; attemptsLeft: number } | { outcome: "CHALLENGE_EXPIRED" };

/**
 * The buyer's answer to a 3-D Secure challenge: the code typed, or "cancel". A right code lets the
 * acquirer authorise; a wrong one leaves CHALLENGE_LIMITS.attempts tries, then the attempt is
 * refused. The order is locked again, so a link paid meanwhile (another tab) takes nothing more.
 */
export async function completeChallenge(
  db: Db,
  input: { token: string; challengeId: string; code?: string; cancel?: boolean; acquirer?: Acquirer },
): Promise<CompleteChallengeResult> {
  const acquirer = input.acquirer ?? sandboxAcquirer;
  return db.$transaction(
    async (tx) => {
      const order = await lockPayableOrder(tx, input.token);
      const found = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "PaymentChallenge"
        WHERE id = ${input.challengeId} AND "orderId" = ${order.id} AND "completedAt" IS NULL FOR UPDATE`;
      if (!found[0]) throw new AppError("NOT_FOUND", "no open challenge", { publicMessage: "err_challenge_unknown" });
      const ch = await tx.paymentChallenge.findUniqueOrThrow({ where: { id: input.challengeId } });
      if (ch.expiresAt.getTime() <= Date.now()) {
        await tx.paymentChallenge.update({ where: { id: ch.id }, data: { completedAt: new Date() } });
        return { outcome: "CHALLENGE_EXPIRED" };
      }
      const typed = (input.code ?? "").trim();
      const right = typed.length > 0 && crypto.timingSafeEqual(Buffer.from(digest(typed)), Buffer.from(ch.codeDigest));
      let buyerStep: "passed" | "failed" | "cancelled";
      if (input.cancel) buyerStep = "cancelled";
      else if (right) buyerStep = "passed";
      else if (ch.attempts + 1 < CHALLENGE_LIMITS.attempts) {
        await tx.paymentChallenge.update({ where: { id: ch.id }, data: { attempts: { increment: 1 } } });
        return { outcome: "WRONG_CODE", attemptsLeft: CHALLENGE_LIMITS.attempts - ch.attempts - 1 };
      } else buyerStep = "failed";
      const state = ch.acquirerState as Record<string, string>;
      const amount =
        firstInstalmentAmount(order) ?? (state.buyerAmount && order.amountUpdate ? Number(state.buyerAmount) : Number(order.amount));
      const auth = await acquirer.resume({
        mode: order.mode,
        amount,
        currency: order.currency,
        orderId: order.id,
        state,
        buyerStep,
        threeDs: ch.threeDs as unknown as ThreeDsOutcome,
      });
      const card = { brand: ch.brand, last4: ch.last4, expiryMonth: ch.expiryMonth, expiryYear: ch.expiryYear, cardName: ch.cardName };
      const result = await recordAttempt(tx, order, card, { ...auth, brand: ch.brand }, ch.saveCard, amount);
      await tx.paymentChallenge.update({
        where: { id: ch.id },
        data: {
          completedAt: new Date(),
          attempts: right ? ch.attempts : ch.attempts + 1,
          transactionId: "transactionId" in result ? result.transactionId : null,
        },
      });
      return result;
    },
    { timeout: 15_000, maxWait: 15_000 },
  );
}
