import type { Db } from "../server/db";

export const EXPIRE_BATCH = 5_000;

/**
 * The expiry sweep (F-LC-1): unpaid orders past their validity become EXPIRED, in bounded batches,
 * each batch one transaction with its audit events. Rows locked by a payment are skipped and
 * picked up by the next sweep. Returns how many orders expired.
 */
export async function expireOrders(db: Db, now = new Date(), batch = EXPIRE_BATCH): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ id: string; shopId: string; before: string }[]>`
        WITH due AS (
          SELECT id, status FROM "PaymentOrder"
          WHERE status IN ('RUNNING', 'REFUSED') AND "validUntil" < ${now}
          ORDER BY "validUntil" LIMIT ${batch} FOR UPDATE SKIP LOCKED
        )
        UPDATE "PaymentOrder" o SET status = 'EXPIRED' FROM due WHERE o.id = due.id
        RETURNING o.id, o."shopId", due.status::text AS before`;
      if (rows.length) {
        await tx.auditEvent.createMany({
          data: rows.map((r) => ({
            actorType: "SYSTEM" as const,
            action: "order.expire",
            shopId: r.shopId,
            orderId: r.id,
            before: { status: r.before },
            after: { status: "EXPIRED" },
          })),
        });
      }
      return rows.length;
    });
    total += n;
    if (n < batch) return total;
  }
}
