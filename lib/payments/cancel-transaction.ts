import { type Actor, assertRole } from "../auth/actor";
import type { Db } from "../server/db";
import { getTransactionOrThrow } from "./get-transaction";
import { transitionTransaction } from "./transaction-status";

/** Cancels an authorised transaction before it is captured (validated or not): it will never be captured. */
export async function cancelTransaction(db: Db, input: { actor: Actor; transactionId: string }) {
  await getTransactionOrThrow(db, input);
  assertRole(input.actor, "OPERATOR");
  return db.$transaction((tx) => transitionTransaction(tx, { transactionId: input.transactionId, event: "cancel", actor: input.actor }));
}
