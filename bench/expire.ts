// Benchmark of the expiry sweep (issue 4): 100,000 orders whose validity ended at the same second,
// expired by lib/orders/expire-orders.ts. Goal: ≤ 10 s.
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npx tsx bench/expire.ts
import { freshDatabase, machine } from "./lib";

const N = Number(process.env.ORDERS ?? 100_000);
const db = await freshDatabase();
const { getDb } = await import("../lib/server/db");
const { expireOrders } = await import("../lib/orders/expire-orders");
const prisma = getDb();
const validUntil = new Date(Date.now() - 1000);
await prisma.$executeRawUnsafe(
  `INSERT INTO "PaymentOrder" (id, token, "shopId", mode, channel, "deliveryStatus", reference, amount, currency, locale, "validUntil", "createdVia", "createdAt")
   SELECT md5(g::text), md5('t' || g::text), '12345678', 'TEST', 'URL', 'MANUAL', 'EXP-' || g, 1000 + g, 'EUR', 'fr_FR', $1, 'API', now() - interval '1 day'
   FROM generate_series(1, $2) g`,
  validUntil,
  N,
);
await prisma.$executeRawUnsafe(`ANALYZE "PaymentOrder"`);
const t0 = performance.now();
const expired = await expireOrders(prisma);
const seconds = (performance.now() - t0) / 1000;
const audits = await prisma.auditEvent.count({ where: { action: "order.expire" } });
const left = await prisma.paymentOrder.count({ where: { status: "RUNNING" } });
await db.drop();
console.log(
  JSON.stringify(
    {
      date: new Date().toISOString(),
      machine: machine(),
      orders: N,
      expired,
      audits,
      left,
      seconds: Number(seconds.toFixed(2)),
      goal: "<= 10 s",
    },
    null,
    2,
  ),
);
process.exit(expired === N && audits === N && left === 0 ? 0 : 1);
