/**
 * The client's address for rate limits. Behind N trusted proxies (TRUST_PROXY_HOPS=N) it is the
 * N-th address from the right of X-Forwarded-For; with none, the rightmost one (what the Next
 * server itself appends), so a client cannot choose its own key by sending the header.
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
  const hops = Math.max(1, Number(process.env.TRUST_PROXY_HOPS ?? 1));
  return parts[Math.max(0, parts.length - hops)];
}
