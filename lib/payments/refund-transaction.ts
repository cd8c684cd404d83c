// Refunds (issue 20): a refund is its own transaction (operationType CREDIT, parentId = the
// captured debit), in three steps so that no row lock is held across the processor's call:
// reserve (the debit's row locked, the refundable rest checked, the refund written PENDING,
// committed), call the processor, record its answer (PENDING → CAPTURED or REFUSED, once).
// Two refunds racing serialise on the debit's lock; the second sees the first's reservation.
import crypto from "node:crypto";
import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, assertRole, assertShopAccess } from "../auth/actor";
import { queueNotifications } from "../notifications/queue-notifications";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import { logger } from "../server/logger";
import { randomHex32 } from "../server/secrets";
import { type OperationResult, type ProcessorOps, processorOpsFor } from "./processor-ops";
import { TRANSACTION_TRANSITIONS } from "./transaction-status";

export type RefundInput = {
  actor: Actor;
  transactionId: string;
  /** Minor units; absent: all that remains refundable. */
  amount?: number;
  comment?: string;
  /** Tests: a processor that refuses or fails. */
  ops?: ProcessorOps;
};

export type RefundResult = {
  refundId: string;
  number: string;
  amount: number;
  status: "CAPTURED" | "REFUSED" | "PENDING";
  errorMessage?: string;
};

type LockedDebit = {
  id: string;
  orderId: string;
  shopId: string;
  mode: "TEST" | "PRODUCTION";
  status: string;
  operationType: string;
  amount: string;
  currency: string;
  processorRef: string | null;
  brand: string | null;
  last4: string | null;
  expiryMonth: number | null;
  expiryYear: number | null;
  refunded: string;
};

// The debit locked. What its refunds already hold (settled or still asked) is read by a second
// statement, once the lock is ours: a statement that waited for the lock keeps the snapshot it
// started with, and a sum in it would miss the refund the previous holder just committed.
const LOCK_DEBIT_SQL = `SELECT t.id, t."orderId", t."shopId", t.mode::text AS mode, t.status::text AS status,
    t."operationType"::text AS "operationType", t.amount::text AS amount, t.currency, t."processorRef",
    t.brand, t.last4, t."expiryMonth", t."expiryYear"
  FROM "Transaction" t WHERE t.id = $1 FOR UPDATE`;
const REFUNDED_SQL = `SELECT COALESCE(sum(amount), 0)::text AS refunded FROM "Transaction"
  WHERE "parentId" = $1 AND status IN ('PENDING', 'CAPTURED')`;

const refuse = (reason: string, message: string, details: Record<string, unknown> = {}) =>
  new AppError("CONFLICT", message, { publicMessage: `err_${reason}`, reason, details });

/** What a captured debit may still be refunded (minor units): its amount less its refunds held or done. */
export function refundableOf(t: { amount: number | bigint | string; refunded: number | bigint | string }) {
  return Math.max(0, Number(t.amount) - Number(t.refunded));
}

async function reserve(db: Db, input: RefundInput) {
  return db.$transaction(async (tx) => {
    const locked = (await tx.sql<Omit<LockedDebit, "refunded">>(LOCK_DEBIT_SQL, [input.transactionId])).rows[0];
    const t: LockedDebit | undefined = locked && {
      ...locked,
      refunded: (await tx.sql<{ refunded: string }>(REFUNDED_SQL, [locked.id])).rows[0]?.refunded ?? "0",
    };
    if (!t) throw new AppError("NOT_FOUND", `transaction ${input.transactionId} not found`, { publicMessage: "Not found" });
    assertShopAccess(input.actor, t.shopId);
    if (input.actor.type === "API_KEY" && input.actor.mode !== t.mode)
      throw new AppError("NOT_FOUND", `transaction ${input.transactionId} is in another mode`, { publicMessage: "Not found" });
    assertRole(input.actor, "OPERATOR");
    if (t.operationType !== "DEBIT") throw refuse("refund_not_debit", "a refund cannot be refunded", { status: t.status });
    if (t.status !== "CAPTURED")
      throw refuse("refund_not_captured", `cannot refund a transaction in status ${t.status}`, { status: t.status });
    const rest = refundableOf(t);
    const amount = input.amount ?? rest;
    if (rest <= 0) throw refuse("refund_nothing_left", "nothing left to refund", { refundable: 0 });
    if (!Number.isSafeInteger(amount) || amount <= 0)
      throw refuse("refund_amount", `invalid refund amount ${amount}`, { refundable: rest });
    if (amount > rest) throw refuse("refund_exceeds", `refund of ${amount} exceeds the refundable ${rest}`, { refundable: rest });
    const id = randomHex32();
    const number = crypto.randomInt(0, 1_000_000).toString().padStart(6, "0");
    await tx.transaction.create({
      data: {
        id,
        number,
        orderId: t.orderId,
        shopId: t.shopId,
        mode: t.mode,
        amount: BigInt(amount),
        currency: t.currency,
        status: "PENDING",
        operationType: "CREDIT",
        parentId: t.id,
        brand: t.brand,
        last4: t.last4,
        expiryMonth: t.expiryMonth,
        expiryYear: t.expiryYear,
        comment: input.comment?.slice(0, 255) || null,
      },
    });
    return { debit: t, refund: { id, number, amount } };
  });
}

