// The buyer's side of a payment on the processor's hosted page (issue 20): POST /pay/<token> with
// the hosted form leaves for the processor (startConnectorPayment), GET|POST
// /pay/<token>/return/<attemptId> is where the processor sends the buyer back. The return may carry
// the processor's signed outcome (recorded like its notification, whichever comes first); else the
// page waits for the notification.
import type { PageLanguage } from "../i18n/locales";
import { getPayingConnector, getShopConnectorById } from "../payments/connectors/shop-connector";
import { getPaymentPage } from "../payments/get-payment-page";
import { recordProcessorOutcome } from "../payments/record-processor-outcome";
import { startConnectorPayment } from "../payments/start-connector-payment";
import { clientAddress } from "../server/client-address";
import { getDb } from "../server/db";
import { isAppError } from "../server/errors";
import { logger } from "../server/logger";
import { annotateRequest } from "../server/request-context";
import { buyerPageCsp } from "../server/security-headers";
import { assetUrls } from "./assets";
import { backToPayPage, chosenLanguage, html, languageFor, notFound, type PayRequest, type PayResponse, readForm, seeOther } from "./http";
import { payPageHref } from "./page-language";
import { ABANDONED, renderPayPage } from "./view";
import { renderHostedHopPage, renderReturnPendingPage } from "./view-hosted";

export async function submitHosted(req: PayRequest, token: string, form: URLSearchParams): Promise<PayResponse> {
  const chosen = chosenLanguage(form.get("lang"));
  const db = getDb();
  const page = await getPaymentPage(db, { token });
  if (!page) return notFound(req, chosen);
  const connector = await getPayingConnector(db, { shopId: page.shopId, mode: page.mode });
  if (!connector) return backToPayPage(req, token, chosen);
  const lang = languageFor(page, chosen);
  // Paid in instalments: the buyer agrees to the processor keeping the card for the later ones.
  if (page.instalments && form.get("instalmentConsent") !== "1") {
    const fields = { instalmentConsent: "err_instalment_consent" };
    return html(req, 422, renderPayPage({ token, page, lang, chosen, form: { fields }, assets: assetUrls() }));
  }
  try {
    const next = await startConnectorPayment(db, {
      token,
      connector,
      saveCard: form.get("saveCard") === "1",
      lang,
      clientAddress: clientAddress(req.headers),
    });
    annotateRequest({ orderId: page.id, outcome: "HOSTED", transactionId: next.attemptId });
    const res = html(req, 200, renderHostedHopPage({ token, page, lang, next, assets: assetUrls() }));
    // The signed form is posted to the processor: its origin joins the page's form-action.
    if (next.type === "form-post") {
      const origin = new URL(next.action).origin;
      res.headers["Content-Security-Policy"] = buyerPageCsp().replace("form-action 'self'", `form-action 'self' ${origin}`);
    }
    return res;
  } catch (e) {
    if (isAppError(e) && (e.code === "ORDER_NOT_PAYABLE" || e.code === "NOT_FOUND" || e.code === "RATE_LIMITED")) {
      return backToPayPage(req, token, chosen);
    }
    throw e;
  }
}

export async function showReturn(
  req: PayRequest,
  token: string,
  attemptId: string,
  query: URLSearchParams,
  chosenParam: PageLanguage | null,
): Promise<PayResponse> {
  const db = getDb();
  const form = req.method === "POST" ? await readForm(req) : null;
  const page = await getPaymentPage(db, { token });
  if (!page || !/^[0-9a-f]{32}$/.test(attemptId)) return notFound(req, chosenParam);
  const attempt = await db.paymentAttempt.findUnique({
    where: { id: attemptId },
    select: { orderId: true, connectorId: true, status: true, processorRef: true, lang: true },
  });
  if (attempt?.orderId !== page.id || !attempt.connectorId) return notFound(req, chosenParam);
  annotateRequest({ orderId: page.id, transactionId: attemptId });
  const chosen = chosenParam ?? chosenLanguage(attempt.lang);
  let status = attempt.status;
  if (status === "PENDING") {
    const c = await getShopConnectorById(db, attempt.connectorId);
    const outcome = c?.connector.handleReturn
      ? await c.connector.handleReturn(c.config, c.mode, { attemptId, processorRef: attempt.processorRef, query, form })
      : null;
    if (c && outcome) {
      try {
        const r = await recordProcessorOutcome(db, { ...outcome, connectorId: c.id });
        status = r.outcome === "ACCEPTED" ? "ACCEPTED" : r.outcome === "ABANDONED" ? "ABANDONED" : "REFUSED";
      } catch (e) {
        logger.warn({ attemptId, err: e instanceof Error ? e.message : String(e) }, "processor return not recorded");
      }
    }
  }
  if (status === "ACCEPTED" || status === "REFUSED") return seeOther(req, payPageHref(token, { lang: chosen, result: attemptId }));
  if (status === "ABANDONED") {
    const t = await db.transaction.findUnique({ where: { id: attemptId }, select: { id: true } });
    return seeOther(req, payPageHref(token, { lang: chosen, result: t ? attemptId : ABANDONED }));
  }
  const lang = languageFor(page, chosen);
  const href = `/pay/${encodeURIComponent(token)}/return/${attemptId}${chosen ? `?lang=${chosen}` : ""}`;
  return html(req, 200, renderReturnPendingPage({ token, page, lang, href, assets: assetUrls() }));
}
