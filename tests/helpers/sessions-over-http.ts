// account19: sign-in over HTTP against next-auth's real handler (next-auth-stand-in.ts), keeping
// the cookies: the session cookie decoded as the back office reads it, sign-out, the second step.
import { decode } from "next-auth/jwt";
import { authOptions } from "@/lib/auth/auth-options";
import { getUserActor } from "@/lib/auth/get-user-actor";
import { db } from "./db";

const jar = (r: Response) =>
  r.headers
    .getSetCookie()
    .map((c) => c.split(";")[0] ?? "")
    .filter((c) => !c.endsWith("="));

async function csrf(base: string) {
  const r = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await r.json()) as { csrfToken: string };
  return { csrfToken, cookies: jar(r) };
}

/** Posts to a next-auth callback (a provider's sign-in, or sign-out) as the browser's client does. */
export async function postAuth(base: string, path: string, fields: Record<string, string>, cookies: string[] = []) {
  const c = await csrf(base);
  const r = await fetch(`${base}/api/auth/${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", cookie: [...cookies, ...c.cookies].join("; ") },
    body: new URLSearchParams({ ...fields, csrfToken: c.csrfToken, callbackUrl: "/orders", json: "true" }),
  });
  const { url } = (await r.json()) as { url: string };
  const session = jar(r).find((c) => c.startsWith("next-auth.session-token="));
  return { error: new URL(url).searchParams.get("error"), session };
}

export const signInWith = (base: string, email: string, password: string) => postAuth(base, "callback/credentials", { email, password });

/** What the back office does with a session cookie on each request: the user, or null (signed out). */
export async function actorOfCookie(cookie: string | undefined) {
  if (!cookie) return null;
  const token = await decode({ token: cookie.slice(cookie.indexOf("=") + 1), secret: authOptions().secret! });
  if (!token?.sub) return null;
  return getUserActor(db, token.sub, typeof token.sv === "number" ? token.sv : 0);
}
