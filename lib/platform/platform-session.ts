import { notFound } from "next/navigation";
import type { SessionContext } from "../auth/get-user-actor";
import { requireSession } from "../auth/session";

/**
 * The platform console's auth wrapper for pages: the session (else sign in), and a platform
 * operator (else 404: the console's existence is nobody else's business). The use cases check again.
 */
export async function requirePlatformSession(): Promise<SessionContext> {
  const ctx = await requireSession();
  if (!ctx.isPlatformOperator) notFound();
  return ctx;
}
