import { BLOCKED_PROVIDER_REASON, brief, type ProviderOutcome, postToProvider } from "./provider-http";
import { type WhatsAppAccount, whatsAppOperatorUrl } from "./whatsapp-account";

export type { WhatsAppAccount };

// Adapter for the WhatsApp Business Cloud API shape: POST {base}/{phoneNumberId}/messages with a
// bearer token; the answer carries messages[0].id. Errors come as { error: { code, message } }.

export type OutgoingWhatsApp = {
  /** E.164 number. */
  to: string;
  text: string;
  /** The message's language (template language code). */
  language: string;
  /** Values of the template's body parameters, in the configured order. */
  templateValues: string[];
  shopId: string;
};

// Cloud API error codes, grouped by what they mean for us.
const RATE_LIMITED = new Set([4, 80007, 130429, 131048, 131056]);
const CONFIG = new Set([0, 3, 10, 190, 200, 131031, 133010]);
const RECIPIENT = new Set([1013, 131009, 131026, 131030, 131045, 131047]);
const isTemplateError = (code: number) => code >= 132000 && code <= 132999;

/** The JSON body of the message: a text with a link preview, or the configured template. */
export function whatsAppPayload(account: WhatsAppAccount, msg: OutgoingWhatsApp) {
  const to = msg.to.replace(/^\+/, "");
  if (!account.template) return { messaging_product: "whatsapp", to, type: "text", text: { body: msg.text, preview_url: true } };
  return {
    messaging_product: "whatsapp",
    to,
    type: "template",
    template: {
      name: account.template.name,
      language: { code: msg.language },
      components: [{ type: "body", parameters: msg.templateValues.map((text) => ({ type: "text", text })) }],
    },
  };
}

/**
 * Sends one WhatsApp message. Error codes are the API's: PSP_1001 gateway unreachable (network,
 * timeout, 5xx, rate limits: transient; other unexplained refusals: permanent), PSP_1002 number
 * not reachable on WhatsApp, PSP_1003 configuration missing or refused (token, phone number id,
 * permissions), PSP_1004 template missing for the message's language. An address the SSRF guard
 * refuses (not on the operator's configured origin, and private) is PSP_1001, permanent.
 */
export async function sendWhatsApp(account: WhatsAppAccount, msg: OutgoingWhatsApp): Promise<ProviderOutcome> {
  if (!account.baseUrl || !account.phoneNumberId || !account.token) {
    return {
      ok: false,
      permanent: true,
      code: "PSP_1003",
      reason: "WhatsApp not configured: WHATSAPP_API_URL, WHATSAPP_TOKEN and WHATSAPP_PHONE_NUMBER_ID are all needed",
    };
  }
  const url = `${account.baseUrl.replace(/\/+$/, "")}/${encodeURIComponent(account.phoneNumberId)}/messages`;
  const answer = await postToProvider(url, {
    headers: {
      authorization: `Bearer ${account.token}`,
      "content-type": "application/json",
      accept: "application/json",
      "x-shop-id": msg.shopId,
    },
    body: JSON.stringify(whatsAppPayload(account, msg)),
    operatorUrl: whatsAppOperatorUrl(account.source),
  });
  if (answer.kind === "blocked") return { ok: false, permanent: true, code: "PSP_1001", reason: BLOCKED_PROVIDER_REASON };
  if (answer.kind === "network") return { ok: false, permanent: false, code: "PSP_1001", reason: `gateway unreachable: ${answer.reason}` };
  const { status, json } = answer;
  if (status >= 200 && status < 300) {
    const messages = Array.isArray(json?.messages) ? (json.messages as { id?: unknown; message_status?: unknown }[]) : [];
    const id = typeof messages[0]?.id === "string" ? messages[0].id : null;
    if (!id) return { ok: false, permanent: true, code: "PSP_1001", reason: `answer without a message id: ${brief(answer.text)}` };
    return { ok: true, id, status: typeof messages[0]?.message_status === "string" ? messages[0].message_status : "accepted" };
  }
  const error = (json?.error ?? {}) as { code?: unknown; message?: unknown; error_data?: { details?: unknown } };
  const code = typeof error.code === "number" ? error.code : null;
  const details = typeof error.error_data?.details === "string" ? ` — ${error.error_data.details}` : "";
  const reason = `HTTP ${status}${code !== null ? ` (${code})` : ""}: ${brief(`${String(error.message ?? answer.text)}${details}`) || "no details"}`;
  if (status >= 500 || status === 429 || (code !== null && RATE_LIMITED.has(code)))
    return { ok: false, permanent: false, code: "PSP_1001", reason };
  if (code !== null && isTemplateError(code)) return { ok: false, permanent: true, code: "PSP_1004", reason };
  if (code !== null && RECIPIENT.has(code)) return { ok: false, permanent: true, code: "PSP_1002", reason };
  if (status === 401 || status === 403 || (code !== null && CONFIG.has(code)) || (status === 404 && code === null)) {
    return { ok: false, permanent: true, code: "PSP_1003", reason };
  }
  if (code === 100) return { ok: false, permanent: true, code: "PSP_1003", reason };
  return { ok: false, permanent: true, code: "PSP_1001", reason };
}
