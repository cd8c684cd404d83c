"use server";
// Server action of the notification log: replay one or many deliveries (operators and administrators), then back where it was asked.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { hasRole } from "@/lib/auth/actor";
import { requireSession } from "@/lib/auth/session";
import { replayDeliveries } from "@/lib/notifications/replay-deliveries";
import { replaySelectionSchema } from "@/lib/notifications/schemas";
import { getDb } from "@/lib/server/db";
import { isAppError } from "@/lib/server/errors";
import { fieldErrorsOf, safeParseInput } from "@/lib/server/validation";

const LOG = "/notifications/deliveries";

/** The page the form came from (the log with its filters, or a delivery), with this notice instead of the last one. */
function backTo(returnTo: string, notice: Record<string, string>): string {
  const url = new URL(returnTo.startsWith(`${LOG}`) && !returnTo.startsWith("//") ? returnTo : LOG, "http://local");
  for (const k of ["done", "error", "n"]) url.searchParams.delete(k);
  for (const [k, v] of Object.entries(notice)) url.searchParams.set(k, v);
  return `${url.pathname}${url.search}`;
}

export async function replayDeliveriesAction(formData: FormData) {
  const { actor } = await requireSession();
  const returnTo = String(formData.get("returnTo") ?? LOG);
  if (!hasRole(actor, "OPERATOR")) redirect(backTo(returnTo, { error: "err_forbidden" }));
  const parsed = safeParseInput(replaySelectionSchema, { deliveryIds: formData.getAll("id").map(String) });
  if (!parsed.success) redirect(backTo(returnTo, { error: fieldErrorsOf(parsed.error).deliveryIds ?? "err_generic" }));
  let notice: Record<string, string>;
  try {
    const { queued } = await replayDeliveries(getDb(), { actor, deliveryIds: parsed.data.deliveryIds });
    notice = { done: "replayed", n: String(queued) };
  } catch (e) {
    if (!isAppError(e)) throw e;
    notice = { error: e.code === "VALIDATION" ? (Object.values(e.fields ?? {})[0] ?? "err_generic") : "err_forbidden" };
  }
  revalidatePath(LOG, "layout");
  redirect(backTo(returnTo, notice));
}
