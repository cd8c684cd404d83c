"use server";
// Server action of the notification log: replay one or many deliveries (operators and administrators), then back where it was asked.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authedAction, noticeOf } from "../auth/authed-action";
import { replayDeliveries } from "./replay-deliveries";
import { replaySelectionSchema } from "./schemas";

const LOG = "/notifications/deliveries";

/** The page the form came from (the log with its filters, or a delivery), with this notice instead of the last one. */
function backTo(returnTo: string, notice: Record<string, string>): string {
  const url = new URL(returnTo.startsWith(`${LOG}`) && !returnTo.startsWith("//") ? returnTo : LOG, "http://local");
  for (const k of ["done", "error", "n"]) url.searchParams.delete(k);
  for (const [k, v] of Object.entries(notice)) url.searchParams.set(k, v);
  return `${url.pathname}${url.search}`;
}

export const replayDeliveriesAction = authedAction({
  role: "OPERATOR",
  read: (formData: FormData) => ({ returnTo: String(formData.get("returnTo") ?? LOG), deliveryIds: formData.getAll("id").map(String) }),
  schema: replaySelectionSchema,
  run: replayDeliveries,
  done: ({ queued }, { returnTo }) => {
    revalidatePath(LOG, "layout");
    redirect(backTo(returnTo, { done: "replayed", n: String(queued) }));
  },
  refused: (r, { returnTo }) => {
    revalidatePath(LOG, "layout");
    redirect(backTo(returnTo, { error: noticeOf(r) }));
  },
});
