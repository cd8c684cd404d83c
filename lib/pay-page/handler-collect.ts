// The data collection form's buyer pages over HTTP (routes: handler.ts):
// /pay/<token>/details (the shop's fields before the card) and /collect/<shopId> (an invoice by
// its reference).
import { getFormConfig } from "../collect-form/config";
import { isPageLanguage, type PageLanguage } from "../i18n/locales";
import { payMessages } from "../i18n/messages/pay";
import { getPaymentPage, type PaymentPage } from "../payments/get-payment-page";
import { findOpenInvoice, getInvoiceForm } from "../payments/invoice-lookup";
import { saveBuyerData } from "../payments/save-buyer-data";
import { clientAddress } from "../server/client-address";
import { getDb } from "../server/db";
import { isAppError } from "../server/errors";
import { assetUrls } from "./assets";
import type { PayRequest, PayResponse } from "./http";
import { acceptedLanguage, acceptedLanguageOr, backToPayPage, formExpected, html, languageFor, notFound, readPostedForm } from "./http";
import { renderDetailsPage, renderInvoiceLookupPage, renderNoticePage } from "./view";

/** An order that uses the data collection form, still payable, whose buyer has not filled it yet. */
export const needsDetails = (page: PaymentPage) =>
  page.dataCollectionForm && !page.hasCollectedData && (page.status === "RUNNING" || page.status === "REFUSED");

export async function showDetails(
  req: PayRequest,
  token: string,
  chosen: PageLanguage | null,
  form?: { values: Record<string, string>; errors: Record<string, string> },
  status = 200,
) {
  const page = await getPaymentPage(getDb(), { token: token });
  if (!page) return notFound(req, chosen);
  if (page.companySuspended) return backToPayPage(req, token, chosen);
  if (!page.dataCollectionForm || !(page.status === "RUNNING" || page.status === "REFUSED")) {
    return backToPayPage(req, token, chosen);
  }
  const db = getDb();
  const [config, saved] = await Promise.all([
    getFormConfig(db, page.shopId),
    form ? null : db.paymentOrder.findUnique({ where: { token }, select: { collectedData: true } }),
  ]);
  if (!config?.fields.length) return backToPayPage(req, token, chosen);
  const values = form?.values ?? (saved?.collectedData as Record<string, string> | null) ?? {};
  const lang = languageFor(page, chosen);
  return html(
    req,
    status,
    renderDetailsPage({ token, page, lang, chosen, fields: config.fields, values, errors: form?.errors, assets: assetUrls() }),
  );
}

export async function submitDetails(req: PayRequest, token: string): Promise<PayResponse> {
  const posted = await readPostedForm(req);
  if (!posted) return formExpected();
  const { form, chosen } = posted;
  const values: Record<string, string> = {};
  for (const [k, v] of form) if (k !== "lang") values[k] = v.slice(0, 500);
  try {
    await saveBuyerData(getDb(), { token, values });
    return backToPayPage(req, token, chosen);
  } catch (e) {
    if (isAppError(e) && e.code === "VALIDATION") return showDetails(req, token, chosen, { values, errors: e.fields ?? {} }, 422);
    if (isAppError(e) && (e.code === "ORDER_NOT_PAYABLE" || e.code === "NOT_FOUND")) return backToPayPage(req, token, chosen);
    throw e;
  }
}

function invoiceUnavailable(req: PayRequest, chosen: PageLanguage | null): PayResponse {
  const lang = acceptedLanguage(req, chosen);
  const m = payMessages(lang);
  return html(req, 404, renderNoticePage({ lang, title: m.invoice_title, body: m.invoice_unavailable, assets: assetUrls() }));
}

export async function showInvoiceLookup(
  req: PayRequest,
  shopId: string,
  chosen: PageLanguage | null,
  form?: { value: string; error: string },
  status = 200,
) {
  const invoice = await getInvoiceForm(getDb(), shopId);
  if (!invoice) return invoiceUnavailable(req, chosen);
  const lang =
    chosen ?? (isPageLanguage(invoice.defaultLanguage) ? acceptedLanguageOr(req, invoice.defaultLanguage) : acceptedLanguage(req, null));
  return html(
    req,
    status,
    renderInvoiceLookupPage({
      shopId,
      shopName: invoice.shopName,
      testOnly: invoice.testOnly,
      lang,
      chosen,
      value: form?.value,
      error: form?.error,
      assets: assetUrls(),
    }),
  );
}

export async function submitInvoiceLookup(req: PayRequest, shopId: string): Promise<PayResponse> {
  const posted = await readPostedForm(req);
  if (!posted) return formExpected();
  const { form, chosen } = posted;
  const reference = (form.get("reference") ?? "").trim();
  const lang = async () => {
    const invoice = await getInvoiceForm(getDb(), shopId);
    return chosen ?? acceptedLanguageOr(req, invoice && isPageLanguage(invoice.defaultLanguage) ? invoice.defaultLanguage : "en");
  };
  if (!reference || reference.length > 64) {
    return showInvoiceLookup(
      req,
      shopId,
      chosen,
      { value: reference.slice(0, 64), error: payMessages(await lang()).err_invoice_reference },
      422,
    );
  }
  try {
    const token = await findOpenInvoice(getDb(), { shopId, reference, clientAddress: clientAddress(req.headers) });
    if (token) return backToPayPage(req, token, chosen);
    return showInvoiceLookup(req, shopId, chosen, { value: reference, error: payMessages(await lang()).invoice_not_found }, 404);
  } catch (e) {
    if (isAppError(e) && e.code === "RATE_LIMITED") {
      return showInvoiceLookup(req, shopId, chosen, { value: reference, error: payMessages(await lang()).invoice_rate_limited }, 429);
    }
    throw e;
  }
}
