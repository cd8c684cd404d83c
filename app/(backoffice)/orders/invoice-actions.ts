"use server";
// The "order by invoice" dialog's action (F-CH-INVOICE).
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireSession } from "@/lib/auth/session";
import { createInvoiceFromForm } from "@/lib/orders/create-invoice-from-form";
import { getDb } from "@/lib/server/db";
import { isAppError } from "@/lib/server/errors";
import type { FormState } from "./actions";

export async function createInvoiceOrderAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { actor } = await requireSession();
  const values = Object.fromEntries([...formData.entries()].map(([k, v]) => [k, String(v)]));
  let id: string;
  try {
    ({ id } = await createInvoiceFromForm(getDb(), { actor, values }));
  } catch (e) {
    if (isAppError(e) && e.code === "VALIDATION") {
      // The shop's form is missing or unpublished: a message for the whole dialog, not a field.
      const whole = e.publicMessage.startsWith("err_invoice_form") ? e.publicMessage : undefined;
      return { fields: whole ? undefined : e.fields, error: whole, values };
    }
    if (isAppError(e) && (e.code === "FORBIDDEN" || e.code === "NOT_FOUND")) return { error: "err_forbidden", values };
    throw e;
  }
  revalidatePath("/orders");
  redirect(`/orders/${id}?created=1`);
}
