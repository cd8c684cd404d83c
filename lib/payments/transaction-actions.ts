"use server";
// The transaction actions (validate, cancel, refund, change the capture date) from the transaction
// or the order page: the use case through authedAction, then back to the page with what happened.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { UserActor } from "../auth/actor";
import { authedAction, noticeOf } from "../auth/authed-action";
import { getDb } from "../server/db";
import { isAppError } from "../server/errors";
import { getTransactionOrThrow } from "./get-transaction";
import { runTransactionOperation } from "./run-transaction-operation";
import { transactionActionSchema } from "./schemas";

type Input = { action?: unknown; transactionId?: unknown; returnTo?: unknown };

/** Back to the transaction or its order with the notice; to the list when it is not (or no longer) visible. */
async function back(actor: UserActor, input: Input, notice: string): Promise<never> {
  const transactionId = String(input.transactionId ?? "");
  let orderId: string;
  try {
    orderId = (await getTransactionOrThrow(getDb(), { actor, transactionId })).order.id;
  } catch (e) {
    if (!isAppError(e)) throw e;
    redirect("/transactions");
  }
  revalidatePath("/transactions");
  revalidatePath(`/transactions/${transactionId}`);
  revalidatePath(`/orders/${orderId}`);
  redirect(`${input.returnTo === "order" ? `/orders/${orderId}` : `/transactions/${transactionId}`}?${notice}`);
}

export const runTransactionAction = authedAction({
  read: (formData: FormData): Input => Object.fromEntries(formData.entries()),
  schema: transactionActionSchema,
  run: (db, input) => runTransactionOperation(db, input),
  done: (_r, input, actor) => back(actor, input, `done=${input.action}Transaction`),
  refused: (refusal, input, actor) => back(actor, input, `error=${noticeOf(refusal)}`),
});
