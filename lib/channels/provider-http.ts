// The HTTP call every SMS / WhatsApp provider adapter makes: one POST, 10 s at most, no redirects
// followed (a provider answering with one is misconfigured, and credentials must not travel on).

export const PROVIDER_TIMEOUT_MS = 10_000;

export type ProviderAnswer =
  | { kind: "answer"; status: number; json: Record<string, unknown> | null; text: string }
  | { kind: "network"; reason: string };

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

export async function postToProvider(url: string, init: { headers: Record<string, string>; body: string }): Promise<ProviderAnswer> {
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: init.headers,
      body: init.body,
      redirect: "manual",
      signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS),
    });
    const text = (await res.text()).slice(0, 20_000);
    let json: Record<string, unknown> | null = null;
    try {
      const parsed = JSON.parse(text);
      json = parsed && typeof parsed === "object" ? parsed : null;
    } catch {
      json = null;
    }
    return { kind: "answer", status: res.status, json, text };
  } catch (e) {
    const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
    if (err.name === "TimeoutError" || err.name === "AbortError") {
      return { kind: "network", reason: `ETIMEDOUT: no answer in ${PROVIDER_TIMEOUT_MS / 1000} s` };
    }
    const cause = err.cause?.code ?? err.cause?.message;
    return { kind: "network", reason: cause ? `${cause}: ${err.message}` : String(err.message ?? e) };
  }
}

/** Text of a provider's answer for an error message: short, one line. */
export const brief = (s: string) => s.replace(/\s+/g, " ").trim().slice(0, 300);
