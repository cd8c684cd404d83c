/**
 * The client's address for rate limits and the audit log. The server front (front.ts) appends the
 * socket peer to X-Forwarded-For on every request, so the rightmost entry is always the peer and
 * never a value the client sent. With TRUST_PROXY_HOPS=N (the reverse proxies in front of the
 * server, default 0) the client is the entry N places left of the peer: each trusted proxy
 * appended the address it received from, and everything further left is the client's own
 * claim, ignored. A chain shorter than N+1 (a request that did not cross every proxy) gives its
 * leftmost entry, so the server must be reachable only through its proxies when N > 0.
 */
export function clientAddress(headers: { get(name: string): string | null } | Record<string, unknown>): string | undefined {
  const raw =
    typeof (headers as { get?: unknown }).get === "function"
      ? (headers as { get(n: string): string | null }).get("x-forwarded-for")
      : ((headers as Record<string, unknown>)["x-forwarded-for"] as string | undefined);
  if (!raw) return undefined;
  const parts = String(raw)
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return parts[Math.max(0, parts.length - 1 - trustedProxyHops())];
}

/** TRUST_PROXY_HOPS (validated at start-up by env-schema.ts): trusted reverse proxies in front. */
export function trustedProxyHops(): number {
  const n = Number(process.env.TRUST_PROXY_HOPS || 0);
  return Number.isInteger(n) && n > 0 ? n : 0;
}
