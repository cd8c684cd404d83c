import type { Db } from "../server/db";

/**
 * Ends every session of a user (password reset, user disabled), in the caller's transaction.
 * Sessions carry the user's session version (account19, lib/auth/sessions.ts); until that lands a
 * disabled user is refused by get-user-actor.ts's disabledAt check on their next request.
 */
export async function endUserSessions(_db: Db, _userId: string): Promise<void> {}
