import { headers } from "next/headers";
import { cache } from "react";
import { languageOf, type PageLanguage } from "../i18n/locales";
import { getDb } from "../server/db";
import { getPaymentPage } from "./get-payment-page";
import { PAGE_LANG_HEADER, pageLanguage } from "./page-language";

/** The payment page by token, read once per request (layout and page share it). */
export const loadPaymentPage = cache((token: string) => getPaymentPage(getDb(), token));

/** The language the buyer picked with the switch (`?lang=`), if any. */
export async function chosenBuyerLanguage(): Promise<PageLanguage | null> {
  return languageOf((await headers()).get(PAGE_LANG_HEADER));
}

/** No order to follow (unknown link): the buyer's choice, else the browser's language, else English. */
export async function acceptedBuyerLanguage(): Promise<PageLanguage> {
  const chosen = await chosenBuyerLanguage();
  if (chosen) return chosen;
  const accept = (await headers()).get("accept-language") ?? "";
  for (const part of accept.split(",")) {
    const l = languageOf(part.trim().slice(0, 2));
    if (l) return l;
  }
  return "en";
}

/** The buyer's choice, else the order's language, else the shop's, else English. */
export async function buyerLanguage(token: string): Promise<PageLanguage> {
  const page = await loadPaymentPage(token);
  if (!page) return acceptedBuyerLanguage();
  return pageLanguage({
    chosen: await chosenBuyerLanguage(),
    orderLocale: page.locale,
    shopLanguage: page.shop.defaultLanguage,
  });
}
