import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/actor";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import type { Prisma, TransactionStatus } from "../server/generated/prisma/client";

/**
 * The transaction life cycle (F-ORD-7) as one table. A manual-mode transaction waits for
 * validation and is never captured before it; unvalidated ones expire after
 * `validationExpiryDays()`. The capture sweep applies `capture` and `expire` in SQL with the same
 * rules (see sweep-transactions.ts); every other change goes through `transitionTransaction`.
 */
export const TRANSACTION_TRANSITIONS = {
  validate: { from: ["AUTHORISED_TO_VALIDATE"], to: "AUTHORISED" },
  capture: { from: ["AUTHORISED"], to: "CAPTURED" },
  cancel: { from: ["AUTHORISED", "AUTHORISED_TO_VALIDATE"], to: "CANCELLED" },
  expire: { from: ["AUTHORISED_TO_VALIDATE"], to: "EXPIRED" },
  // refunds20: Transaction/Update's manualValidation YES on an authorised one (before capture).
  holdForValidation: { from: ["AUTHORISED"], to: "AUTHORISED_TO_VALIDATE" },
  // refunds20: a refund (CREDIT) reserved PENDING, then settled by the processor's answer.
  refund: { from: ["PENDING"], to: "CAPTURED" },
  refundRefused: { from: ["PENDING"], to: "REFUSED" },
} as const satisfies Record<string, { from: readonly TransactionStatus[]; to: TransactionStatus }>;

export type TransactionEvent = keyof typeof TRANSACTION_TRANSITIONS;

/** Days a manual-mode transaction may wait for validation before it expires (default 7). */
export const validationExpiryDays = () => Number(process.env.VALIDATION_EXPIRY_DAYS ?? 7);

export const canTransitionTransaction = (status: TransactionStatus, event: TransactionEvent) =>
  (TRANSACTION_TRANSITIONS[event].from as readonly TransactionStatus[]).includes(status);

/** Applies `event` atomically (a conditional update: two racing events cannot both win) with its audit event. */
export async function transitionTransaction(
  tx: Db,
  input: { transactionId: string; event: TransactionEvent; actor: Actor; data?: Prisma.TransactionUpdateManyMutationInput },
): Promise<{ from: TransactionStatus; to: TransactionStatus }> {
  const rule = TRANSACTION_TRANSITIONS[input.event];
  const current = await tx.transaction.findUnique({
    where: { id: input.transactionId },
    select: { status: true, shopId: true, orderId: true },
  });
  if (!current) throw new AppError("NOT_FOUND", `transaction ${input.transactionId} not found`, { publicMessage: "Not found" });
  const refuse = () =>
    new AppError("INVALID_TRANSITION", `cannot ${input.event} a transaction in status ${current.status}`, {
      publicMessage: "err_action_not_allowed",
      details: { status: current.status, event: input.event },
    });
  if (!canTransitionTransaction(current.status, input.event)) throw refuse();
  const res = await tx.transaction.updateMany({
    where: { id: input.transactionId, status: current.status },
    data: { ...input.data, status: rule.to },
  });
  if (res.count !== 1) throw refuse();
  await recordAuditEvent(tx, {
    actor: input.actor,
    action: `transaction.${input.event}`,
    shopId: current.shopId,
    orderId: current.orderId,
    before: { transactionId: input.transactionId, status: current.status },
    after: { transactionId: input.transactionId, status: rule.to },
  });
  return { from: current.status, to: rule.to };
}
