import type { PageLanguage } from "../i18n/locales";
import { fill, payMessages } from "../i18n/messages/pay";
import { SUSPENDED_LINK } from "../i18n/messages/setup19-pay";
import { cardSchema } from "../payments/card";
import { completeChallenge, getChallenge } from "../payments/complete-challenge";
import { getPaymentPage, type PaymentPage, recordFirstOpen } from "../payments/get-payment-page";
import { payOrder } from "../payments/pay-order";
import { clientAddress } from "../server/client-address";
import { getDb } from "../server/db";
import { isAppError } from "../server/errors";
import { logger } from "../server/logger";
import { annotateRequest } from "../server/request-context";
import { fieldErrorsOf, safeParseInput } from "../server/validation";
import { ASSET_PREFIX, assetUrls, findAsset } from "./assets";
import { needsDetails, showDetails, showInvoiceLookup, submitDetails, submitInvoiceLookup } from "./handler-collect";
import { showReturn, submitHosted } from "./handler-hosted";
import {
  acceptedLanguage,
  backToPayPage,
  chosenLanguage,
  formExpected,
  html,
  languageFor,
  notFound,
  type PayRequest,
  type PayResponse,
  readForm,
  readPostedForm,
  seeOther,
} from "./http";
import { payPageHref } from "./page-language";
import { type FormState, renderChallengePage, renderNoticePage, renderPayPage } from "./view";

export type { PayRequest, PayResponse } from "./http";

export async function handlePayRaw(req: PayRequest): Promise<PayResponse> {
  const url = new URL(req.url, "http://buyer.invalid");
  const method = req.method === "HEAD" ? "GET" : req.method;
  if (url.pathname.startsWith(ASSET_PREFIX)) {
    const asset = method === "GET" ? findAsset(url.pathname.slice(ASSET_PREFIX.length)) : undefined;
    if (!asset) return { status: 404, headers: { "Content-Type": "text/plain" }, body: "Not found" };
    return {
      status: 200,
      headers: { "Content-Type": asset.type, "Cache-Control": "public, max-age=31536000, immutable", "X-Content-Type-Options": "nosniff" },
      body: asset.body,
    };
  }
  const parts = url.pathname.split("/").slice(2).map(decodeURIComponent);
  const token = parts[0] ?? "";
  const queryLang = chosenLanguage(url.searchParams.get("lang"));
  if (url.pathname.startsWith("/collect/") && parts.length === 1) {
    if (method === "GET") return showInvoiceLookup(req, token, queryLang);
    if (method === "POST") return submitInvoiceLookup(req, token);
  }
  if (url.pathname.startsWith("/pay/")) {
    if (parts.length === 1 && method === "GET") return showPage(req, token, queryLang, url.searchParams.get("result") ?? undefined);
    if (parts.length === 1 && method === "POST") return submitPay(req, token);
    if (parts.length === 3 && parts[1] === "return" && parts[2] && (method === "GET" || method === "POST")) {
      return showReturn(req, token, parts[2], url.searchParams, queryLang);
    }
    if (parts.length === 2 && parts[1] === "details") {
      if (method === "GET") return showDetails(req, token, queryLang);
      if (method === "POST") return submitDetails(req, token);
    }
    if (parts.length === 3 && parts[1] === "3ds" && parts[2]) {
      if (method === "GET") return showChallenge(req, token, parts[2], queryLang);
      if (method === "POST") return submitChallenge(req, token, parts[2]);
    }
  }
  if (method !== "GET" && method !== "POST") return { status: 405, headers: { Allow: "GET, HEAD, POST" }, body: "" };
  return notFound(req, queryLang);
}

async function showPage(req: PayRequest, token: string, chosen: PageLanguage | null, resultId?: string, form?: FormState, status = 200) {
  const page = await getPaymentPage(getDb(), { token: token });
  if (!page) return notFound(req, chosen);
  annotateRequest({ orderId: page.id });
  if (page.companySuspended) return suspended(req, page, chosen);
  if (page.unopened && req.method === "GET") await recordFirstOpen(getDb(), page.id);
  if (needsDetails(page)) return seeOther(req, `/pay/${encodeURIComponent(token)}/details${chosen ? `?lang=${chosen}` : ""}`);
  const lang = languageFor(page, chosen);
  return html(req, status, renderPayPage({ token, page, lang, chosen, resultId, form, assets: assetUrls() }));
}

/** The page's one form: the card (sandbox, TEST) or the button to the processor's page (issue 20). */
async function submitPay(req: PayRequest, token: string): Promise<PayResponse> {
  const form = await readForm(req);
  if (!form) return formExpected();
  return form.get("hosted") === "1" ? submitHosted(req, token, form) : submitCard(req, token, form);
}

