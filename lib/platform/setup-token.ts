// The first run's one-time link (issue 19). While no user exists, each server start issues a new
// random token and prints /setup/<token> once (the previous unused one stops working); only its
// SHA-256 digest is stored, so the database never holds a usable link. Used once (completeSetup).
import type { Db } from "../server/db";
import { digestKey, randomToken } from "../server/secrets";

/** A new setup token when the platform has no user yet (else null). */
export async function issueSetupToken(db: Db): Promise<string | null> {
  return db.$transaction(async (tx) => {
    // One start at a time (several servers starting together): the loser sees the winner's users or token.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('setup19.setup-token'))`;
    if ((await tx.user.count()) > 0) return null;
    await tx.setupToken.deleteMany({ where: { usedAt: null } });
    const token = randomToken(32);
    await tx.setupToken.create({ data: { digest: digestKey(token) } });
    return token;
  });
}

/** Whether the link still works: a known, unused token, and still no user. */
export async function isSetupTokenValid(db: Db, token: string): Promise<boolean> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return false;
  const row = await db.setupToken.findUnique({ where: { digest: digestKey(token) }, select: { usedAt: true } });
  return Boolean(row && !row.usedAt) && (await db.user.count()) === 0;
}
