// The Lyra family's hosted payment form (PayZen, Systempay, Sogecommerce, Izipay…): the buyer's
// browser posts our signed `vads_*` form to the processor's payment page, where the card is typed
// (never here); the processor posts its signed notification (IPN) to vads_url_check and sends the
// buyer back to vads_url_return with the same signed fields (vads_return_mode=GET). Capture, cancel
// and refund go through its REST services (lyra-rest.ts).
import { z } from "zod";
import { logger } from "../../server/logger";
import { callLyraRest, operationResult } from "./lyra-rest";
import { ALPHA_CURRENCY, fieldsOf, hasValidLyraSignature, lyraSignature, lyraTransDate, NUMERIC_CURRENCY } from "./lyra-signature";
import type { ConnectorMode, PaymentConnector, ProcessorOutcome, StartPaymentContext } from "./types";

const httpUrl = z
  .string()
  .trim()
  .max(300)
  .regex(/^https?:\/\/[^\s]+$/i, "err_connector_url");

export const lyraFormConfigSchema = z.object({
  /** The shop's identifier at the processor (8 digits). */
  siteId: z
    .string()
    .trim()
    .regex(/^\d{8}$/, "err_connector_site_id"),
  /** The payment page, e.g. https://secure.payzen.eu/vads-payment/ */
  formUrl: httpUrl,
  /** The REST services' root, e.g. https://api.payzen.eu/api-payment/ */
  restUrl: httpUrl,
  /** The mode's signature key (test key or production key, "Settings › Shop › Keys" at the processor). */
  signatureKey: z.string().trim().min(8, "err_connector_secret").max(200),
  /** The mode's REST password (testpassword_… / prodpassword_…). */
  restPassword: z.string().trim().min(8, "err_connector_secret").max(200),
});
export type LyraFormConfig = z.infer<typeof lyraFormConfigSchema>;

// Accepted now or to be captured; refused; the buyer left or the payment was cancelled.
const ACCEPTED = new Set([
  "AUTHORISED",
  "AUTHORISED_TO_VALIDATE",
  "CAPTURED",
  "ACCEPTED",
  "WAITING_AUTHORISATION",
  "WAITING_AUTHORISATION_TO_VALIDATE",
]);
const REFUSED = new Set(["REFUSED", "CAPTURE_FAILED", "EXPIRED", "ERROR"]);
const ABANDONED = new Set(["ABANDONED", "CANCELLED", "NOT_CREATED"]);

/** The most a vads_trans_id may be: 6 digits, unique per site and day (000000 is never drawn). */
export const LYRA_TRANS_ID_MAX = 899_999;

/** The signed form the buyer's browser posts to the payment page. */
export async function lyraFormFields(
  ctx: StartPaymentContext<LyraFormConfig>,
): Promise<{ fields: Record<string, string>; processorRef: string }> {
  const date = lyraTransDate(ctx.now);
  const day = date.slice(0, 8);
  if (!ctx.allocateTransId) throw new Error("the Lyra form needs a vads_trans_id allocator");
  const n = await ctx.allocateTransId(`LYRA_FORM:${ctx.config.siteId}`, day);
  if (n > LYRA_TRANS_ID_MAX) throw new Error(`vads_trans_id exhausted for site ${ctx.config.siteId} on ${day}`);
  const transId = String(n).padStart(6, "0");
  const currency = NUMERIC_CURRENCY[ctx.currency];
  if (!currency) throw new Error(`no numeric code for currency ${ctx.currency}`);
  const fields: Record<string, string> = {
    vads_action_mode: "INTERACTIVE",
    vads_amount: String(ctx.amount),
    vads_capture_delay: String(ctx.order.captureDelay),
    vads_ctx_mode: ctx.order.mode,
    vads_currency: currency,
    vads_ext_info_attempt: ctx.attemptId,
    vads_language: ctx.order.lang,
    vads_order_id: (ctx.order.reference ?? ctx.order.id).slice(0, 64),
    vads_page_action: ctx.saveCard ? "REGISTER_PAY" : "PAYMENT",
    vads_payment_config: "SINGLE",
    vads_return_mode: "GET",
    vads_site_id: ctx.config.siteId,
    vads_trans_date: date,
    vads_trans_id: transId,
    vads_url_check: ctx.notifyUrl,
    vads_url_return: ctx.returnUrl,
    vads_validation_mode: ctx.order.validationMode === "MANUAL" ? "1" : "0",
    vads_version: "V2",
  };
  if (ctx.order.buyerEmail) fields.vads_cust_email = ctx.order.buyerEmail;
  fields.signature = lyraSignature(fields, ctx.config.signatureKey);
  return { fields, processorRef: `${day}-${transId}` };
}

