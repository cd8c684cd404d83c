import { type Actor, assertRole } from "../auth/actor";
import { cancelPlanOfVoidedFirstInstalment } from "../instalments/cancel-instalments";
import { queueNotifications } from "../notifications/queue-notifications";
import type { Db } from "../server/db";
import { getTransactionOrThrow } from "./get-transaction";
import { transitionTransaction } from "./transaction-status";

/** Cancels an authorised transaction before it is captured (validated or not): it will never be captured. */
export async function cancelTransaction(db: Db, input: { actor: Actor; transactionId: string }) {
  const tx0 = await getTransactionOrThrow(db, input);
  assertRole(input.actor, "OPERATOR");
  return db.$transaction(async (tx) => {
    const r = await transitionTransaction(tx, { transactionId: input.transactionId, event: "cancel", actor: input.actor });
    await queueNotifications(tx, [{ orderId: tx0.order.id, event: "TRANSACTION_CANCELLED", transactionId: input.transactionId }]);
    await cancelPlanOfVoidedFirstInstalment(tx, input);
    return r;
  });
}
