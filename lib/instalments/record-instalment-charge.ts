// A later instalment's answer recorded (charge-instalment.ts): the transaction with its index, the
// instalment PAID / rescheduled / FAILED, receipts, notifications, the merchant's alert, audit.
import crypto from "node:crypto";
import { addDays } from "date-fns";
import { recordAuditEvent } from "../audit/record-audit-event";
import { queueReceipts } from "../channels/queue-receipts";
import type { NotificationEvent } from "../notifications/events";
import { queueNotifications } from "../notifications/queue-notifications";
import type { AuthorizationResult } from "../payments/acquirer";
import type { Db } from "../server/db";
import { instalmentFailedAlertQueue } from "./queues";

/**
 * Retry policy of a refused instalment: tried again 1 day after the first refusal, 3 days after
 * the second; the third refusal fails it for good (the merchant is alerted by e-mail and by the
 * INSTALMENT_FAILED notification). The other instalments keep their dates.
 */
export const INSTALMENT_RETRY_DAYS = [1, 3];

export type ChargeOutcome = "ACCEPTED" | "RETRY" | "FAILED" | "SKIPPED";

export type DueCharge = {
  id: string;
  orderId: string;
  index: number;
  amount: bigint;
  attempts: number;
  status: string;
  nextAttemptAt: Date;
  shopId: string;
  mode: "TEST" | "PRODUCTION";
  currency: string;
  orderStatus: string;
  validationMode: string;
  captureDelay: number;
  aliasId: string | null;
  aliasToken: string | null;
  brand: string | null;
  last4: string | null;
  expiryMonth: number | null;
  expiryYear: number | null;
  /** stripe20: the card is kept by the shop's processor (CardAlias.connectorId / processorToken). */
  connectorId: string | null;
  processorToken: string | null;
};

/** stripe20: the processor's reference of a charge made through the shop's connector, and whether it is captured already. */
export type ProcessorCharge = { connectorId: string; processorRef: string | null; captured: boolean };

/**
 * Writes one instalment's answer on the caller's transaction, which holds the instalment's row
 * lock: `auth` null when there was no kept card to charge. `transactionId` is the attempt's id.
 * An instalment the merchant cancelled while the acquirer answered is PAID if accepted (the money
 * moved: the charge finished first, as when it held its lock throughout), else stays CANCELLED.
 */
export async function writeInstalmentAnswer(
  tx: Db,
  input: { charge: DueCharge; auth: AuthorizationResult | null; now: Date; transactionId: string; processor?: ProcessorCharge },
): Promise<ChargeOutcome> {
  const { charge: c, auth, now, transactionId, processor } = input;
  const approved = auth?.approved === true;
  await tx.transaction.create({
    data: {
      id: transactionId,
      number: crypto.randomInt(0, 1_000_000).toString().padStart(6, "0"),
      orderId: c.orderId,
      shopId: c.shopId,
      mode: c.mode,
      amount: c.amount,
      currency: c.currency,
      status: approved ? (c.validationMode === "MANUAL" ? "AUTHORISED_TO_VALIDATE" : "AUTHORISED") : "REFUSED",
      errorCode: auth && !auth.approved ? auth.code : auth ? null : "NO_TOKEN",
      errorMessage: auth && !auth.approved ? auth.message : auth ? null : "no_kept_card",
      brand: c.brand,
      last4: c.last4,
      expiryMonth: c.expiryMonth,
      expiryYear: c.expiryYear,
      threeDs: auth ? auth.threeDs : undefined,
      aliasId: c.aliasId,
      installmentIndex: c.index,
      captureDate: approved ? addDays(now, c.captureDelay) : null,
      ...(processor
        ? {
            connectorId: processor.connectorId,
            processorRef: processor.processorRef,
            ...(approved && processor.captured ? { status: "CAPTURED" as const, capturedAt: now } : {}),
          }
        : {}),
    },
  });
  const attempts = c.attempts + 1;
  const retryDays = INSTALMENT_RETRY_DAYS[c.attempts];
  const cancelled = c.status === "CANCELLED";
  const outcome: ChargeOutcome = approved ? "ACCEPTED" : auth && retryDays !== undefined && !cancelled ? "RETRY" : "FAILED";
  await tx.instalmentCharge.update({
    where: { id: c.id },
    data: {
      attempts,
      updatedAt: now,
      transactionId,
      ...(outcome === "ACCEPTED" ? { status: "PAID" } : {}),
      ...(outcome === "RETRY" ? { nextAttemptAt: addDays(now, retryDays as number) } : {}),
      ...(outcome === "FAILED" && !cancelled ? { status: "FAILED" } : {}),
    },
  });
  if (approved) await queueReceipts(tx, c.orderId);
  const events: { orderId: string; event: NotificationEvent; transactionId: string }[] = [
    { orderId: c.orderId, event: approved ? "PAYMENT_ACCEPTED" : "PAYMENT_REFUSED", transactionId },
  ];
  if (outcome === "FAILED" && !cancelled) {
    events.push({ orderId: c.orderId, event: "INSTALMENT_FAILED" as const, transactionId });
    await tx.enqueue(instalmentFailedAlertQueue, { chargeId: c.id }, { singletonKey: c.id });
  }
  await queueNotifications(tx, events);
  await recordAuditEvent(tx, {
    actor: { type: "SYSTEM" },
    shopId: c.shopId,
    orderId: c.orderId,
    action: "order.instalment.charge",
    after: {
      index: c.index + 1,
      amount: Number(c.amount),
      outcome,
      attempts,
      transactionId,
      code: auth && !auth.approved ? auth.code : null,
    },
  });
  return outcome;
}

