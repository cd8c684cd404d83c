import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db } from "../server/db";
import { purgeExpiredRows, type RowPurgeCounts } from "./purge-expired-rows";
import { anonymiseOrdersBatch, deleteOrdersBatch, emptyOrderCounts, type OrderPurgeCounts } from "./purge-orders";
import { type RetentionConfig, retentionConfig, retentionCutoffs } from "./retention-config";

/** Orders per statement (each batch is one transaction); rows per statement for the plain purges. */
export const RETENTION_ORDER_BATCH = 1_000;
export const RETENTION_ROW_BATCH = 10_000;

export type RetentionSweepResult = OrderPurgeCounts & RowPurgeCounts & { complete: boolean };

/**
 * The daily retention sweep (docs/operations.md, "Retention"): orders ended more than
 * RETENTION_MONTHS ago are deleted with their messages, or — while one of their transactions is
 * inside RETENTION_TRANSACTION_YEARS — stripped of their personal data and kept; then keys,
 * rate-limit buckets and sandbox copies past their use. Bounded batches that skip locked rows, so
 * it runs beside the traffic and a rerun does only what is left. One "retention.sweep" audit event
 * per run with the counts, also for a run stopped by `signal` (worker shutdown) or an error.
 */
export async function sweepRetention(
  db: Db,
  input: { now?: Date; config?: RetentionConfig; batchSize?: number; rowBatchSize?: number; signal?: AbortSignal } = {},
): Promise<RetentionSweepResult> {
  const now = input.now ?? new Date();
  const config = input.config ?? retentionConfig();
  const batchSize = input.batchSize ?? RETENTION_ORDER_BATCH;
  const cutoffs = retentionCutoffs(now, config);
  const orders = emptyOrderCounts();
  let rows: RowPurgeCounts = { idempotencyKeysDeleted: 0, rateLimitBucketsDeleted: 0, caughtMailsDeleted: 0, sandboxMessagesDeleted: 0 };
  const batch = { ordersBefore: cutoffs.orders, transactionsBefore: cutoffs.transactions, batchSize, now };
  const record = (complete: boolean, error?: string) =>
    recordAuditEvent(db, {
      actor: { type: "SYSTEM" },
      action: "retention.sweep",
      after: {
        ...orders,
        ...rows,
        complete,
        ...(error ? { error } : {}),
        retentionMonths: config.months,
        transactionYears: config.transactionYears,
        ordersEndedBefore: cutoffs.orders.toISOString(),
        transactionsBefore: cutoffs.transactions.toISOString(),
      },
    });
  try {
    // The two sets are disjoint (a transaction still kept or not): deleting first never anonymises
    // an order that is about to go anyway.
    for (const step of [deleteOrdersBatch, anonymiseOrdersBatch]) {
      // Until a batch comes back short: nothing left, or only rows that someone else holds.
      while (!input.signal?.aborted) if ((await step(db, batch, orders)) < batchSize) break;
    }
    rows = await purgeExpiredRows(db, { cutoffs, batchSize: input.rowBatchSize ?? RETENTION_ROW_BATCH, signal: input.signal });
  } catch (e) {
    await record(false, e instanceof Error ? e.message : String(e)).catch(() => {});
    throw e;
  }
  const complete = !input.signal?.aborted;
  await record(complete);
  return { ...orders, ...rows, complete };
}
