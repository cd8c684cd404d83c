"use server";
// Server actions on payment orders: authenticate, parse, call one use case, map the result.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireSession } from "@/lib/auth/session";
import { isDelivered } from "@/lib/orders/create-order";
import { createUrlOrder } from "@/lib/orders/create-url-order";
import { getOrderOrThrow } from "@/lib/orders/get-order";
import { invalidAddresses, urlOrderFormSchema } from "@/lib/orders/schemas";
import { updateOrder } from "@/lib/orders/update-order";
import { getDb } from "@/lib/server/db";
import { isAppError } from "@/lib/server/errors";
import { fieldErrorsOf, safeParseInput } from "@/lib/server/validation";

export type FormState = { fields?: Record<string, string>; error?: string; values?: Record<string, string> };

export async function createUrlOrderAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { actor } = await requireSession();
  const values = Object.fromEntries([...formData.entries()].map(([k, v]) => [k, String(v)]));
  let id: string;
  try {
    ({ id } = await createUrlOrder(getDb(), { actor, values }));
  } catch (e) {
    if (isAppError(e) && e.code === "VALIDATION") return { fields: e.fields, values };
    if (isAppError(e) && (e.code === "FORBIDDEN" || e.code === "NOT_FOUND")) return { error: "err_forbidden", values };
    throw e;
  }
  revalidatePath("/orders");
  redirect(`/orders/${id}?created=1`);
}

/** Modify (and resend) from the edit page: RUNNING, REFUSED or EXPIRED orders; open again after. */
export async function modifyOrderAction(orderId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const { actor } = await requireSession();
  const values = Object.fromEntries([...formData.entries()].map(([k, v]) => [k, String(v)]));
  const parsed = safeParseInput(urlOrderFormSchema, values);
  const recipient = values.recipient?.trim();
  const badRecipient = recipient !== undefined && invalidAddresses([recipient]).length > 0;
  if (!parsed.success || badRecipient) {
    return {
      fields: { ...(parsed.success ? {} : fieldErrorsOf(parsed.error)), ...(badRecipient ? { recipient: "err_recipient_invalid" } : {}) },
      values,
    };
  }
  const f = parsed.data;
  try {
    const order = await getOrderOrThrow(getDb(), { actor, orderId });
    await updateOrder(getDb(), {
      actor,
      orderId,
      reopen: true,
      // E-mail, SMS and WhatsApp orders go out again (an SMS with its text rendered anew, for credits).
      resend: isDelivered(order.channel),
      changes: {
        reference: f.reference,
        amountMinor: f.amountMinor,
        currency: f.currency,
        validUntilDay: f.validUntil,
        buyerEmail: f.buyerEmail,
        ...(recipient !== undefined && order.channel === "MAIL" ? { recipient } : {}),
      },
    });
  } catch (e) {
    // The edit form has no message field: the SMS text's problems (credits, length) are the form's.
    const textError = isAppError(e) && e.code === "VALIDATION" ? e.fields?.message : undefined;
    if (textError) return { error: textError, values };
    if (isAppError(e) && e.code === "VALIDATION") return { fields: e.fields, values };
    if (isAppError(e) && e.code === "INVALID_TRANSITION") return { error: "err_action_not_allowed", values };
    if (isAppError(e) && (e.code === "FORBIDDEN" || e.code === "NOT_FOUND")) return { error: "err_forbidden", values };
    throw e;
  }
  revalidatePath(`/orders/${orderId}`);
  redirect(`/orders/${orderId}?done=modify`);
}
