// The operations on a transaction already recorded — capture, cancel, refund — as one small seam
// (refunds20): the sandbox answers them itself; a transaction recorded through a shop's processor
// connector (lyraform20's PaymentConnector, lib/payments/connectors) has them sent to its processor. Each is a network
// call made with no transaction open ("Reserve, call, record"): the caller reserved before and
// records the answer after, idempotently. `operationId` (a refund's own id) is the idempotency key.
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import { connectorForTransaction } from "./connectors/shop-connector";

/** Same shape as the connectors' OperationResult (lib/payments/connectors/types.ts). */
export type OperationResult =
  | { ok: true; status: "VALIDATED" | "CAPTURED" | "CANCELLED" | "REFUNDED" | "PENDING"; processorRef: string }
  | { ok: false; code: string; message: string };

export type OperationContext = {
  /** Our transaction id (the debit's). */
  transactionId: string;
  /** What the processor called the debit (null for the sandbox's). */
  processorRef: string | null;
  mode: "TEST" | "PRODUCTION";
  /** Minor units: what to capture, cancel or refund. */
  amount: number;
  currency: string;
  /** A refund's own id: the idempotency key sent to the processor. */
  operationId?: string;
};

export interface ProcessorOps {
  /** Who answers, for the audit trail ("sandbox", "LYRA_FORM", "STRIPE"). */
  name: string;
  capture(ctx: OperationContext): Promise<OperationResult>;
  cancel(ctx: OperationContext): Promise<OperationResult>;
  refund(ctx: OperationContext): Promise<OperationResult>;
  /** Lower the amount still to capture (Lyra's partial cancel / Transaction/Update); absent: not supported. */
  lowerAmount?(ctx: OperationContext): Promise<OperationResult>;
}

/** The context of an operation on a recorded transaction: on its own amount unless told another. */
export const operationOn = (
  t: { id: string; processorRef: string | null; mode: OperationContext["mode"]; amount: number; currency: string },
  amount = t.amount,
): OperationContext => ({ transactionId: t.id, processorRef: t.processorRef, mode: t.mode, amount, currency: t.currency });

/** A refusal by the processor changed nothing on its side: CONFLICT, nothing is recorded on ours. */
export function assertProcessorAccepted(answer: OperationResult, what: string): asserts answer is Extract<OperationResult, { ok: true }> {
  if (!answer.ok)
    throw new AppError("CONFLICT", `${what}: ${answer.code} ${answer.message}`, {
      publicMessage: "err_processor_refused",
      reason: "processor_refused",
    });
}

/** The sandbox acquirer's side: every operation succeeds at once; its reference is ours. */
export const sandboxProcessorOps: ProcessorOps = {
  name: "sandbox",
  capture: async (c) => ({ ok: true, status: "CAPTURED", processorRef: `sbx-${c.transactionId}` }),
  cancel: async (c) => ({ ok: true, status: "CANCELLED", processorRef: `sbx-${c.transactionId}` }),
  refund: async (c) => ({ ok: true, status: "REFUNDED", processorRef: `sbx-rf-${c.operationId ?? c.transactionId}` }),
  lowerAmount: async (c) => ({ ok: true, status: "PENDING", processorRef: `sbx-${c.transactionId}` }),
};

/**
 * The operations for one transaction: its shop connector's when it was recorded through one
 * (Transaction.connectorId, lyraform20's connectorForTransaction), else the sandbox's. A refund or
 * a partial capture sends its own amount; the connector's answer comes back as is.
 */
export async function processorOpsFor(db: Db, t: { id: string }): Promise<ProcessorOps> {
  const found = await connectorForTransaction(db, t.id);
  if (!found) return sandboxProcessorOps;
  const { connector, ctx } = found;
  const call = (op: "capture" | "cancel" | "refund") => (c: OperationContext) =>
    connector[op]({ ...ctx, amount: c.amount, currency: c.currency, operationId: c.operationId }) as Promise<OperationResult>;
  // No lowerAmount: lowering an authorisation is not in the connector interface (refused with a clear error).
  return { name: connector.kind, capture: call("capture"), cancel: call("cancel"), refund: call("refund") };
}
