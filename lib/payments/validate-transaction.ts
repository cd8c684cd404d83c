import { type Actor, assertRole } from "../auth/actor";
import type { Db } from "../server/db";
import { getTransactionOrThrow } from "./get-transaction";
import { transitionTransaction } from "./transaction-status";

/** Manual mode (F-ORD-7): the merchant validates a transaction; the capture sweep then captures it on its capture date. */
export async function validateTransaction(db: Db, input: { actor: Actor; transactionId: string }) {
  await getTransactionOrThrow(db, input);
  assertRole(input.actor, "OPERATOR");
  return db.$transaction((tx) =>
    transitionTransaction(tx, {
      transactionId: input.transactionId,
      event: "validate",
      actor: input.actor,
      data: { validatedAt: new Date() },
    }),
  );
}
