import { BLOCKED_PROVIDER_REASON, brief, type ProviderOutcome, postToProvider } from "./provider-http";
import { type SmsAccount, smsOperatorUrl } from "./sms-account";

export type { SmsAccount };

// Adapter for the Twilio Messages REST API shape, which many SMS providers implement:
// POST {base}/2010-04-01/Accounts/{login}/Messages.json, HTTP Basic login:password, form fields
// To, From, Body, StatusCallback; the answer (201) carries the message's sid and status.

export type OutgoingSms = { to: string; body: string; statusCallback: string; shopId: string };

// Twilio error codes about the recipient's number (invalid, not a mobile, unsubscribed, blocked).
const INVALID_NUMBER = new Set([21211, 21214, 21217, 21219, 21401, 21407, 21408, 21610, 21612, 21614]);

export const smsMessagesUrl = (account: Pick<SmsAccount, "baseUrl" | "login">) =>
  `${account.baseUrl.replace(/\/+$/, "")}/2010-04-01/Accounts/${encodeURIComponent(account.login)}/Messages.json`;

/**
 * Sends one SMS. Error codes are the API's SMS codes: PSP_1029 credentials refused, PSP_1030
 * balance exhausted at the provider, PSP_1031 invalid number, PSP_1044 gateway down (network,
 * timeout, 5xx, 429: transient), PSP_1028 any other refusal. A 4xx is a refusal before the
 * provider accepted the message: permanent. An address the SSRF guard refuses is PSP_1044,
 * permanent, with a fixed reason.
 */
export async function sendSms(account: SmsAccount, sms: OutgoingSms): Promise<ProviderOutcome> {
  const form = new URLSearchParams({ To: sms.to, From: account.sender, Body: sms.body, StatusCallback: sms.statusCallback });
  const answer = await postToProvider(smsMessagesUrl(account), {
    headers: {
      authorization: `Basic ${Buffer.from(`${account.login}:${account.password}`).toString("base64")}`,
      "content-type": "application/x-www-form-urlencoded; charset=utf-8",
      accept: "application/json",
      // Read by the built-in sandbox only (its outbox is per tenant), like the mail catcher's header.
      "x-shop-id": sms.shopId,
    },
    body: form.toString(),
    operatorUrl: smsOperatorUrl(account.source),
  });
  if (answer.kind === "blocked") return { ok: false, permanent: true, code: "PSP_1044", reason: BLOCKED_PROVIDER_REASON };
  if (answer.kind === "network") return { ok: false, permanent: false, code: "PSP_1044", reason: `gateway unreachable: ${answer.reason}` };
  const { status, json } = answer;
  const providerCode = typeof json?.code === "number" ? json.code : null;
  const what = brief(String(json?.message ?? answer.text ?? "")) || `HTTP ${status}`;
  const reason = `HTTP ${status}${providerCode ? ` (${providerCode})` : ""}: ${what}`;
  if (status >= 200 && status < 300) {
    const sid = typeof json?.sid === "string" ? json.sid : null;
    if (!sid) return { ok: false, permanent: true, code: "PSP_1028", reason: `answer without a message sid: ${brief(answer.text)}` };
    return { ok: true, id: sid, status: typeof json?.status === "string" ? json.status : "queued" };
  }
  if (status >= 500 || status === 429) return { ok: false, permanent: false, code: "PSP_1044", reason };
  if (status >= 300 && status < 400) return { ok: false, permanent: true, code: "PSP_1028", reason: `redirect refused: ${reason}` };
  if (status === 401 || status === 403 || providerCode === 20003 || providerCode === 20404) {
    return { ok: false, permanent: true, code: "PSP_1029", reason };
  }
  if (status === 402) return { ok: false, permanent: true, code: "PSP_1030", reason };
  if (providerCode && INVALID_NUMBER.has(providerCode)) return { ok: false, permanent: true, code: "PSP_1031", reason };
  return { ok: false, permanent: true, code: "PSP_1028", reason };
}
