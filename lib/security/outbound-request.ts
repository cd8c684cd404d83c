// The one HTTP client for calls to addresses that are not ours: notification deliveries, SMS and
// WhatsApp providers, the SMS sandbox's status reports, and the processor connectors to come.
// Redirects are never followed (node:http does not). Unless the caller says the URL is one the
// operator configured (`trusted`), the connection goes through the SSRF guard: an IP literal host
// is checked here, a name in the socket's own lookup (lib/security/outbound-url.ts).
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { logger } from "../server/logger";
import { allowPrivateWebhooks, BlockedAddressError, guardedLookup, isNonPublicAddress } from "./outbound-url";

export type OutboundRequest = {
  method?: "POST" | "GET" | "PUT" | "DELETE";
  headers: Record<string, string | number>;
  body?: string;
  timeoutMs: number;
  /** Bytes of the answer's body kept (the rest is read and dropped). */
  maxBytes: number;
  /** The operator configured this address (environment, built-in sandbox): no address guard. */
  trusted?: boolean;
};

export type OutboundAnswer =
  | { kind: "answer"; status: number; headers: http.IncomingHttpHeaders; body: Buffer }
  /** The guard refused the target: nothing was sent. */
  | { kind: "blocked" }
  | { kind: "network"; code: string | null; message: string };

// Keep-alive agents (a merchant's endpoint or a provider gets many calls), apart for the guarded
// and the trusted calls so that one never reuses the other's connections.
const agentOptions = { keepAlive: true, maxSockets: 64 };
const agents = {
  guarded: {
    http: new http.Agent({ ...agentOptions, lookup: guardedLookup }),
    https: new https.Agent({ ...agentOptions, lookup: guardedLookup }),
  },
  trusted: { http: new http.Agent(agentOptions), https: new https.Agent(agentOptions) },
};

const blocked = (url: URL, address: string): OutboundAnswer => {
  logger.warn({ host: url.host, address }, "outbound request blocked: private or internal address");
  return { kind: "blocked" };
};

/** One request; never throws. */
export function outboundRequest(rawUrl: string, req: OutboundRequest): Promise<OutboundAnswer> {
  return new Promise((resolve) => {
    let url: URL;
    try {
      url = new URL(rawUrl);
    } catch {
      return resolve({ kind: "network", code: null, message: "invalid URL" });
    }
    const secure = url.protocol === "https:";
    if (!secure && url.protocol !== "http:") return resolve(blocked(url, url.protocol));
    // An IP literal never reaches the lookup: checked here. Names (`localhost` too) are checked by
    // the lookup, on every address they resolve to.
    const host = url.hostname.replace(/^\[|\]$/g, "");
    if (!req.trusted && !allowPrivateWebhooks() && net.isIP(host) && isNonPublicAddress(host)) return resolve(blocked(url, host));
    let settled = false;
    const finish = (a: OutboundAnswer) => {
      if (settled) return;
      settled = true;
      resolve(a);
    };
    const pool = req.trusted ? agents.trusted : agents.guarded;
    const body = req.body ?? "";
    const r = (secure ? https : http).request(
      url,
      {
        method: req.method ?? "POST",
        agent: secure ? pool.https : pool.http,
        headers: { ...req.headers, ...(req.body !== undefined ? { "content-length": Buffer.byteLength(body) } : {}) },
        timeout: req.timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (c: Buffer) => {
          if (size < req.maxBytes) chunks.push(c);
          size += c.length;
        });
        res.on("end", () =>
          finish({
            kind: "answer",
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).subarray(0, req.maxBytes),
          }),
        );
        res.on("error", (e: NodeJS.ErrnoException) => finish({ kind: "network", code: e.code ?? null, message: e.message }));
      },
    );
    const timedOut = () => r.destroy(Object.assign(new Error(`timeout after ${req.timeoutMs} ms`), { code: "ETIMEDOUT" }));
    const deadline = setTimeout(timedOut, req.timeoutMs);
    r.on("timeout", timedOut);
    r.on("error", (e: NodeJS.ErrnoException) =>
      finish(e instanceof BlockedAddressError ? blocked(url, e.address) : { kind: "network", code: e.code ?? null, message: e.message }),
    );
    r.on("close", () => clearTimeout(deadline));
    r.end(req.body);
  });
}
