// The HTTP call every SMS / WhatsApp provider adapter makes: one POST, 10 s at most, no redirects
// followed (a provider answering with one is misconfigured, and credentials must not travel on).
// Through the SSRF guard unless the URL is on the origin the operator configured for the account
// (SMS_PROVIDER_URL, WHATSAPP_API_URL, the built-in sandbox at APP_URL): a company's own provider
// address is typed by a tenant and never trusted.
import { outboundRequest } from "../security/outbound-request";

export const PROVIDER_TIMEOUT_MS = 10_000;

export type ProviderAnswer =
  | { kind: "answer"; status: number; json: Record<string, unknown> | null; text: string }
  | { kind: "network"; reason: string }
  /** The guard refused the address: nothing was sent, and nothing of the target is known. */
  | { kind: "blocked" };

/** What a provider said about one message: accepted (its id and status), or why not. */
export type ProviderOutcome =
  | { ok: true; id: string; status: string }
  | {
      ok: false;
      /** Permanent: never retried. Transient: retried on the channel's schedule. */
      permanent: boolean;
      /** Our error code (PSP_10xx), kept at the start of the message's error. */
      code: string;
      reason: string;
    };

/** The fixed reason of a refused provider address (never anything the target said). */
export const BLOCKED_PROVIDER_REASON = "the provider address is not allowed (private or internal network)";

/** Whether `url` is on the origin of the address the operator configured (none: never). */
export function isOperatorUrl(url: string, configured: string | null | undefined): boolean {
  if (!configured) return false;
  try {
    return new URL(url).origin === new URL(configured).origin;
  } catch {
    return false;
  }
}

export async function postToProvider(
  url: string,
  init: { headers: Record<string, string>; body: string; operatorUrl: string | null | undefined },
): Promise<ProviderAnswer> {
  const answer = await outboundRequest(url, {
    headers: init.headers,
    body: init.body,
    timeoutMs: PROVIDER_TIMEOUT_MS,
    maxBytes: 20_000,
    trusted: isOperatorUrl(url, init.operatorUrl),
  });
  if (answer.kind === "blocked") return answer;
  if (answer.kind === "network") return { kind: "network", reason: answer.code ? `${answer.code}: ${answer.message}` : answer.message };
  const text = answer.body.toString("utf8");
  let json: Record<string, unknown> | null = null;
  try {
    const parsed = JSON.parse(text);
    json = parsed && typeof parsed === "object" ? parsed : null;
  } catch {
    json = null;
  }
  return { kind: "answer", status: answer.status, json, text };
}

/** Text of a provider's answer for an error message: short, one line. */
export const brief = (s: string) => s.replace(/\s+/g, " ").trim().slice(0, 300);
