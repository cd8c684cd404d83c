import { endAllSessions } from "../auth/sessions";
import type { Db } from "../server/db";

/**
 * Ends every session of a user (password reset, user disabled), in the caller's transaction: the
 * session version is bumped (account19, lib/auth/sessions.ts), so each of their cookies is refused
 * at its next request. A disabled user is refused by get-user-actor.ts's disabledAt check too.
 */
export async function endUserSessions(db: Db, userId: string): Promise<void> {
  await endAllSessions(db, userId);
}
