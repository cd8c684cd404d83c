"use server";
// Cancel the remaining instalments of an order (detail page): the use case through authedAction,
// then back to the order with what happened.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authedAction } from "../auth/authed-action";
import { cancelRemainingInstalments } from "./cancel-instalments";

function back(orderId: string, notice: string): never {
  revalidatePath(`/orders/${orderId}`);
  redirect(`/orders/${orderId}?${notice}`);
}

export const cancelInstalmentsAction = authedAction({
  read: (formData: FormData) => ({ orderId: String(formData.get("orderId") ?? "") }),
  run: cancelRemainingInstalments,
  done: (_r, { orderId }) => back(orderId, "done=cancelInstalments"),
  refused: ({ error }, { orderId }) => back(orderId, `error=${error ?? "err_generic"}`),
});