/** The processor's signed fields (notification or return) as an outcome, or why they are refused. */
export function lyraOutcome(
  config: LyraFormConfig,
  mode: ConnectorMode,
  f: Record<string, string>,
): ProcessorOutcome | { refused: string } | { ignored: string } {
  if (!f.signature) return { refused: "unsigned" };
  if (!hasValidLyraSignature(f, config.signatureKey)) return { refused: "signature mismatch" };
  if (f.vads_site_id !== config.siteId) return { refused: `site ${f.vads_site_id} is not this connector's` };
  if (f.vads_ctx_mode !== mode) return { refused: `context ${f.vads_ctx_mode} is not ${mode}` };
  const attemptId = f.vads_ext_info_attempt ?? "";
  if (!/^[0-9a-f]{32}$/.test(attemptId)) return { ignored: "no attempt of ours" };
  const state = f.vads_trans_status ?? "";
  const status = ACCEPTED.has(state) ? "ACCEPTED" : REFUSED.has(state) ? "REFUSED" : ABANDONED.has(state) ? "ABANDONED" : null;
  if (!status) return { ignored: `status ${state}` };
  const month = Number(f.vads_expiry_month);
  const year = Number(f.vads_expiry_year);
  return {
    attemptId,
    status,
    amount: Number(f.vads_amount),
    currency: ALPHA_CURRENCY[f.vads_currency ?? ""] ?? f.vads_currency ?? "",
    processorRef: f.vads_trans_uuid || `${(f.vads_trans_date ?? "").slice(0, 8)}-${f.vads_trans_id ?? ""}`,
    brand: f.vads_card_brand || undefined,
    maskedPan: f.vads_card_number || undefined,
    expiryMonth: Number.isInteger(month) && month >= 1 && month <= 12 ? month : undefined,
    expiryYear: Number.isInteger(year) && year > 2000 ? year : undefined,
    aliasToken: f.vads_identifier && f.vads_identifier_status === "CREATED" ? f.vads_identifier : undefined,
    captured: state === "CAPTURED",
    errorCode: status === "ACCEPTED" ? undefined : f.vads_auth_result || f.vads_result || state,
    errorMessage: status === "ACCEPTED" ? undefined : state,
  };
}

const OK_REPLY = { status: 200, contentType: "text/plain; charset=utf-8", body: "OK" };

export const lyraFormConnector: PaymentConnector<LyraFormConfig> = {
  kind: "LYRA_FORM",
  capabilities: {
    manualValidation: true,
    captureDelay: true,
    aliases: true,
    // Later instalments would be charged with the alias by the processor's own recurring payments,
    // which the form connector does not drive (vads_payment_config MULTI is not offered).
    instalments: false,
    // The amount is signed into the form before the buyer reaches the payment page.
    buyerAmount: false,
    partialRefund: true,
  },
  configSchema: lyraFormConfigSchema,
  secretFields: ["signatureKey", "restPassword"],
  async verify(config) {
    const r = await callLyraRest(config, "Charge/SDKTest", { value: "connection test" });
    if (!r.ok) return r;
    return r.answer.value === "connection test"
      ? { ok: true }
      : { ok: false, code: "UNEXPECTED", message: "unexpected answer to Charge/SDKTest" };
  },
  async startPayment(ctx) {
    const { fields, processorRef } = await lyraFormFields(ctx);
    return { type: "form-post", action: ctx.config.formUrl, fields, processorRef };
  },
  async handleNotification(config, mode, req) {
    const type = req.headers["content-type"] ?? "";
    if (!type.startsWith("application/x-www-form-urlencoded")) return { ok: false, reason: "not a form" };
    const r = lyraOutcome(config, mode, fieldsOf(new URLSearchParams(req.rawBody)));
    if ("refused" in r) return { ok: false, reason: r.refused };
    if ("ignored" in r) return { ok: true, ignored: r.ignored, reply: OK_REPLY };
    return { ok: true, outcome: r, reply: OK_REPLY };
  },
  async handleReturn(config, mode, req) {
    const f = fieldsOf(req.form ?? req.query);
    if (!f.vads_site_id) return null;
    const r = lyraOutcome(config, mode, f);
    if ("refused" in r) {
      logger.warn({ attemptId: req.attemptId, reason: r.refused }, "lyra form: return fields refused");
      return null;
    }
    if ("ignored" in r || r.attemptId !== req.attemptId) return null;
    return r;
  },
  async capture(ctx) {
    return operationResult(
      await callLyraRest(ctx.config, "Transaction/Validate", { uuid: ctx.processorRef }),
      "VALIDATED",
      ctx.processorRef,
    );
  },
  async cancel(ctx) {
    const r = await callLyraRest(ctx.config, "Transaction/CancelOrRefund", { uuid: ctx.processorRef, resolutionMode: "CANCELLATION_ONLY" });
    return operationResult(r, "CANCELLED", ctx.processorRef);
  },
  async refund(ctx) {
    const r = await callLyraRest(ctx.config, "Transaction/CancelOrRefund", {
      uuid: ctx.processorRef,
      amount: ctx.amount,
      currency: ctx.currency,
      resolutionMode: "REFUND_ONLY",
      comment: ctx.operationId ? `refund ${ctx.operationId}` : undefined,
    });
    return operationResult(r, "REFUNDED", ctx.processorRef);
  },
};
