// next-auth's own handler (its pages-API form) as Next's stand-in behind the server front: the
// real CSRF check, credentials callback, authorize and redirect callback of lib/auth/auth-options.ts,
// over HTTP, without a Next build. signInOver signs in as the browser's signIn("credentials",
// { redirect: false }) does.
import type http from "node:http";
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";

const PREFIX = "/api/auth/";

export async function nextAuthStandIn(req: http.IncomingMessage, res: http.ServerResponse) {
  const url = new URL(req.url ?? "/", "http://stand-in");
  if (!url.pathname.startsWith(PREFIX)) {
    res.writeHead(404).end();
    return;
  }
  let raw = "";
  for await (const c of req) raw += c;
  const cookies = Object.fromEntries(
    (req.headers.cookie ?? "")
      .split(/;\s*/)
      .filter(Boolean)
      .map((c) => [c.slice(0, c.indexOf("=")), decodeURIComponent(c.slice(c.indexOf("=") + 1))]),
  );
  const query = { ...Object.fromEntries(url.searchParams), nextauth: url.pathname.slice(PREFIX.length).split("/") };
  const apiReq = Object.assign(req, { query, body: Object.fromEntries(new URLSearchParams(raw)), cookies });
  const apiRes = Object.assign(res, {
    status(code: number) {
      res.statusCode = code;
      return apiRes;
    },
    json(body: unknown) {
      res.setHeader("Content-Type", "application/json");
      res.end(JSON.stringify(body));
    },
    send(body: unknown) {
      res.end(typeof body === "string" ? body : JSON.stringify(body));
    },
  });
  await NextAuth(apiReq as never, apiRes as never, authOptions());
}

type SignIn = { email: string; password: string; callbackUrl?: string; xForwardedFor?: string };

/** CSRF token first, then the credentials callback; the URL next-auth sends the browser to, and its error. */
export async function signInOver(base: string, s: SignIn) {
  const spoof: Record<string, string> = s.xForwardedFor ? { "X-Forwarded-For": s.xForwardedFor } : {};
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers: spoof });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const r = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", cookie, ...spoof },
    body: new URLSearchParams({ email: s.email, password: s.password, csrfToken, callbackUrl: s.callbackUrl ?? "/orders", json: "true" }),
  });
  const { url } = (await r.json()) as { url: string };
  return { url, error: new URL(url).searchParams.get("error") };
}
