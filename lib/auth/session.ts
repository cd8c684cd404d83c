import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { decode, encode } from "next-auth/jwt";
import { getDb } from "../server/db";
import { authOptions, SESSION_MAX_AGE as MAX_AGE } from "./auth-options";
import { getUserActor, type SessionContext } from "./get-user-actor";

type SessionClaims = { userId?: string; sessionVersion?: number };

async function load(): Promise<SessionContext | null> {
  const session = (await getServerSession(authOptions())) as SessionClaims | null;
  return session?.userId ? await getUserActor(getDb(), session.userId, session.sessionVersion ?? 0) : null;
}

/**
 * The signed-in user with role and shops, or null: no session, an ended one (signed out elsewhere,
 * password changed, user disabled), or a user whose company requires two-factor sign-in and who
 * has not enrolled yet (unless `enrolment`: the pages that enrol them).
 */
export async function getSessionContext(opts: { enrolment?: boolean } = {}): Promise<SessionContext | null> {
  const ctx = await load();
  return ctx?.mustEnrolTwoFactor && !opts.enrolment ? null : ctx;
}

/** The back-office auth wrapper for pages and actions: the session, or a redirect to sign in (or to enrol). */
export async function requireSession(opts: { enrolment?: boolean } = {}): Promise<SessionContext> {
  const ctx = await load();
  if (!ctx) redirect("/signin");
  if (ctx.mustEnrolTwoFactor && !opts.enrolment) redirect("/two-factor/setup");
  return ctx;
}

/**
 * After `endOtherSessions`: re-issues this browser's session cookie with the new version, so the
 * caller stays signed in while every other session is out. Server actions and route handlers only.
 */
export async function keepThisSession(sessionVersion: number): Promise<void> {
  const jar = await cookies();
  const secure = jar.has("__Secure-next-auth.session-token");
  const name = `${secure ? "__Secure-" : ""}next-auth.session-token`;
  const current = jar.get(name)?.value;
  if (!current) return;
  const secret = authOptions().secret!;
  const token = await decode({ token: current, secret });
  if (!token) return;
  const value = await encode({ token: { ...token, sv: sessionVersion }, secret, maxAge: MAX_AGE });
  jar.set(name, value, { httpOnly: true, sameSite: "lax", path: "/", secure, maxAge: MAX_AGE });
}
