// The V4 transaction services (spec §15, refunds20): Transaction/Get, /CancelOrRefund, /Validate,
// /Update. They call the same use cases as the transaction's back-office actions and answer the
// transaction as a V4/Transaction (a refund: its own CREDIT transaction).
import { cancelTransaction } from "../../payments/cancel-transaction";
import { getTransactionOrThrow } from "../../payments/get-transaction";
import { refundTransaction } from "../../payments/refund-transaction";
import { updateTransaction } from "../../payments/update-transaction";
import { validateTransaction } from "../../payments/validate-transaction";
import { type AppError, isAppError } from "../../server/errors";
import { dayInZone } from "../../time/shop-time";
import { LyraError, type LyraErrorCode } from "../error-codes";
import { parseRequest } from "../parse-request";
import { TRANSACTION_SELECT, toPaymentTransaction } from "../transaction-object";
import {
  cancelOrRefundSchema,
  transactionGetSchema,
  type UpdateTransactionRequest,
  updateTransactionSchema,
  validateTransactionSchema,
} from "../transaction-schemas";
import { apiActor, type Service, type ServiceContext } from "./types";

const REASONS: Record<string, LyraErrorCode> = {
  refund_exceeds: "PSP_1107",
  refund_nothing_left: "PSP_1107",
  refund_amount: "INT_009",
  refund_not_captured: "PSP_1106",
  refund_not_debit: "PSP_1106",
  amount_not_lower: "PSP_1107",
  capture_date_range: "PSP_1109",
  processor_refused: "PSP_1110",
  unsupported: "PSP_1110",
};

/** A use case's refusal in the transaction services' words; anything else is a bug, rethrown. */
function toTransactionError(e: unknown, uuid: string): LyraError {
  if (e instanceof LyraError) return e;
  if (!isAppError(e)) throw e;
  const err = e as AppError;
  if (err.code === "NOT_FOUND") return new LyraError("PSP_010", `Transaction not found [uuid=${uuid}]`);
  if (err.code === "INVALID_TRANSITION")
    return new LyraError("PSP_1106", `Transaction status is ${String(err.details?.status ?? "")} [uuid=${uuid}]`);
  const code = err.reason ? REASONS[err.reason] : undefined;
  if (code) return new LyraError(code, `${err.message} [uuid=${uuid}]`);
  throw e;
}

async function answerOf(ctx: ServiceContext, id: string) {
  const row = await ctx.db.transaction.findUniqueOrThrow({ where: { id }, select: TRANSACTION_SELECT });
  return { answer: { ...toPaymentTransaction(row), _type: "V4/Transaction" } };
}

/** The transaction, only within the caller's shop and mode (anything else: PSP_010). */
async function loadOwn(ctx: ServiceContext, uuid: string) {
  try {
    return await getTransactionOrThrow(ctx.db, { actor: apiActor(ctx.shop), transactionId: uuid });
  } catch (e) {
    throw toTransactionError(e, uuid);
  }
}

/** The uuid first, so a missing one reads as such whatever else is wrong. */
function requireUuid(body: Record<string, unknown>) {
  if (body.uuid === undefined || body.uuid === null || body.uuid === "")
    throw new LyraError("INT_902", "Invalid input uuid [value=null]: required");
}

/** Transaction/Get */
export const transactionGet: Service = async (ctx) => {
  requireUuid(ctx.body);
  const req = parseRequest(transactionGetSchema, ctx.body);
  const t = await loadOwn(ctx, req.uuid);
  return answerOf(ctx, t.id);
};

/**
 * Transaction/CancelOrRefund — before capture: cancels (a smaller amount lowers the amount to
 * capture instead); after: refunds, answering the refund's own CREDIT transaction.
 */
export const transactionCancelOrRefund: Service = async (ctx) => {
  requireUuid(ctx.body);
  const req = parseRequest(cancelOrRefundSchema, ctx.body);
  const t = await loadOwn(ctx, req.uuid);
  const actor = apiActor(ctx.shop);
  if (req.currency && req.currency !== t.currency)
    throw new LyraError("PSP_1108", `Invalid input currency [value="${req.currency}"]: the transaction's is ${t.currency}`);
  const mode = req.resolutionMode ?? "AUTO";
  const uncaptured = t.operationType === "DEBIT" && (t.status === "AUTHORISED" || t.status === "AUTHORISED_TO_VALIDATE");
  const captured = t.operationType === "DEBIT" && t.status === "CAPTURED";
  if ((uncaptured && mode === "REFUND_ONLY") || (captured && mode === "CANCELLATION_ONLY") || (!uncaptured && !captured))
    throw new LyraError("PSP_1106", `resolutionMode ${mode} on a ${t.operationType} transaction in status ${t.status} [uuid=${t.id}]`);
  try {
    if (uncaptured) {
      if (req.amount !== undefined && req.amount > t.amount)
        throw new LyraError("PSP_1107", `Invalid input amount [value=${req.amount}]: the amount to capture is ${t.amount}`);
      if (req.amount !== undefined && req.amount < t.amount)
        await updateTransaction(ctx.db, { actor, transactionId: t.id, amount: t.amount - req.amount, comment: req.comment });
      else await cancelTransaction(ctx.db, { actor, transactionId: t.id, comment: req.comment });
      return answerOf(ctx, t.id);
    }
    const r = await refundTransaction(ctx.db, { actor, transactionId: t.id, amount: req.amount, comment: req.comment });
    return answerOf(ctx, r.refundId);
  } catch (e) {
    throw toTransactionError(e, t.id);
  }
};

/** Transaction/Validate — a transaction waiting for manual validation (AUTHORISED_TO_VALIDATE). */
export const transactionValidate: Service = async (ctx) => {
  requireUuid(ctx.body);
  const req = parseRequest(validateTransactionSchema, ctx.body);
  const t = await loadOwn(ctx, req.uuid);
  if (t.operationType !== "DEBIT") throw new LyraError("PSP_1106", `Transaction status is ${t.status} [uuid=${t.id}]`);
  await validateTransaction(ctx.db, { actor: apiActor(ctx.shop), transactionId: t.id }).catch((e) => {
    throw toTransactionError(e, t.id);
  });
  return answerOf(ctx, t.id);
};

/** Transaction/Update — before capture: lower the amount, move the capture date, switch the validation mode. */
export const transactionUpdate: Service = async (ctx) => {
  requireUuid(ctx.body);
  const req = parseRequest(updateTransactionSchema, ctx.body);
  const t = await loadOwn(ctx, req.uuid);
  const u: Partial<NonNullable<UpdateTransactionRequest["cardUpdate"]>> = req.cardUpdate ?? {};
  if (u.currency && u.currency !== t.currency)
    throw new LyraError("PSP_1108", `Invalid input cardUpdate.currency [value="${u.currency}"]: the transaction's is ${t.currency}`);
  if (u.amount !== undefined && u.amount > t.amount)
    throw new LyraError("PSP_1107", `Invalid input cardUpdate.amount [value=${u.amount}]: the authorised amount is ${t.amount}`);
  try {
    await updateTransaction(ctx.db, {
      actor: apiActor(ctx.shop),
      transactionId: t.id,
      amount: u.amount,
      captureDay: u.expectedCaptureDate ? dayInZone(u.expectedCaptureDate, t.shop.timeZone) : undefined,
      manualValidation: u.manualValidation === undefined ? undefined : u.manualValidation === "YES",
      comment: req.comment,
    });
  } catch (e) {
    throw toTransactionError(e, t.id);
  }
  return answerOf(ctx, t.id);
};
