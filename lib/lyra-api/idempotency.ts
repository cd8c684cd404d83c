import crypto from "node:crypto";
import type { Db } from "../server/db";
import { LyraError } from "./error-codes";
import { canonicalJson } from "./wire";

// Idempotency-Key (our addition): the same key and body within 24 h replay the first answer; the
// same key with another body is refused. The key row is written in the transaction that creates
// the order, so there is never a duplicate order, even for concurrent retries.

export const IDEMPOTENCY_WINDOW_HOURS = 24;

export type IdemKey = { shopId: string; mode: "TEST" | "PRODUCTION"; key: string; requestHash: string };

export const requestHash = (body: unknown) => crypto.createHash("sha256").update(canonicalJson(body)).digest("hex");

export function checkKeyFormat(key: string) {
  if (!/^[\x21-\x7E]{1,255}$/.test(key)) throw new LyraError("INT_902", "Invalid Idempotency-Key header: 1 to 255 printable characters");
}

/** The stored answer for this key, if fresh; a LyraError if the key was used with another body. */
export async function findReplay(db: Db, k: IdemKey): Promise<object | null> {
  const row = await db.idempotencyKey.findUnique({
    where: { shopId_mode_key: { shopId: k.shopId, mode: k.mode, key: k.key } },
    select: { requestHash: true, response: true, createdAt: true },
  });
  if (!row || row.createdAt.getTime() < Date.now() - IDEMPOTENCY_WINDOW_HOURS * 3600_000) return null;
  if (row.requestHash !== k.requestHash)
    throw new LyraError("PSP_1103", `Idempotency-Key ${k.key} was first used with another request body`);
  return row.response as object;
}

/** Thrown inside the creating transaction when another request holds the key: rolls back. */
export class KeyTaken extends Error {}

/** Records the answer under the key; throws KeyTaken if a fresh row exists (the caller replays it). */
export async function storeAnswer(db: Db, k: IdemKey, answer: object) {
  const r = await db.sql(
    `INSERT INTO "IdempotencyKey" ("shopId", mode, key, "requestHash", response, "createdAt")
     VALUES ($1, $2::"Mode", $3, $4, $5::jsonb, now())
     ON CONFLICT ("shopId", mode, key) DO UPDATE
       SET "requestHash" = EXCLUDED."requestHash", response = EXCLUDED.response, "createdAt" = EXCLUDED."createdAt"
       WHERE "IdempotencyKey"."createdAt" < now() - make_interval(hours => $6)
     RETURNING 1`,
    [k.shopId, k.mode, k.key, k.requestHash, JSON.stringify(answer), IDEMPOTENCY_WINDOW_HOURS],
  );
  if (!r.rowCount) throw new KeyTaken();
}
