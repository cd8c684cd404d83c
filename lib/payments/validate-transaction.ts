import { type Actor, assertRole } from "../auth/actor";
import { queueNotifications } from "../notifications/queue-notifications";
import type { Db } from "../server/db";
import { getTransactionOrThrow } from "./get-transaction";
import { transitionTransaction } from "./transaction-status";

/** Manual mode (F-ORD-7): the merchant validates a transaction; the capture sweep then captures it on its capture date. */
export async function validateTransaction(db: Db, input: { actor: Actor; transactionId: string }) {
  const tx0 = await getTransactionOrThrow(db, input);
  assertRole(input.actor, "OPERATOR");
  return db.$transaction(async (tx) => {
    const r = await transitionTransaction(tx, {
      transactionId: input.transactionId,
      event: "validate",
      actor: input.actor,
      data: { validatedAt: new Date() },
    });
    await queueNotifications(tx, [{ orderId: tx0.order.id, event: "TRANSACTION_VALIDATED", transactionId: input.transactionId }]);
    return r;
  });
}
