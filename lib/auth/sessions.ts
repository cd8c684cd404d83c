// Sessions are JWTs (next-auth) that carry the user's `sessionVersion`; every back-office request
// compares it with the user's row (get-user-actor.ts). Bumping the version ends every session
// issued before, at their next request, not when their cookie expires.
import type { Db } from "../server/db";

/**
 * Ends every session of the user but the caller's: bumps the version and returns the new one.
 * The back office then re-issues the caller's own cookie with it (`keepThisSession` in session.ts),
 * so the person who changed their password stays signed in and everyone else is out.
 */
export async function endOtherSessions(db: Db, userId: string): Promise<number> {
  const u = await db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } }, select: { sessionVersion: true } });
  return u.sessionVersion;
}

/** Ends every session of the user, the caller's too (sign-out, disabled user, password reset). */
export async function endAllSessions(db: Db, userId: string): Promise<void> {
  await db.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

/** Sign-out: ends every session of the user if the one signing out is still current. */
export async function endSessionsFrom(db: Db, userId: string, sessionVersion: number): Promise<void> {
  await db.user.updateMany({ where: { id: userId, sessionVersion }, data: { sessionVersion: { increment: 1 } } });
}
