// Proxy (Next 16's middleware) for the buyer pages: a fresh CSP nonce per request, the security
// headers, and the `?lang=` choice handed to the layout. Authorisation is not done here.
import { type NextRequest, NextResponse } from "next/server";
import { isPageLanguage } from "@/lib/i18n/locales";
import { PAGE_LANG_HEADER } from "@/lib/payments/page-language";
import { buyerPageHeaders, isHttpsRequest } from "@/lib/server/security-headers";

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const set = buyerPageHeaders({
    nonce,
    https: isHttpsRequest(request.headers.get("x-forwarded-proto"), request.nextUrl.protocol),
    isDev: process.env.NODE_ENV === "development",
  });
  const requestHeaders = new Headers(request.headers);
  // Next reads the nonce from the request's CSP and puts it on its own scripts and styles.
  requestHeaders.set("content-security-policy", set["Content-Security-Policy"]!);
  const lang = request.nextUrl.searchParams.get("lang");
  if (lang && isPageLanguage(lang)) requestHeaders.set(PAGE_LANG_HEADER, lang);
  else requestHeaders.delete(PAGE_LANG_HEADER);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [k, v] of Object.entries(set)) response.headers.set(k, v);
  return response;
}

export const config = { matcher: ["/pay/:path*"] };
