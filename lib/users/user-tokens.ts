// One-time links to set a password (issue 19): an invitation (72 h) or a password reset (1 h).
// The link carries a random 256-bit token; the database keeps only its SHA-256 digest, so a read
// of the table (a backup, a replica) yields no usable link. Consumed once, by one conditional
// update: two tabs submitting the same link cannot both win.
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import type { UserTokenKind } from "../server/generated/prisma/enums";
import { digestKey, randomToken } from "../server/secrets";

export const INVITE_TTL_MS = 72 * 3600_000;
export const RESET_TTL_MS = 3600_000;

/** Why a link is refused: the page says which (an expired link invites asking for a new one). */
export type TokenRefusal = "token_unknown" | "token_used" | "token_expired" | "token_revoked";

const REFUSAL_MESSAGE: Record<TokenRefusal, string> = {
  token_unknown: "err_token_unknown",
  token_used: "err_token_used",
  token_expired: "err_token_expired",
  token_revoked: "err_token_revoked",
};

function refused(reason: TokenRefusal): AppError {
  return new AppError(reason === "token_unknown" ? "NOT_FOUND" : "CONFLICT", `user token refused: ${reason}`, {
    publicMessage: REFUSAL_MESSAGE[reason],
    reason,
  });
}

/** The refusal reason of an AppError thrown by consumeUserToken / checkUserToken, if it is one. */
export const tokenRefusalOf = (e: unknown): TokenRefusal | null =>
  e instanceof AppError && e.reason && e.reason in REFUSAL_MESSAGE ? (e.reason as TokenRefusal) : null;

/** Tokens in a link are base64url, 43 characters for 32 bytes; anything else is not ours. */
const looksLikeToken = (token: string) => /^[A-Za-z0-9_-]{20,100}$/.test(token);

/**
 * Issues a link's token for a user and returns it (the only time it exists in clear). Earlier
 * unused tokens of the same kind for that user are revoked: only the newest link works.
 */
export async function issueUserToken(
  db: Db,
  input: { userId: string; kind: UserTokenKind; ttlMs: number; createdById?: string | null },
): Promise<{ token: string; tokenId: string; expiresAt: Date }> {
  const token = randomToken(32);
  const expiresAt = new Date(Date.now() + input.ttlMs);
  return db.$transaction(async (tx) => {
    await tx.userToken.updateMany({
      where: { userId: input.userId, kind: input.kind, usedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const row = await tx.userToken.create({
      data: { userId: input.userId, kind: input.kind, digest: digestKey(token), expiresAt, createdById: input.createdById ?? null },
      select: { id: true },
    });
    return { token, tokenId: row.id, expiresAt };
  });
}

/** Revokes a user's unused links of a kind (an invitation revoked, a user disabled). */
export async function revokeUserTokens(db: Db, input: { userId: string; kind?: UserTokenKind }): Promise<number> {
  const r = await db.userToken.updateMany({
    where: { userId: input.userId, ...(input.kind ? { kind: input.kind } : {}), usedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return r.count;
}

/**
 * Uses a link once: marks it used and returns its user, or throws a coded AppError (reason
 * token_unknown / token_used / token_expired / token_revoked). Atomic: UPDATE … WHERE usedAt IS
 * NULL AND revokedAt IS NULL AND expiresAt > now(); call it in the transaction that acts on it.
 */
export async function consumeUserToken(
  db: Db,
  input: { token: string; kind: UserTokenKind },
): Promise<{ userId: string; tokenId: string }> {
  if (!looksLikeToken(input.token)) throw refused("token_unknown");
  const digest = digestKey(input.token);
  const rows = await db.$queryRaw<{ id: string; userId: string }[]>`
    UPDATE "UserToken" SET "usedAt" = now()
     WHERE digest = ${digest} AND kind = ${input.kind}::"UserTokenKind"
       AND "usedAt" IS NULL AND "revokedAt" IS NULL AND "expiresAt" > now()
    RETURNING id, "userId"`;
  const row = rows[0];
  if (row) return { userId: row.userId, tokenId: row.id };
  throw refused(await whyRefused(db, digest, input.kind));
}

/** Checks a link without using it (the page that asks for the new password): its user, or the coded error. */
export async function checkUserToken(db: Db, input: { token: string; kind: UserTokenKind }): Promise<{ userId: string; expiresAt: Date }> {
  if (!looksLikeToken(input.token)) throw refused("token_unknown");
  const digest = digestKey(input.token);
  const row = await db.userToken.findUnique({
    where: { digest },
    select: { userId: true, kind: true, expiresAt: true, usedAt: true, revokedAt: true },
  });
  if (row && row.kind === input.kind && !row.usedAt && !row.revokedAt && row.expiresAt > new Date()) {
    return { userId: row.userId, expiresAt: row.expiresAt };
  }
  throw refused(await whyRefused(db, digest, input.kind));
}

async function whyRefused(db: Db, digest: string, kind: UserTokenKind): Promise<TokenRefusal> {
  const row = await db.userToken.findUnique({ where: { digest }, select: { kind: true, usedAt: true, revokedAt: true } });
  if (!row || row.kind !== kind) return "token_unknown";
  if (row.usedAt) return "token_used";
  if (row.revokedAt) return "token_revoked";
  return "token_expired";
}
