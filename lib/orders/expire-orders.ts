import { queueNotifications } from "../notifications/queue-notifications";
import { NO_PENDING_ATTEMPT } from "../payments/pending-attempt";
import type { Db } from "../server/db";
import { sqlLiterals } from "../server/sql-literals";
import { ORDER_TRANSITIONS } from "./order-status";
import { transitionOrdersSql } from "./transition-orders-sql";

export const EXPIRE_BATCH = 5_000;

// Two statements per batch. The first locks due orders (skipping rows a payment's reservation
// holds, and orders whose payment attempt waits for the acquirer's answer).
const LOCK_DUE_SQL = `
SELECT id FROM "PaymentOrder" o
WHERE status IN (${sqlLiterals(ORDER_TRANSITIONS.expire.from)}) AND "validUntil" < $1 AND ${NO_PENDING_ATTEMPT("o.id")}
ORDER BY "validUntil" LIMIT $2 FOR UPDATE SKIP LOCKED`;

// The second, whose snapshot follows the locks, checks again for an attempt reserved while the
// first ran (its answer must find the order open), then expires the others from the statuses the
// order table allows and writes their audit events, in one round trip.
const EXPIRE_SQL = transitionOrdersSql(
  "expire",
  { where: `id = ANY($1::char(32)[]) AND ${NO_PENDING_ATTEMPT('"PaymentOrder".id')}`, tail: "" },
  '"orderId"',
);

/**
 * The expiry sweep (F-LC-1): unpaid orders past their validity become EXPIRED, in bounded batches.
 * Rows locked by a payment, and orders whose payment attempt waits for its answer, are skipped and
 * picked up by a later sweep. Pages and the payment check already treat a passed validity as
 * expired, to the second. Returns how many expired.
 */
export async function expireOrders(db: Db, now = new Date(), batch = EXPIRE_BATCH): Promise<number> {
  let total = 0;
  for (;;) {
    // The batch and its ORDER_EXPIRED notifications commit together.
    const [locked, n] = await db.$transaction(async (tx) => {
      const due = await tx.$queryRawUnsafe<{ id: string }[]>(LOCK_DUE_SQL, now, batch);
      if (!due.length) return [0, 0];
      const rows = await tx.$queryRawUnsafe<{ orderId: string }[]>(
        EXPIRE_SQL,
        due.map((r) => r.id),
      );
      await queueNotifications(
        tx,
        rows.map((r) => ({ orderId: r.orderId, event: "ORDER_EXPIRED" as const })),
      );
      return [due.length, rows.length];
    });
    total += n;
    if (locked < batch) return total;
  }
}
