// The Lyra family's REST web services (V4), called with the shop's site id and REST password
// (Basic auth): Charge/SDKTest to test the credentials, Transaction/Validate to validate a manual
// authorisation, Transaction/CancelOrRefund to cancel or refund. The REST URL is typed by the
// merchant: the call goes through the SSRF guard.
import { outboundRequest } from "../../security/outbound-request";
import type { OperationResult } from "./types";

export type LyraRestCredentials = { siteId: string; restUrl: string; restPassword: string };

export type LyraRestAnswer = { ok: true; answer: Record<string, unknown> } | { ok: false; code: string; message: string };

const REST_TIMEOUT_MS = 15_000;

export async function callLyraRest(cred: LyraRestCredentials, service: string, body: Record<string, unknown>): Promise<LyraRestAnswer> {
  const base = cred.restUrl.endsWith("/") ? cred.restUrl : `${cred.restUrl}/`;
  const r = await outboundRequest(`${base}V4/${service}`, {
    method: "POST",
    headers: {
      Authorization: `Basic ${Buffer.from(`${cred.siteId}:${cred.restPassword}`).toString("base64")}`,
      "Content-Type": "application/json",
      Accept: "application/json",
    },
    body: JSON.stringify(body),
    timeoutMs: REST_TIMEOUT_MS,
    maxBytes: 256 * 1024,
  });
  if (r.kind === "blocked") return { ok: false, code: "BLOCKED", message: "the REST URL points to a private or internal address" };
  if (r.kind === "network") return { ok: false, code: "NETWORK", message: r.message };
  let json: { status?: string; answer?: Record<string, unknown> };
  try {
    json = JSON.parse(r.body.toString("utf8"));
  } catch {
    return { ok: false, code: `HTTP_${r.status}`, message: "the processor's answer is not JSON" };
  }
  const answer = json.answer ?? {};
  if (json.status !== "SUCCESS") {
    const code = typeof answer.errorCode === "string" ? answer.errorCode : `HTTP_${r.status}`;
    const message = typeof answer.errorMessage === "string" ? answer.errorMessage : "the processor refused the call";
    return { ok: false, code, message };
  }
  return { ok: true, answer };
}

/** An operation's answer (a Transaction object) as an OperationResult. */
export function operationResult(r: LyraRestAnswer, done: "VALIDATED" | "CANCELLED" | "REFUNDED", fallbackRef: string): OperationResult {
  if (!r.ok) return r;
  const uuid = typeof r.answer.uuid === "string" ? r.answer.uuid : fallbackRef;
  const detailed = typeof r.answer.detailedStatus === "string" ? r.answer.detailedStatus : "";
  // CancelOrRefund cancels what was not captured yet and refunds what was: the answer says which.
  const status = detailed === "CANCELLED" ? "CANCELLED" : done;
  return { ok: true, status, processorRef: uuid };
}
