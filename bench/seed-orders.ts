// `npm run bench:seed`: a fresh database with the demo tenants and N payment orders (default
// 1,000,000) generated in SQL (generate_series, one INSERT), kept for `npm run bench:search`.
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:seed   # prints BENCH_DB_URL=…
// Env: ORDERS (default 1000000). The demo shop gets 90 % of the orders, the other tenant 10 %.
import pg from "pg";
import { freshDatabase } from "./lib";

/**
 * Orders spread over the last two years (creation time independent of the row number), 80 %
 * PRODUCTION, every status / channel / delivery status, validity 1 to 30 days, amounts 1.00 to
 * 2,000.00 EUR, unique references, a recipient on the message channels.
 */
export async function seedOrders(url: string, n: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const t0 = Date.now();
  await client.query("SET synchronous_commit = off");
  await client.query(
    `INSERT INTO "PaymentOrder" (id, "shopId", mode, channel, status, "deliveryStatus", token, reference, amount, currency,
       "validUntil", recipient, "buyerEmail", "createdAt", "createdVia", "paidAt", "firstOpenedAt")
     SELECT md5('order' || i), CASE WHEN i % 10 = 0 THEN '87654321' ELSE '12345678' END,
       (CASE WHEN i % 5 = 0 THEN 'TEST' ELSE 'PRODUCTION' END)::"Mode",
       (ARRAY['URL','URL','URL','MAIL','MAIL','SMS','WHATSAPP','INVOICE'])[1 + (h % 8)]::"Channel",
       (ARRAY['PAID','PAID','PAID','PAID','EXPIRED','EXPIRED','RUNNING','RUNNING','REFUSED','CANCELLED'])[1 + (h / 8 % 10)]::"OrderStatus",
       (ARRAY['SENT','SENT','SENT','MANUAL','MANUAL','IN_PROGRESS','FAILED'])[1 + (h / 80 % 7)]::"DeliveryStatus",
       md5('token' || i), 'REF-' || lpad(((h::bigint * 7919 + i) % 100000000)::text, 8, '0') || '-' || i,
       100 + (h / 560 % 199901), 'EUR', created + ((1 + h / 3 % 30) || ' days')::interval,
       CASE WHEN h % 8 BETWEEN 3 AND 6 THEN 'buyer' || (h % 20011) || '@example.com' END,
       CASE WHEN h % 8 IN (0, 1, 2) THEN 'client' || (h % 30011) || '@example.org' END,
       created, 'BACK_OFFICE'::"CreatedVia",
       -- paid orders: 1 minute to ~3 days after creation; most links opened
       CASE WHEN h / 8 % 10 < 4 THEN created + ((1 + h % 4320) || ' minutes')::interval END,
       CASE WHEN h % 7 <> 0 THEN created + ((h % 600) || ' seconds')::interval END
     FROM (SELECT i, (hashint4(i)::bigint & 2147483647)::int AS h,
             date_trunc('milliseconds', now() - ((hashint4(i + 7)::bigint & 2147483647) % (730 * 86400)) * interval '1 second') AS created
           FROM generate_series(1, $1::int) AS i) g`,
    [n],
  );
  await client.query(`ANALYZE "PaymentOrder"`);
  await client.end();
  return { seconds: (Date.now() - t0) / 1000 };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.env.ORDERS ?? 1_000_000);
  const db = await freshDatabase();
  const { seconds } = await seedOrders(db.url, n);
  console.log(`${n} orders in ${seconds.toFixed(1)} s`);
  console.log(`BENCH_DB_URL=${db.url}`);
  process.exit(0);
}
