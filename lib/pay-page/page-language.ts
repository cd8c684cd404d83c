import { languageOf, type PageLanguage } from "../i18n/locales";

/**
 * The payment page's language: the buyer's explicit choice (the switch), else the order's
 * language, else the shop's default, else English. Only the page changes, never the order.
 */
export function pageLanguage(input: { chosen?: string | null; orderLocale?: string | null; shopLanguage?: string | null }): PageLanguage {
  const chosen = input.chosen && input.chosen.length === 2 ? languageOf(input.chosen) : null;
  return chosen ?? languageOf(input.orderLocale) ?? languageOf(input.shopLanguage) ?? "en";
}

/** A payment page URL keeping the buyer's language choice (and the attempt shown, if any). */
export function payPageHref(token: string, query: { lang?: string | null; result?: string | null }): string {
  const q = new URLSearchParams();
  if (query.result) q.set("result", query.result);
  if (query.lang) q.set("lang", query.lang);
  const s = q.toString();
  return `/pay/${encodeURIComponent(token)}${s ? `?${s}` : ""}`;
}
