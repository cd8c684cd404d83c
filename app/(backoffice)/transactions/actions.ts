"use server";
// The transaction actions (validate, cancel) from the transaction or the order page: authenticate,
// parse, call the use case, come back with what happened.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireSession } from "@/lib/auth/session";
import { cancelTransaction } from "@/lib/payments/cancel-transaction";
import { getTransactionOrThrow } from "@/lib/payments/get-transaction";
import { transactionActionSchema } from "@/lib/payments/schemas";
import { validateTransaction } from "@/lib/payments/validate-transaction";
import { getDb } from "@/lib/server/db";
import { isAppError } from "@/lib/server/errors";
import { safeParseInput } from "@/lib/server/validation";

export async function runTransactionAction(formData: FormData) {
  const { actor } = await requireSession();
  const parsed = safeParseInput(transactionActionSchema, Object.fromEntries(formData.entries()));
  if (!parsed.success) redirect("/transactions");
  const { action, transactionId, returnTo } = parsed.data;
  const db = getDb();
  let error: string | null = null;
  try {
    if (action === "validate") await validateTransaction(db, { actor, transactionId });
    else await cancelTransaction(db, { actor, transactionId });
  } catch (e) {
    if (!isAppError(e)) throw e;
    if (e.code === "NOT_FOUND") redirect("/transactions");
    error = e.code === "INVALID_TRANSITION" ? "err_action_not_allowed" : e.code === "FORBIDDEN" ? "err_forbidden" : "err_generic";
  }
  const { order } = await getTransactionOrThrow(db, { actor, transactionId });
  revalidatePath("/transactions");
  revalidatePath(`/transactions/${transactionId}`);
  revalidatePath(`/orders/${order.id}`);
  const base = returnTo === "order" ? `/orders/${order.id}` : `/transactions/${transactionId}`;
  redirect(`${base}?${error ? `error=${error}` : `done=${action}Transaction`}`);
}
