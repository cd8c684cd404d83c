import type { Db } from "../server/db";
import type { RetentionCutoffs } from "./retention-config";
import { deleteOlderThan } from "./retention-sql";

export type RowPurgeCounts = {
  idempotencyKeysDeleted: number;
  rateLimitBucketsDeleted: number;
  caughtMailsDeleted: number;
  sandboxMessagesDeleted: number;
};

// [count, table, column, cutoff]: rows that no longer serve any purpose, oldest first.
const TARGETS = [
  // Past its 24 h window a key is never replayed (findReplay ignores it, storeAnswer overwrites it),
  // and its stored answer echoes the order (buyer e-mail included).
  ["idempotencyKeysDeleted", "IdempotencyKey", "createdAt", "idempotencyKeys"],
  // A bucket past its window counts as empty; its key holds an e-mail or an IP address.
  ["rateLimitBucketsDeleted", "RateLimitBucket", "windowStart", "rateLimitBuckets"],
  // Copies of sent messages in the Test mailbox and the SMS / WhatsApp outbox (no provider set).
  ["caughtMailsDeleted", "CaughtMail", "receivedAt", "copies"],
  ["sandboxMessagesDeleted", "SandboxMessage", "receivedAt", "copies"],
] as const satisfies readonly [keyof RowPurgeCounts, string, string, keyof RetentionCutoffs][];

/** Deletes each kind in statements of at most `batchSize` rows (autocommit: each batch stands alone). */
export async function purgeExpiredRows(
  db: Db,
  input: {
    cutoffs: RetentionCutoffs;
    batchSize: number;
    signal?: AbortSignal;
  },
): Promise<RowPurgeCounts> {
  const counts: RowPurgeCounts = {
    idempotencyKeysDeleted: 0,
    rateLimitBucketsDeleted: 0,
    caughtMailsDeleted: 0,
    sandboxMessagesDeleted: 0,
  };
  for (const [key, table, column, cutoff] of TARGETS) {
    const sql = deleteOlderThan(table, column);
    for (;;) {
      if (input.signal?.aborted) return counts;
      const r = await db.sql(sql, [input.cutoffs[cutoff], input.batchSize]);
      counts[key] += r.rowCount ?? 0;
      if ((r.rowCount ?? 0) < input.batchSize) break;
    }
  }
  return counts;
}
