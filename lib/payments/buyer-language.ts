import { cache } from "react";
import { languageOf } from "../i18n/locales";
import { PAY_MESSAGES } from "../i18n/messages/pay";
import { getDb } from "../server/db";
import { getPaymentPage } from "./get-payment-page";

/** The payment page by token, read once per request (layout and page share it). */
export const loadPaymentPage = cache((token: string) => getPaymentPage(getDb(), token));

/** The order's language when the page speaks it, else English. */
export async function buyerLanguage(token: string): Promise<string> {
  const page = await loadPaymentPage(token);
  const lang = languageOf(page?.locale) ?? "en";
  return PAY_MESSAGES[lang] ? lang : "en";
}