/**
 * Records the processor's answer on a PENDING refund, once (a late or repeated answer finds it
 * settled and changes nothing): its status and reference, the audit event, and on success the
 * TRANSACTION_REFUNDED notification. Returns false when it was already settled.
 */
export async function recordRefundAnswer(db: Db, input: { actor: Actor; refundId: string; answer: OperationResult }): Promise<boolean> {
  const ok = input.answer.ok && input.answer.status !== "PENDING";
  const event = ok ? "refund" : "refundRefused";
  if (input.answer.ok && input.answer.status === "PENDING") return false;
  const rule = TRANSACTION_TRANSITIONS[event];
  return db.$transaction(async (tx) => {
    const now = new Date();
    const res = await tx.transaction.updateMany({
      where: { id: input.refundId, operationType: "CREDIT", status: { in: [...rule.from] } },
      data: input.answer.ok
        ? { status: rule.to, processorRef: input.answer.processorRef, capturedAt: now }
        : { status: rule.to, errorCode: input.answer.code.slice(0, 64), errorMessage: input.answer.message.slice(0, 255) },
    });
    if (res.count !== 1) return false;
    const r = await tx.transaction.findUniqueOrThrow({
      where: { id: input.refundId },
      select: { orderId: true, shopId: true, parentId: true, amount: true, currency: true, number: true },
    });
    await recordAuditEvent(tx, {
      actor: input.actor,
      action: `transaction.${event}`,
      shopId: r.shopId,
      orderId: r.orderId,
      before: { transactionId: r.parentId, refundId: input.refundId, status: "PENDING" },
      after: {
        transactionId: r.parentId,
        refundId: input.refundId,
        refundNumber: r.number,
        amount: Number(r.amount),
        currency: r.currency,
        status: rule.to,
        ...(input.answer.ok ? {} : { errorCode: input.answer.code }),
      },
    });
    if (ok) await queueNotifications(tx, [{ orderId: r.orderId, event: "TRANSACTION_REFUNDED", transactionId: input.refundId }]);
    return true;
  });
}

/** Refunds all or part of a captured transaction (operators, API keys of its shop and mode). */
export async function refundTransaction(db: Db, input: RefundInput): Promise<RefundResult> {
  const { debit, refund } = await reserve(db, input);
  const ops = input.ops ?? (await processorOpsFor(db, debit));
  let answer: OperationResult;
  try {
    answer = await ops.refund({
      transactionId: debit.id,
      processorRef: debit.processorRef,
      mode: debit.mode,
      amount: refund.amount,
      currency: debit.currency,
      operationId: refund.id,
    });
  } catch (err) {
    // Unknown outcome: the refund stays PENDING (it keeps holding its amount) until the processor
    // tells, rather than being refused and perhaps refunded twice.
    logger.error({ err, refundId: refund.id, processor: ops.name }, "refund call failed; left pending");
    return { refundId: refund.id, number: refund.number, amount: refund.amount, status: "PENDING" };
  }
  await recordRefundAnswer(db, { actor: input.actor, refundId: refund.id, answer });
  const settled = await db.transaction.findUniqueOrThrow({ where: { id: refund.id }, select: { status: true, errorMessage: true } });
  return {
    refundId: refund.id,
    number: refund.number,
    amount: refund.amount,
    status: settled.status === "CAPTURED" ? "CAPTURED" : settled.status === "REFUSED" ? "REFUSED" : "PENDING",
    errorMessage: settled.errorMessage ?? undefined,
  };
}
