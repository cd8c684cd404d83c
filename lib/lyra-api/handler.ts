import { getDb } from "../server/db";
import { authenticateBasic, modeHint } from "./authenticate";
import { envelope, errorAnswer, jsonResponse } from "./envelope";
import { LyraError } from "./error-codes";
import { toLyraError } from "./parse-request";
import { cancelPaymentOrder, reactivatePaymentOrder } from "./services/cancel-reactivate";
import { createPaymentOrder } from "./services/create-payment-order";
import { getPaymentOrder } from "./services/get-payment-order";
import { orderGet } from "./services/order-get";
import { sdkTest } from "./services/sdk-test";
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
};

const MAX_BODY = 256 * 1024;

/**
 * POST /api-payment/V4/<service>: Basic auth, JSON body (Content-Type not required), one service,
 * and the V4 envelope. Business and validation errors ride HTTP 200 with status ERROR, as the
 * real platform does; only a bug gives a 500.
 */
export async function handleV4(service: string, req: Request): Promise<Response> {
  const authorization = req.headers.get("authorization");
  let mode = modeHint(authorization);
  let shopId: string | null = null;
  try {
    const run = SERVICES[service];
    if (!run) throw new LyraError("INT_901", `Unknown web service [value=${JSON.stringify(service.slice(0, 100))}]`);
    const shop = await authenticateBasic(authorization);
    if (!shop) throw new LyraError("INT_905", "Invalid credentials: HTTP Basic <shopId>:<REST API password> expected");
    mode = shop.mode;
    shopId = shop.id;
    const text = await req.text();
    if (text.length > MAX_BODY) throw new LyraError("INT_902", `Request body larger than ${MAX_BODY} bytes`);
    let body: unknown;
    try {
      body = text.trim() === "" ? {} : JSON.parse(text);
    } catch (e) {
      throw new LyraError("INT_902", `Malformed JSON: ${(e as Error).message}`);
    }
    if (body === null || typeof body !== "object" || Array.isArray(body)) throw new LyraError("INT_902", "The body must be a JSON object");
    const result = await run({
      db: getDb(),
      shop,
      body: body as Record<string, unknown>,
      idempotencyKey: req.headers.get("idempotency-key"),
    });
    const res = jsonResponse(envelope(service, "SUCCESS", result.answer, mode));
    if (result.replayed) res.headers.set("Idempotent-Replayed", "true");
    return res;
  } catch (e) {
    let err: LyraError;
    try {
      err = toLyraError(e);
    } catch (bug) {
      console.error(`[api] ${service} failed`, bug);
      return jsonResponse(envelope(service, "ERROR", errorAnswer("PSP_999", shopId, "Internal error"), mode), 500);
    }
    return jsonResponse(envelope(service, "ERROR", errorAnswer(err.code, shopId, err.detailedErrorMessage, err.detailedErrorCode), mode));
  }
}
