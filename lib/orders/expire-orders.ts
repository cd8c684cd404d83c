import { queueNotifications } from "../notifications/queue-notifications";
import type { Db } from "../server/db";
import { transitionOrdersSql } from "./transition-orders-sql";

export const EXPIRE_BATCH = 5_000;

// One statement per batch: pick due orders (skipping rows a payment holds), expire them from the
// statuses the order table allows, and write their audit events — atomically, in one round trip.
const EXPIRE_SQL = transitionOrdersSql(
  "expire",
  { where: `"validUntil" < $1`, tail: `ORDER BY "validUntil" LIMIT $2 FOR UPDATE SKIP LOCKED` },
  '"orderId"',
);

/**
 * The expiry sweep (F-LC-1): unpaid orders past their validity become EXPIRED, in bounded batches.
 * Rows locked by a payment are skipped and picked up by the next sweep. Pages and the payment
 * check already treat a passed validity as expired, to the second. Returns how many expired.
 */
export async function expireOrders(db: Db, now = new Date(), batch = EXPIRE_BATCH): Promise<number> {
  let total = 0;
  for (;;) {
    // The batch and its ORDER_EXPIRED notifications commit together.
    const n = await db.$transaction(async (tx) => {
      const rows = await tx.$queryRawUnsafe<{ orderId: string }[]>(EXPIRE_SQL, now, batch);
      await queueNotifications(
        tx,
        rows.map((r) => ({ orderId: r.orderId, event: "ORDER_EXPIRED" as const })),
      );
      return rows.length;
    });
    total += n;
    if (n < batch) return total;
  }
}
