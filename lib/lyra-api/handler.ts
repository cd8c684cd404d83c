import { getDb } from "../server/db";
import { logger } from "../server/logger";
import { annotateRequest } from "../server/request-context";
import { authenticateBasic, modeHint } from "./authenticate";
import { envelope, errorAnswer } from "./envelope";
import { LyraError } from "./error-codes";
import { toLyraError } from "./parse-request";
import { assertRequestQuota, QuotaExceeded } from "./quotas";
import { cancelPaymentOrder, reactivatePaymentOrder } from "./services/cancel-reactivate";
import { createPaymentOrder } from "./services/create-payment-order";
import { getPaymentOrder } from "./services/get-payment-order";
import { orderGet } from "./services/order-get";
import { sdkTest } from "./services/sdk-test";
import { transactionCancelOrRefund, transactionGet, transactionUpdate, transactionValidate } from "./services/transaction-services";
import type { Service } from "./services/types";
import { updatePaymentOrder } from "./services/update-payment-order";

export const SERVICES: Record<string, Service> = {
  "Charge/CreatePaymentOrder": createPaymentOrder,
  "Charge/PaymentOrder/Get": getPaymentOrder,
  "Charge/PaymentOrder/Update": updatePaymentOrder,
  "Charge/PaymentOrder/Cancel": cancelPaymentOrder,
  "Charge/PaymentOrder/Reactivate": reactivatePaymentOrder,
  "Charge/SDKTest": sdkTest,
  "Order/Get": orderGet,
  "Transaction/Get": transactionGet,
  "Transaction/CancelOrRefund": transactionCancelOrRefund,
  "Transaction/Validate": transactionValidate,
  "Transaction/Update": transactionUpdate,
};

const MAX_BODY = 256 * 1024;

export type RawRequest = { authorization: string | null; idempotencyKey: string | null; readBody(): Promise<string> };
export type RawResponse = { status: number; headers: Record<string, string>; body: string };

const HEADERS = { "Content-Type": "application/json;charset=utf-8", "Cache-Control": "no-store" };
const raw = (payload: unknown, status = 200, extra: Record<string, string> = {}): RawResponse => ({
  status,
  headers: { ...HEADERS, ...extra },
  body: JSON.stringify(payload),
});

/**
 * POST /api-payment/V4/<service>: Basic auth, JSON body (Content-Type not required), one service,
 * and the V4 envelope. Business and validation errors ride HTTP 200 with status ERROR, as the
 * real platform does (a quota's PSP_106 too, with Retry-After); only a bug gives a 500.
 * Framework-free, so both the Next route and the lean HTTP front (scripts/server.ts) serve it.
 */
export async function handleV4Raw(service: string, req: RawRequest): Promise<RawResponse> {
  const authorization = req.authorization;
  let mode = modeHint(authorization);
  let shopId: string | null = null;
  try {
    const run = SERVICES[service];
    if (!run) throw new LyraError("INT_901", `Unknown web service [value=${JSON.stringify(service.slice(0, 100))}]`);
    const shop = await authenticateBasic(getDb(), authorization);
    if (!shop) throw new LyraError("INT_905", "Invalid credentials: HTTP Basic <shopId>:<REST API password> expected");
    mode = shop.mode;
    shopId = shop.id;
    annotateRequest({ service, shopId });
    assertRequestQuota(shop);
    const text = await req.readBody();
    if (text.length > MAX_BODY) throw new LyraError("INT_902", `Request body larger than ${MAX_BODY} bytes`);
    let body: unknown;
    try {
      body = text.trim() === "" ? {} : JSON.parse(text);
    } catch (e) {
      throw new LyraError("INT_902", `Malformed JSON: ${(e as Error).message}`);
    }
    if (body === null || typeof body !== "object" || Array.isArray(body)) throw new LyraError("INT_902", "The body must be a JSON object");
    const result = await run({ db: getDb(), shop, body: body as Record<string, unknown>, idempotencyKey: req.idempotencyKey });
    const orderId = (result.answer as { paymentOrderId?: unknown } | null)?.paymentOrderId;
    if (typeof orderId === "string") annotateRequest({ orderId });
    return raw(envelope(service, "SUCCESS", result.answer, mode), 200, result.replayed ? { "Idempotent-Replayed": "true" } : {});
  } catch (e) {
    let err: LyraError;
    try {
      err = toLyraError(e);
    } catch (bug) {
      logger.error({ err: bug, service }, "api call failed");
      return raw(envelope(service, "ERROR", errorAnswer("PSP_999", shopId, "Internal error"), mode), 500);
    }
    const extra: Record<string, string> = err instanceof QuotaExceeded ? { "Retry-After": String(err.retryAfterSeconds) } : {};
    return raw(
      envelope(service, "ERROR", errorAnswer(err.code, shopId, err.detailedErrorMessage, err.detailedErrorCode), mode),
      200,
      extra,
    );
  }
}

/** A path whose percent-escapes do not decode (the server front answers it before any service). */
export const badPathV4 = (rawService: string): RawResponse =>
  raw(envelope(rawService, "ERROR", errorAnswer("INT_901", null, "Invalid percent-escape in the path (malformed, or U+0000)"), null), 400);

/** The same, for a Fetch API Request (the Next route handler, tests). */
export async function handleV4(service: string, req: Request): Promise<Response> {
  const r = await handleV4Raw(service, {
    authorization: req.headers.get("authorization"),
    idempotencyKey: req.headers.get("idempotency-key"),
    readBody: () => req.text(),
  });
  return new Response(r.body, { status: r.status, headers: r.headers });
}
