import { subDays } from "date-fns";
import { insertAuditSql } from "../audit/audit-sql";
import type { NotificationEvent } from "../notifications/events";
import { queueNotifications } from "../notifications/queue-notifications";
import type { Db } from "../server/db";
import { sqlLiterals } from "../server/sql-literals";
import { TRANSACTION_TRANSITIONS, validationExpiryDays } from "./transaction-status";

export const SWEEP_BATCH = 1_000;

// One statement per batch and per event, like the order expiry sweep: pick due rows (skipping rows
// another sweep or a back-office action holds), change them with the transition table's rule, and
// write their audit events, atomically. The status condition is re-checked by the UPDATE itself.
const sweepSql = (event: "capture" | "expire", dueColumn: string, set: string) => {
  const rule = TRANSACTION_TRANSITIONS[event];
  return `
WITH due AS (
  SELECT id, status FROM "Transaction"
  WHERE status IN (${sqlLiterals(rule.from)}) AND "${dueColumn}" <= $1
  ORDER BY "${dueColumn}" LIMIT $2 FOR UPDATE SKIP LOCKED
), changed AS (
  UPDATE "Transaction" t SET status = '${rule.to}'${set} FROM due
  WHERE t.id = due.id AND t.status = due.status
  RETURNING t.id, t."shopId", t."orderId", due.status::text AS before
)
${insertAuditSql({
  actor: "SYSTEM",
  action: `'transaction.${event}'`,
  shopId: '"shopId"',
  orderId: '"orderId"',
  before: "jsonb_build_object('transactionId', id, 'status', before)",
  after: `jsonb_build_object('transactionId', id, 'status', '${rule.to}')`,
  from: "changed",
  returning: `"orderId", (after->>'transactionId') AS "transactionId"`,
})}`;
};

// Captured when the capture date has passed; only AUTHORISED rows (a manual one once validated).
const CAPTURE_SQL = sweepSql("capture", "captureDate", `, "capturedAt" = $1`);
// Manual-mode rows never validated within the limit, counted from the payment.
const EXPIRE_SQL = sweepSql("expire", "createdAt", "");

// Each batch and the notifications it raises (captures only) commit together.
async function inBatches(db: Db, sql: string, at: Date, batch: number, event?: NotificationEvent) {
  let total = 0;
  for (;;) {
    const n = await db.$transaction(async (tx) => {
      const rows = await tx.$queryRawUnsafe<{ orderId: string; transactionId: string }[]>(sql, at, batch);
      if (event)
        await queueNotifications(
          tx,
          rows.map((r) => ({ orderId: r.orderId, event, transactionId: r.transactionId })),
        );
      return rows.length;
    });
    total += n;
    if (n < batch) return total;
  }
}

/**
 * The capture sweep (F-ORD-7), scheduled every minute: captures authorised transactions whose
 * capture date has passed and expires those left unvalidated for `validationExpiryDays()` days,
 * in bounded batches. Two sweeps at once share the rows and never capture one twice.
 */
export async function sweepTransactions(db: Db, now = new Date(), batch = SWEEP_BATCH) {
  const captured = await inBatches(db, CAPTURE_SQL, now, batch, "TRANSACTION_CAPTURED");
  const expired = await inBatches(db, EXPIRE_SQL, subDays(now, validationExpiryDays()), batch);
  return { captured, expired };
}
