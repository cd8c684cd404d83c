// Response headers of the buyer pages (/pay/*), applied by lib/pay-page/handler.ts. Pure, so unit-tested.
import { trustedProxyHops } from "./client-address";

/**
 * The pages are plain HTML with one stylesheet and one script of our own (lib/pay-page/assets.ts)
 * and nothing inline, so the policy needs no nonce, no hash and no 'unsafe-*'.
 */
export function buyerPageCsp(): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Nothing on the page needs a device or payment API. */
export const PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=()";

export const HSTS = "max-age=63072000; includeSubDomains";

/**
 * Whether the buyer reached us over https: behind TRUST_PROXY_HOPS proxies, the protocol the
 * outermost trusted one saw (each appends to X-Forwarded-Proto); with none, the header is the
 * client's own claim and ignored. HSTS is only sent then: over plain http it would be ignored
 * anyway, and a local http deployment must stay reachable.
 */
export function isHttpsRequest(forwardedProto: string | null, urlProtocol: string): boolean {
  const hops = trustedProxyHops();
  if (!forwardedProto || hops === 0) return urlProtocol === "https:";
  const parts = forwardedProto
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  return parts[Math.max(0, parts.length - hops)] === "https";
}

/** The headers of one buyer-page response. */
export function buyerPageHeaders(input: { https: boolean }): Record<string, string> {
  return {
    "Content-Security-Policy": buyerPageCsp(),
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Permissions-Policy": PERMISSIONS_POLICY,
    "Cache-Control": "no-store",
    ...(input.https ? { "Strict-Transport-Security": HSTS } : {}),
  };
}
