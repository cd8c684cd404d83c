import { headers } from "next/headers";
import { cache } from "react";
import { languageOf } from "../i18n/locales";
import { PAY_MESSAGES } from "../i18n/messages/pay";
import { getDb } from "../server/db";
import { getPaymentPage } from "./get-payment-page";

/** The payment page by token, read once per request (layout and page share it). */
export const loadPaymentPage = cache((token: string) => getPaymentPage(getDb(), token));

/** The buyer's browser language when the page speaks it, else English. */
export async function acceptedBuyerLanguage(): Promise<string> {
  const accept = (await headers()).get("accept-language") ?? "";
  for (const part of accept.split(",")) {
    const l = part.trim().slice(0, 2).toLowerCase();
    if (PAY_MESSAGES[l]) return l;
  }
  return "en";
}

/** The order's language when the page speaks it, else the browser's. */
export async function buyerLanguage(token: string): Promise<string> {
  const page = await loadPaymentPage(token);
  const lang = languageOf(page?.locale);
  return lang && PAY_MESSAGES[lang] ? lang : acceptedBuyerLanguage();
}
