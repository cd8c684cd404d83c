import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { getDb } from "../server/db";
import { authOptions } from "./auth-options";
import { getUserActor, type SessionContext } from "./get-user-actor";

/** The signed-in user with role and shops, or null. */
export async function getSessionContext(): Promise<SessionContext | null> {
  const session = (await getServerSession(authOptions())) as { userId?: string } | null;
  return session?.userId ? await getUserActor(getDb(), session.userId) : null;
}

/** The back-office auth wrapper for pages and actions: the session, or a redirect to sign in. */
export async function requireSession(): Promise<SessionContext> {
  const ctx = await getSessionContext();
  if (!ctx) redirect("/signin");
  return ctx;
}
