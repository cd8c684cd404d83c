import { type Actor, assertRole } from "../auth/actor";
import { queueNotifications } from "../notifications/queue-notifications";
import type { Db } from "../server/db";
import { getTransactionOrThrow } from "./get-transaction";
import { assertProcessorAccepted, operationOn, type ProcessorOps, processorOpsFor } from "./processor-ops";
import { canTransitionTransaction, transitionTransaction } from "./transaction-status";

/**
 * Manual mode (F-ORD-7): the merchant validates a transaction; the capture sweep then captures it
 * on its capture date. A transaction taken through a processor connector is validated there first
 * (refunds20, no transaction open): Lyra answers VALIDATED (it captures on the date itself), Stripe
 * captures at once (CAPTURED, recorded so here too).
 */
export async function validateTransaction(db: Db, input: { actor: Actor; transactionId: string; ops?: ProcessorOps }) {
  const tx0 = await getTransactionOrThrow(db, input);
  assertRole(input.actor, "OPERATOR");
  const ops = input.ops ?? (await processorOpsFor(db, tx0));
  let capturedNow = false;
  if (ops.name !== "sandbox" && canTransitionTransaction(tx0.status, "validate")) {
    const answer = await ops.capture(operationOn(tx0));
    assertProcessorAccepted(answer, "processor refused the validation");
    capturedNow = answer.status === "CAPTURED";
  }
  return db.$transaction(async (tx) => {
    const now = new Date();
    const r = await transitionTransaction(tx, {
      transactionId: input.transactionId,
      event: "validate",
      actor: input.actor,
      data: { validatedAt: now },
    });
    const events: Parameters<typeof queueNotifications>[1] = [
      { orderId: tx0.order.id, event: "TRANSACTION_VALIDATED", transactionId: input.transactionId },
    ];
    if (capturedNow) {
      await transitionTransaction(tx, {
        transactionId: input.transactionId,
        event: "capture",
        actor: input.actor,
        data: { capturedAt: now },
      });
      events.push({ orderId: tx0.order.id, event: "TRANSACTION_CAPTURED", transactionId: input.transactionId });
    }
    await queueNotifications(tx, events);
    return r;
  });
}
