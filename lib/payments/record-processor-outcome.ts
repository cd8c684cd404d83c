// The one path that records a processor's answer about an attempt made on its hosted page (issue
// 20): the notification and the buyer's return both come here, in whatever order, and the first
// one records it — the same consequences as the sandbox's (recordOutcome: transaction, order
// transition, alias, receipts, notifications, analytics through them), under the order's lock.
import crypto from "node:crypto";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import { logger } from "../server/logger";
import type { AuthorizationResult, ThreeDsOutcome } from "./acquirer";
import type { AttemptRow, LockedOrder, PayOrderResult } from "./attempt-types";
import { brandOf } from "./card";
import type { ProcessorOutcome } from "./connectors/types";
import { lockOrder } from "./payable-order";
import { processorAlertQueue } from "./queues";
import { recordOutcome } from "./record-outcome";

export type ProcessorRecordResult =
  | PayOrderResult
  /** The buyer left the processor's page: no transaction, the order payable again. */
  | { outcome: "ABANDONED" }
  /** Refused by us (amount or currency not the attempt's, order closed meanwhile): a flagged transaction. */
  | { outcome: "FLAGGED"; transactionId: string; reason: string };

type ConnectorAttempt = AttemptRow & { connectorId: string | null; processorRef: string | null };

/**
 * Records `outcome` for its attempt, exactly once: the order locked, then the attempt; an attempt
 * already settled returns what was recorded (a repeated notification, a return after it). An
 * attempt the sweep abandoned meanwhile still records an accepted payment: money moved.
 * `connectorId`: the connector whose key checked the outcome — it must be the attempt's.
 */
export async function recordProcessorOutcome(db: Db, outcome: ProcessorOutcome & { connectorId?: string }): Promise<ProcessorRecordResult> {
  return db.$transaction(
    async (tx) => {
      const found = await tx.paymentAttempt.findUnique({ where: { id: outcome.attemptId }, select: { orderId: true } });
      if (!found) throw new AppError("NOT_FOUND", `attempt ${outcome.attemptId} not found`);
      const order = await lockOrder(tx, { id: found.orderId });
      const attempt = (
        await tx.$queryRaw<ConnectorAttempt[]>`
        SELECT id, "orderId", kind::text, status::text, amount, currency, brand, last4, "expiryMonth", "expiryYear", "cardName",
               "saveCard", lang, "challengeId", "instalmentChargeId", "createdAt", "connectorId", "processorRef"
        FROM "PaymentAttempt" WHERE id = ${outcome.attemptId} FOR UPDATE`
      )[0];
      if (!order || !attempt) throw new AppError("NOT_FOUND", `attempt ${outcome.attemptId} not found`);
      if (!attempt.connectorId || (outcome.connectorId && outcome.connectorId !== attempt.connectorId)) {
        throw new AppError("CONFLICT", `attempt ${attempt.id} was not made through this connector`);
      }
      const late = attempt.status === "ABANDONED" && outcome.status === "ACCEPTED";
      if (attempt.status !== "PENDING" && !late) return settledResult(tx, attempt);
      if (late && (await tx.transaction.findUnique({ where: { id: attempt.id }, select: { id: true } }))) return settledResult(tx, attempt);

      if (outcome.status === "ABANDONED") {
        await settle(tx, attempt.id, "ABANDONED");
        return { outcome: "ABANDONED" };
      }
      const mismatch =
        outcome.amount !== Number(attempt.amount) || outcome.currency !== attempt.currency
          ? `the processor states ${outcome.amount} ${outcome.currency}, the attempt was ${attempt.amount} ${attempt.currency}`
          : null;
      const closed =
        outcome.status === "ACCEPTED" && !["RUNNING", "REFUSED"].includes(order.status) ? `order ${order.status} meanwhile` : null;
      const flag = mismatch ?? closed;
      if (flag) return recordFlagged(tx, order, attempt, outcome, flag);

      const card = cardOf(outcome);
      const threeDs = {
        preference: order.threeDsPreference,
        flow: "NONE",
        status: "NOT_ENROLLED",
        byProcessor: true,
      } as unknown as ThreeDsOutcome;
      const auth: AuthorizationResult =
        outcome.status === "ACCEPTED"
          ? { approved: true, brand: card.brand, authorizationCode: outcome.processorRef, threeDs }
          : {
              approved: false,
              brand: card.brand,
              code: outcome.errorCode ?? "REFUSED",
              message: outcome.errorMessage ?? "refused",
              threeDs,
            };
      const result = await recordOutcome(tx, order, { ...attempt, ...card }, auth);
      await tx.transaction.update({
        where: { id: attempt.id },
        data: {
          connectorId: attempt.connectorId,
          processorRef: outcome.processorRef,
          ...(outcome.captured && outcome.status === "ACCEPTED" ? { status: "CAPTURED", capturedAt: new Date() } : {}),
        },
      });
      if (outcome.aliasToken && outcome.status === "ACCEPTED") {
        const t = await tx.transaction.findUnique({ where: { id: attempt.id }, select: { aliasId: true } });
        if (t?.aliasId)
          await tx.cardAlias.update({
            where: { id: t.aliasId },
            data: { processorToken: outcome.aliasToken, connectorId: attempt.connectorId },
          });
      }
      await settle(tx, attempt.id, outcome.status === "ACCEPTED" ? "ACCEPTED" : "REFUSED");
      return result;
    },
    { timeout: 15_000, maxWait: 15_000 },
  );
}