async function submitCard(req: PayRequest, token: string, form: URLSearchParams): Promise<PayResponse> {
  const chosen = chosenLanguage(form.get("lang"));
  const raw = {
    cardNumber: form.get("cardNumber") ?? "",
    expiry: form.get("expiry") ?? "",
    cvc: form.get("cvc") ?? "",
    cardName: form.get("cardName") ?? "",
  };
  // Only the name and the save choice go back to the page: card data never does.
  const keep: FormState = {
    cardName: raw.cardName.slice(0, 100),
    saveCard: form.get("saveCard") === "1",
    instalmentConsent: form.get("instalmentConsent") === "1",
  };
  // The amount the buyer chose, when the order lets them (payOrder checks it against the bounds).
  const amount = form.get("amount");
  if (amount !== null) keep.amount = amount.slice(0, 20);
  const parsed = safeParseInput(cardSchema, raw);
  if (!parsed.success) return showPage(req, token, chosen, undefined, { ...keep, fields: fieldErrorsOf(parsed.error) }, 422);
  try {
    const r = await payOrder(getDb(), {
      token,
      card: parsed.data,
      saveCard: keep.saveCard,
      amount: keep.amount,
      instalmentConsent: keep.instalmentConsent,
      lang: chosen,
      clientAddress: clientAddress(req.headers),
    });
    annotateRequest({ outcome: r.outcome, transactionId: r.outcome === "CHALLENGE" ? undefined : r.transactionId });
    if (r.outcome === "CHALLENGE") return seeOther(req, challengeHref(token, r.challengeId, chosen));
    return seeOther(req, payPageHref(token, { lang: chosen, result: r.transactionId }));
  } catch (e) {
    if (isAppError(e) && e.code === "RATE_LIMITED") return showPage(req, token, chosen, undefined, { ...keep, error: "rate_limited" }, 429);
    if (isAppError(e) && e.code === "VALIDATION") return showPage(req, token, chosen, undefined, { ...keep, fields: e.fields }, 422);
    // Another buyer's payment waits for the acquirer's answer: the form again, saying so.
    if (isInProgress(e)) return showPage(req, token, chosen, undefined, { ...keep, error: "payment_in_progress" }, 409);
    if (isAppError(e) && (e.code === "ORDER_NOT_PAYABLE" || e.code === "NOT_FOUND")) return backToPayPage(req, token, chosen);
    logger.error(isAppError(e) ? { code: e.code } : { err: e }, "payment attempt failed");
    return showPage(req, token, chosen, undefined, { ...keep, error: "err_generic" }, 500);
  }
}

/** The merchant's company is suspended by the platform: nothing to pay, nothing about the order shown. */
export function suspended(req: PayRequest, page: PaymentPage, chosen: PageLanguage | null): PayResponse {
  const lang = languageFor(page, chosen);
  const m = SUSPENDED_LINK[lang];
  return html(req, 403, renderNoticePage({ lang, title: m.title, body: m.body, assets: assetUrls() }));
}

const isInProgress = (e: unknown) => isAppError(e) && e.code === "ORDER_NOT_PAYABLE" && e.publicMessage === "payment_in_progress";

const challengeHref = (token: string, id: string, lang: PageLanguage | null) =>
  `/pay/${encodeURIComponent(token)}/3ds/${id}${lang ? `?lang=${lang}` : ""}`;

async function showChallenge(req: PayRequest, token: string, id: string, chosenParam: PageLanguage | null, error?: string, status = 200) {
  const db = getDb();
  const [page, challenge] = await Promise.all([getPaymentPage(getDb(), { token: token }), getChallenge(db, token, id)]);
  if (!page || !challenge) return notFound(req, chosenParam);
  const chosen = chosenParam ?? chosenLanguage(challenge.lang);
  if (challenge.completedAt) return seeOther(req, payPageHref(token, { lang: chosen, result: challenge.transactionId }));
  const lang = languageFor(page, chosen);
  if (challenge.expired || page.status === "PAID" || page.status === "EXPIRED" || page.status === "CANCELLED") {
    if (challenge.expired && page.status !== "PAID") {
      const m = payMessages(lang);
      return html(
        req,
        410,
        renderNoticePage({
          lang,
          title: m.challenge_title,
          body: m.challenge_expired,
          assets: assetUrls(),
          link: { href: payPageHref(token, { lang: chosen }), label: m.title },
        }),
      );
    }
    return backToPayPage(req, token, chosen);
  }
  return html(req, status, renderChallengePage({ token, page, lang, chosen, challenge, error, assets: assetUrls() }));
}

async function submitChallenge(req: PayRequest, token: string, id: string): Promise<PayResponse> {
  const posted = await readPostedForm(req);
  if (!posted) return formExpected();
  const { form, chosen } = posted;
  const cancel = form.get("action") === "cancel";
  const code = (form.get("code") ?? "").trim();
  const lang = async () => {
    const page = await getPaymentPage(getDb(), { token: token });
    return page ? languageFor(page, chosen) : acceptedLanguage(req, chosen);
  };
  if (!cancel && !/^\d{6}$/.test(code)) return showChallenge(req, token, id, chosen, payMessages(await lang()).err_challenge_code, 422);
  try {
    const r = await completeChallenge(getDb(), { token, challengeId: id, code, cancel });
    if (r.outcome === "WRONG_CODE") {
      return showChallenge(req, token, id, chosen, fill(payMessages(await lang()).challenge_wrong, { n: String(r.attemptsLeft) }), 422);
    }
    if (r.outcome === "CHALLENGE_EXPIRED") return showChallenge(req, token, id, chosen);
    if (r.outcome === "CHALLENGE") return seeOther(req, challengeHref(token, r.challengeId, chosen));
    return seeOther(req, payPageHref(token, { lang: chosen, result: r.transactionId }));
  } catch (e) {
    if (isInProgress(e)) return showChallenge(req, token, id, chosen, payMessages(await lang()).payment_in_progress, 409);
    if (isAppError(e) && (e.code === "ORDER_NOT_PAYABLE" || e.code === "NOT_FOUND")) return backToPayPage(req, token, chosen);
    logger.error(isAppError(e) ? { code: e.code } : { err: e }, "3-D Secure challenge failed");
    return showChallenge(req, token, id, chosen, payMessages(await lang()).err_generic, 500);
  }
}
