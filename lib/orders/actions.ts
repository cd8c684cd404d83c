"use server";
// Server actions on payment orders: one use case each through authedAction, then the order.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authedAction, formValues } from "../auth/authed-action";
import { createUrlOrder } from "./create-url-order";
import { deleteOrder } from "./delete-order";
import { modifyOrder } from "./modify-order";

export type FormState = { fields?: Record<string, string>; error?: string; values?: Record<string, string> };

export const createUrlOrderAction = authedAction({
  read: (_prev: FormState, formData: FormData) => ({ values: formValues(formData) }),
  run: createUrlOrder,
  done: ({ id }) => {
    revalidatePath("/orders");
    redirect(`/orders/${id}?created=1`);
  },
  refused: ({ fields, error }, { values }): FormState => ({ fields, error, values }),
});

/** Modify (and resend) from the edit page: RUNNING, REFUSED or EXPIRED orders; open again after. */
export const modifyOrderAction = authedAction({
  read: (orderId: string, _prev: FormState, formData: FormData) => ({ orderId, values: formValues(formData) }),
  run: modifyOrder,
  done: (_r, { orderId }) => {
    revalidatePath(`/orders/${orderId}`);
    redirect(`/orders/${orderId}?done=modify`);
  },
  // The SMS text's problems (credits, length) are shown on its field.
  refused: ({ fields, error }, { values }): FormState => ({ fields, error, values }),
});

/** Delete (issue 21), after the confirmation: back to the list it was in, or to the order with the reason. */
export const deleteOrderAction = authedAction({
  read: (formData: FormData) => ({ orderId: String(formData.get("id") ?? "") }),
  run: deleteOrder,
  done: ({ mode }) => {
    const list = mode === "TEST" ? "/test-orders" : "/orders";
    revalidatePath(list);
    redirect(`${list}?deleted=1`);
  },
  refused: (r, { orderId }) => {
    redirect(`/orders/${orderId}?error=${r.error ?? "err_generic"}`);
  },
});
