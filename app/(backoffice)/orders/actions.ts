"use server";
// Server actions on payment orders: authenticate, parse, call one use case, map the result.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireSession } from "@/lib/auth/session";
import { createOrder } from "@/lib/orders/create-order";
import { markOrderSent } from "@/lib/orders/mark-order-sent";
import { urlOrderFormSchema } from "@/lib/orders/schemas";
import { getDb } from "@/lib/server/db";
import { isAppError } from "@/lib/server/errors";
import { fieldErrorsOf } from "@/lib/server/validation";

export type FormState = { fields?: Record<string, string>; error?: string; values?: Record<string, string> };

export async function createUrlOrderAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { actor } = await requireSession();
  const values = Object.fromEntries([...formData.entries()].map(([k, v]) => [k, String(v)]));
  const parsed = urlOrderFormSchema.safeParse(values);
  if (!parsed.success) return { fields: fieldErrorsOf(parsed.error), values };
  let id: string;
  try {
    const f = parsed.data;
    ({ id } = await createOrder(getDb(), {
      actor,
      shopId: f.shopId,
      mode: f.mode,
      reference: f.reference,
      amountMinor: f.amountMinor,
      currency: f.currency,
      validUntilDay: f.validUntil,
      buyerEmail: f.buyerEmail,
      language: f.language,
    }));
  } catch (e) {
    if (isAppError(e) && e.code === "VALIDATION") return { fields: e.fields, values };
    if (isAppError(e) && (e.code === "FORBIDDEN" || e.code === "NOT_FOUND")) return { error: "err_forbidden", values };
    throw e;
  }
  revalidatePath("/orders");
  redirect(`/orders/${id}?created=1`);
}

export async function markSentAction(formData: FormData) {
  const { actor } = await requireSession();
  const orderId = String(formData.get("orderId") ?? "");
  await markOrderSent(getDb(), { actor, orderId });
  revalidatePath(`/orders/${orderId}`);
}
