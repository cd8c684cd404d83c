"use server";
// The "order by invoice" dialog's action (F-CH-INVOICE). A missing or unpublished collect form is
// the use case's err_invoice_form_… message: the table shows it for the whole dialog.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { authedAction, formValues } from "../auth/authed-action";
import type { FormState } from "./actions";
import { createInvoiceFromForm } from "./create-invoice-from-form";

export const createInvoiceOrderAction = authedAction({
  read: (_prev: FormState, formData: FormData) => ({ values: formValues(formData) }),
  run: createInvoiceFromForm,
  done: ({ id }) => {
    revalidatePath("/orders");
    redirect(`/orders/${id}?created=1`);
  },
  refused: ({ fields, error }, { values }): FormState => ({ fields, error, values }),
});
