"use server";
// Cancel the remaining instalments of an order (detail page): authenticate, call the use case,
// come back to the order with what happened.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireSession } from "@/lib/auth/session";
import { cancelRemainingInstalments } from "@/lib/instalments/cancel-instalments";
import { getDb } from "@/lib/server/db";
import { isAppError } from "@/lib/server/errors";

export async function cancelInstalmentsAction(formData: FormData) {
  const { actor } = await requireSession();
  const orderId = String(formData.get("orderId") ?? "");
  let error: string | null = null;
  try {
    await cancelRemainingInstalments(getDb(), { actor, orderId });
  } catch (e) {
    if (!isAppError(e)) throw e;
    error = e.code === "INVALID_TRANSITION" ? "err_action_not_allowed" : e.code === "FORBIDDEN" ? "err_forbidden" : "err_generic";
  }
  revalidatePath(`/orders/${orderId}`);
  redirect(`/orders/${orderId}?${error ? `error=${error}` : "done=cancelInstalments"}`);
}
