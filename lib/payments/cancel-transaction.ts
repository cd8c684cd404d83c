import { type Actor, assertRole } from "../auth/actor";
import { cancelPlanOfVoidedFirstInstalment } from "../instalments/cancel-instalments";
import { queueNotifications } from "../notifications/queue-notifications";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import { getTransactionOrThrow } from "./get-transaction";
import { assertProcessorAccepted, operationOn, type ProcessorOps, processorOpsFor } from "./processor-ops";
import { canTransitionTransaction, transitionTransaction } from "./transaction-status";

/**
 * Cancels an authorised transaction before it is captured (validated or not): it will never be
 * captured. The processor is told first, with no transaction open (refunds20's seam; the sandbox
 * answers at once), then the cancellation is recorded through the transition table.
 */
export async function cancelTransaction(db: Db, input: { actor: Actor; transactionId: string; comment?: string; ops?: ProcessorOps }) {
  const tx0 = await getTransactionOrThrow(db, input);
  assertRole(input.actor, "OPERATOR");
  if (tx0.operationType !== "DEBIT" || !canTransitionTransaction(tx0.status, "cancel"))
    throw new AppError("INVALID_TRANSITION", `cannot cancel a transaction in status ${tx0.status}`, {
      publicMessage: "err_action_not_allowed",
      details: { status: tx0.status, event: "cancel" },
    });
  const ops = input.ops ?? (await processorOpsFor(db, tx0));
  assertProcessorAccepted(await ops.cancel(operationOn(tx0)), "processor refused the cancellation");
  return db.$transaction(async (tx) => {
    const r = await transitionTransaction(tx, {
      transactionId: input.transactionId,
      event: "cancel",
      actor: input.actor,
      data: input.comment ? { comment: input.comment.slice(0, 255) } : undefined,
    });
    await queueNotifications(tx, [{ orderId: tx0.order.id, event: "TRANSACTION_CANCELLED", transactionId: input.transactionId }]);
    await cancelPlanOfVoidedFirstInstalment(tx, input);
    return r;
  });
}