/** The instalment and its order, its row locked (`skipLocked`: a concurrent sweep's is left alone). */
export async function lockCharge(tx: Db, chargeId: string, skipLocked: boolean): Promise<DueCharge | undefined> {
  const rows = await tx.$queryRawUnsafe<DueCharge[]>(
    `SELECT c.id, c."orderId", c.index, c.amount, c.attempts, c.status::text AS status, c."nextAttemptAt", o."shopId", o.mode, o.currency,
            o.status::text AS "orderStatus", o."validationMode"::text AS "validationMode", o."captureDelay", c."aliasId",
            a.token AS "aliasToken", a.brand, a.last4, a."expiryMonth", a."expiryYear",
            a."connectorId", a."processorToken"
     FROM "InstalmentCharge" c JOIN "PaymentOrder" o ON o.id = c."orderId" LEFT JOIN "CardAlias" a ON a.id = c."aliasId"
     WHERE c.id = $1::uuid FOR UPDATE OF c${skipLocked ? " SKIP LOCKED" : ""}`,
    chargeId,
  );
  return rows[0];
}

/**
 * Records the acquirer's answer to a reserved instalment attempt, in a transaction of its own:
 * the instalment locked (the reservation's order: instalment, then attempt), the attempt locked
 * and still PENDING, the answer written, the attempt settled. A repeated or late answer for a
 * settled attempt changes nothing (SKIPPED).
 */
export async function recordInstalmentAnswer(
  db: Db,
  input: { attemptId: string; auth: AuthorizationResult; now: Date; processor?: ProcessorCharge },
): Promise<ChargeOutcome> {
  return db.$transaction(
    async (tx) => {
      const { instalmentChargeId } = await tx.paymentAttempt.findUniqueOrThrow({
        where: { id: input.attemptId },
        select: { instalmentChargeId: true },
      });
      const charge = instalmentChargeId ? await lockCharge(tx, instalmentChargeId, false) : undefined;
      const attempt = await tx.$queryRaw<{ status: string }[]>`
        SELECT status::text FROM "PaymentAttempt" WHERE id = ${input.attemptId} FOR UPDATE`;
      if (!charge || attempt[0]?.status !== "PENDING") return "SKIPPED";
      const outcome = await writeInstalmentAnswer(tx, {
        charge,
        auth: input.auth,
        now: input.now,
        transactionId: input.attemptId,
        processor: input.processor,
      });
      await tx.paymentAttempt.update({
        where: { id: input.attemptId },
        data: { status: input.auth.approved ? "ACCEPTED" : "REFUSED", settledAt: new Date() },
      });
      return outcome;
    },
    { timeout: 15_000, maxWait: 15_000 },
  );
}
