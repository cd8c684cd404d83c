// What every buyer-page handler shares: the request and response shapes, the security headers,
// the page language before an order is known, the not-found page and the form body.
import { isPageLanguage, type PageLanguage } from "../i18n/locales";
import { payMessages } from "../i18n/messages/pay";
import type { PaymentPage } from "../payments/get-payment-page";
import { buyerPageHeaders, isHttpsRequest } from "../server/security-headers";
import { assetUrls } from "./assets";
import { pageLanguage, payPageHref } from "./page-language";
import { renderNoticePage } from "./view";

export type PayRequest = {
  method: string;
  /** Path and query, as received. */
  url: string;
  headers: Record<string, string | undefined>;
  readBody(): Promise<string>;
};
export type PayResponse = { status: number; headers: Record<string, string>; body: string | Buffer };

export const MAX_FORM = 8 * 1024;

export function pageHeaders(req: PayRequest): Record<string, string> {
  return {
    ...buyerPageHeaders({ https: isHttpsRequest(req.headers["x-forwarded-proto"] ?? null, "http:") }),
    "Content-Type": "text/html; charset=utf-8",
  };
}
export const html = (req: PayRequest, status: number, body: string): PayResponse => ({ status, headers: pageHeaders(req), body });
export const seeOther = (req: PayRequest, location: string): PayResponse => ({
  status: 303,
  headers: { ...pageHeaders(req), Location: location },
  body: "",
});

/** Back to the order's payment page, in the language the buyer chose. */
export const backToPayPage = (req: PayRequest, token: string, chosen: PageLanguage | null) =>
  seeOther(req, payPageHref(token, { lang: chosen }));

/** The browser's language when the page speaks it, else `fallback`. */
export function acceptedLanguageOr(req: PayRequest, fallback: PageLanguage): PageLanguage {
  for (const part of (req.headers["accept-language"] ?? "").split(",")) {
    const l = part.trim().slice(0, 2).toLowerCase();
    if (isPageLanguage(l)) return l;
  }
  return fallback;
}

/** No order to follow (unknown link): the buyer's choice, else the browser's language, else English. */
export const acceptedLanguage = (req: PayRequest, chosen: PageLanguage | null): PageLanguage => chosen ?? acceptedLanguageOr(req, "en");

export const chosenLanguage = (v: string | null | undefined): PageLanguage | null => (v && isPageLanguage(v) ? v : null);
export const languageFor = (page: PaymentPage, chosen: PageLanguage | null) =>
  pageLanguage({ chosen, orderLocale: page.locale, shopLanguage: page.shop.defaultLanguage });

export function notFound(req: PayRequest, chosen: PageLanguage | null): PayResponse {
  const lang = acceptedLanguage(req, chosen);
  const m = payMessages(lang);
  return html(req, 404, renderNoticePage({ lang, title: m.not_found_title, body: m.not_found_body, assets: assetUrls() }));
}

export async function readForm(req: PayRequest): Promise<URLSearchParams | null> {
  const type = req.headers["content-type"] ?? "";
  if (!type.startsWith("application/x-www-form-urlencoded")) return null;
  const body = await req.readBody();
  return body.length > MAX_FORM ? null : new URLSearchParams(body);
}

/** The answer to a post whose body is not a form (or too large). */
export const formExpected = (): PayResponse => ({ status: 415, headers: { "Content-Type": "text/plain" }, body: "Expected a form" });

/** A buyer's posted form and the page language it carries; null when it is no form (answer `formExpected()`). */
export async function readPostedForm(req: PayRequest): Promise<{ form: URLSearchParams; chosen: PageLanguage | null } | null> {
  const form = await readForm(req);
  return form && { form, chosen: chosenLanguage(form.get("lang")) };
}