/** The card as the processor describes it: the brand, the last 4 of its masked number, the expiry. */
function cardOf(o: ProcessorOutcome) {
  const digits = (o.maskedPan ?? "").replace(/[^0-9X*]/gi, "");
  const last4 = /^\d{4}$/.test(digits.slice(-4)) ? digits.slice(-4) : "";
  const brand = normalizeBrand(o.brand, digits);
  return { brand, last4, expiryMonth: o.expiryMonth ?? 0, expiryYear: o.expiryYear ?? 0 };
}

const BRANDS: Record<string, string> = {
  CB: "CB",
  VISA: "VISA",
  VISA_ELECTRON: "VISA",
  MASTERCARD: "MASTERCARD",
  MAESTRO: "MAESTRO",
  AMEX: "AMEX",
  "AMERICAN EXPRESS": "AMEX",
};
function normalizeBrand(brand: string | undefined, masked: string): string {
  const b = (brand ?? "").toUpperCase();
  if (BRANDS[b]) return BRANDS[b];
  if (b) return b.slice(0, 20);
  // The masked number's first digits (BIN) still say the network.
  const bin = masked.replace(/[^0-9].*$/, "");
  return bin.length >= 6 ? brandOf(`${bin}0000000000`) : "CARD";
}

const settle = (tx: Db, id: string, status: "ACCEPTED" | "REFUSED" | "ABANDONED") =>
  tx.paymentAttempt.update({ where: { id }, data: { status, settledAt: new Date() } });

/**
 * An answer we do not apply: a REFUSED transaction (the order is not paid by it) flagged with the
 * reason, the attempt settled, and the merchant alerted to cancel or refund it at the processor.
 */
async function recordFlagged(
  tx: Db,
  order: LockedOrder,
  attempt: ConnectorAttempt,
  outcome: ProcessorOutcome,
  reason: string,
): Promise<ProcessorRecordResult> {
  const card = cardOf(outcome);
  logger.warn({ attemptId: attempt.id, orderId: order.id, reason }, "processor outcome flagged");
  await tx.transaction.create({
    data: {
      id: attempt.id,
      number: crypto.randomInt(0, 1_000_000).toString().padStart(6, "0"),
      orderId: order.id,
      shopId: order.shopId,
      mode: order.mode,
      amount: BigInt(Number.isSafeInteger(outcome.amount) ? outcome.amount : 0),
      currency: /^[A-Z]{3}$/.test(outcome.currency) ? outcome.currency : attempt.currency,
      status: "REFUSED",
      errorCode: "PROCESSOR_MISMATCH",
      errorMessage: reason.slice(0, 300),
      brand: card.brand,
      last4: card.last4 || null,
      expiryMonth: card.expiryMonth || null,
      expiryYear: card.expiryYear || null,
      connectorId: attempt.connectorId,
      processorRef: outcome.processorRef,
      flaggedReason: reason.slice(0, 300),
    },
  });
  await settle(tx, attempt.id, "REFUSED");
  await tx.enqueue(processorAlertQueue, { transactionId: attempt.id }, { singletonKey: attempt.id });
  return { outcome: "FLAGGED", transactionId: attempt.id, reason };
}

async function settledResult(tx: Db, attempt: ConnectorAttempt): Promise<ProcessorRecordResult> {
  if (attempt.status === "ABANDONED") return { outcome: "ABANDONED" };
  const t = await tx.transaction.findUnique({
    where: { id: attempt.id },
    select: { number: true, errorMessage: true, flaggedReason: true },
  });
  if (!t) return { outcome: "ABANDONED" };
  if (t.flaggedReason) return { outcome: "FLAGGED", transactionId: attempt.id, reason: t.flaggedReason };
  return attempt.status === "ACCEPTED"
    ? { outcome: "ACCEPTED", transactionId: attempt.id, number: t.number }
    : { outcome: "REFUSED", transactionId: attempt.id, number: t.number, reason: t.errorMessage ?? undefined };
}
