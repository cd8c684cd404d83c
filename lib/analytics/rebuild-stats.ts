// Recomputes the analytics counters from the orders themselves (the same statements as the
// migration's backfill): after a restore, a manual data fix, or for a benchmark's generated rows.
// Cancellations and refusals count on the day of the order's last change, expiries on its
// validity end; the triggers keep the counters from then on.
import type pg from "pg";

/** The shop's calendar day of an instant column (the stats' `day`). */
const shopDay = (column: string) => `((${column} AT TIME ZONE 'UTC') AT TIME ZONE s."timeZone")::date`;
const ORDERS = `"PaymentOrder" o JOIN "Shop" s ON s.id = o."shopId"`;

const STATS = `
INSERT INTO "ShopDailyStats" ("shopId", mode, day, channel, currency, slot, created, opened, paid, refused, expired, cancelled, "paidAmount")
SELECT "shopId", mode, day, channel, currency, 0, sum(created), sum(opened), sum(paid), sum(refused), sum(expired), sum(cancelled), sum("paidAmount")
FROM (
  SELECT o."shopId", o.mode, ${shopDay('o."createdAt"')} AS day, o.channel, o.currency,
         1 AS created, 0 AS opened, 0 AS paid, 0 AS refused, 0 AS expired, 0 AS cancelled, 0::bigint AS "paidAmount"
  FROM ${ORDERS}
  UNION ALL
  SELECT o."shopId", o.mode, ${shopDay('o."firstOpenedAt"')}, o.channel, o.currency, 0, 1, 0, 0, 0, 0, 0
  FROM ${ORDERS} WHERE o."firstOpenedAt" IS NOT NULL
  UNION ALL
  SELECT o."shopId", o.mode, ${shopDay('o."paidAt"')}, o.channel, o.currency, 0, 0, 1, 0, 0, 0, o.amount
  FROM ${ORDERS} WHERE o.status = 'PAID' AND o."paidAt" IS NOT NULL
  UNION ALL
  SELECT o."shopId", o.mode, ${shopDay('COALESCE(o."updatedAt", o."createdAt")')}, o.channel, o.currency,
         0, 0, 0, (o.status = 'REFUSED')::int, 0, (o.status = 'CANCELLED')::int, 0
  FROM ${ORDERS} WHERE o.status IN ('REFUSED', 'CANCELLED')
  UNION ALL
  SELECT o."shopId", o.mode, ${shopDay('o."validUntil"')}, o.channel, o.currency, 0, 0, 0, 0, 1, 0, 0
  FROM ${ORDERS} WHERE o.status = 'EXPIRED'
) x
GROUP BY "shopId", mode, day, channel, currency`;

// refunds20: refunds settled (on their day) and authorisations never captured (on the payment's
// day: the cancellation's is not kept); amounts lowered before capture are not recoverable here.
const REFUNDED = `
INSERT INTO "ShopDailyStats" ("shopId", mode, day, channel, currency, slot, "refundedAmount")
SELECT p."shopId", p.mode, ${shopDay('COALESCE(t."capturedAt", t."createdAt")')},
       p.channel, p.currency, 1, sum(t.amount)
FROM "Transaction" t JOIN "PaymentOrder" p ON p.id = t."orderId" JOIN "Shop" s ON s.id = p."shopId"
WHERE (t."operationType" = 'CREDIT' AND t.status = 'CAPTURED') OR (t."operationType" = 'DEBIT' AND t.status IN ('CANCELLED', 'EXPIRED'))
GROUP BY 1, 2, 3, 4, 5`;

const PAY_TIME = `
INSERT INTO "ShopDailyPayTime" ("shopId", mode, day, bucket, slot, count)
SELECT o."shopId", o.mode, ${shopDay('o."paidAt"')},
       po_pay_time_bucket(extract(epoch FROM o."paidAt" - o."createdAt") / 60), 0, count(*)
FROM ${ORDERS}
WHERE o.status = 'PAID' AND o."paidAt" IS NOT NULL
GROUP BY 1, 2, 3, 4`;

/** Empties and refills both counter tables in one transaction. */
export async function rebuildStats(client: pg.ClientBase): Promise<void> {
  await client.query("BEGIN");
  try {
    await client.query(`LOCK TABLE "ShopDailyStats", "ShopDailyPayTime" IN EXCLUSIVE MODE`);
    await client.query(`TRUNCATE "ShopDailyStats", "ShopDailyPayTime"`);
    await client.query(STATS);
    await client.query(PAY_TIME);
    await client.query(REFUNDED);
    await client.query("COMMIT");
  } catch (e) {
    await client.query("ROLLBACK");
    throw e;
  }
}
