"use server";
// The buyer's payment form: parse the card, attempt the payment, redirect to the outcome.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { isPageLanguage } from "@/lib/i18n/locales";
import { cardSchema } from "@/lib/payments/card";
import { payPageHref } from "@/lib/payments/page-language";
import { payOrder } from "@/lib/payments/pay-order";
import { clientAddress } from "@/lib/server/client-address";
import { getDb } from "@/lib/server/db";
import { isAppError } from "@/lib/server/errors";
import { fieldErrorsOf } from "@/lib/server/validation";

export type PayFormState = { fields?: Record<string, string>; error?: string; values?: { cardName?: string } };

/** `lang`: the language the buyer picked on the page (bound by the form, so checked here). */
export async function payAction(token: string, lang: string | null, _prev: PayFormState, formData: FormData): Promise<PayFormState> {
  const keep = typeof lang === "string" && isPageLanguage(lang) ? lang : null;
  const raw = {
    cardNumber: String(formData.get("cardNumber") ?? ""),
    expiry: String(formData.get("expiry") ?? ""),
    cvc: String(formData.get("cvc") ?? ""),
    cardName: String(formData.get("cardName") ?? ""),
  };
  // Only the name is echoed back: card data never goes back to the page.
  const values = { cardName: raw.cardName };
  const parsed = cardSchema.safeParse(raw);
  if (!parsed.success) return { fields: fieldErrorsOf(parsed.error), values };
  let result: string;
  try {
    const r = await payOrder(getDb(), { token, card: parsed.data, clientAddress: clientAddress(await headers()) });
    result = r.transactionId;
  } catch (e) {
    if (isAppError(e) && e.code === "RATE_LIMITED") return { error: "rate_limited", values };
    if (isAppError(e) && (e.code === "ORDER_NOT_PAYABLE" || e.code === "NOT_FOUND")) redirect(payPageHref(token, { lang: keep }));
    console.error("[pay] attempt failed", isAppError(e) ? e.code : e);
    return { error: "err_generic", values };
  }
  redirect(payPageHref(token, { lang: keep, result }));
}
