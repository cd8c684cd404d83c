// Benchmark of the analytics dashboard (issue 10): 1,000,000 orders (bench/seed-orders.ts, two
// years, 90 % on the demo shop), the counters rebuilt from them, then getDashboard — the page's
// whole server-side read — timed for a month, a quarter and a year of the demo shop.
// Goal: ≤ 200 ms server time on 1,000,000 orders.
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npx tsx bench/analytics.ts
import pg from "pg";
import { freshDatabase, machine } from "./lib";
import { seedOrders } from "./seed-orders";

const N = Number(process.env.ORDERS ?? 1_000_000);
const RUNS = Number(process.env.RUNS ?? 50);

const db = await freshDatabase();
const seeded = await seedOrders(db.url, N);
const client = new pg.Client({ connectionString: db.url });
await client.connect();
const { rebuildStats } = await import("../lib/analytics/rebuild-stats");
const t0 = performance.now();
await rebuildStats(client);
const rebuildSeconds = (performance.now() - t0) / 1000;
const statRows = Number((await client.query(`SELECT count(*) FROM "ShopDailyStats"`)).rows[0].count);
await client.end();

const { getDb } = await import("../lib/server/db");
const { getUserActor } = await import("../lib/auth/get-user-actor");
const { getDashboard } = await import("../lib/analytics/get-dashboard");
const { addCalendarDays, dayInZone } = await import("../lib/time/shop-time");
const user = await getDb().user.findUniqueOrThrow({ where: { email: "operator@demo.test" }, select: { id: true } });
const actor = (await getUserActor(getDb(), user.id))!.actor;
const today = dayInZone(new Date(), "Europe/Paris");

const results: Record<string, { p50: number; p95: number; max: number; paid: number }> = {};
for (const [name, days] of [
  ["30 days", 30],
  ["90 days", 90],
  ["366 days", 366],
] as const) {
  const query = { shop: "12345678", mode: "PRODUCTION" as const, from: addCalendarDays(today, -(days - 1)), to: today };
  for (let i = 0; i < 5; i++) await getDashboard(getDb(), { actor, query }); // warm-up
  const times: number[] = [];
  let paid = 0;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const d = await getDashboard(getDb(), { actor, query });
    times.push(performance.now() - t);
    paid = d.totals.paid;
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => Number(times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(1));
  results[name] = { p50: q(0.5), p95: q(0.95), max: q(1), paid };
}
await db.drop();
console.log(
  JSON.stringify(
    {
      date: new Date().toISOString(),
      machine: machine(),
      orders: N,
      seedSeconds: seeded.seconds,
      rebuildSeconds: Number(rebuildSeconds.toFixed(1)),
      counterRows: statRows,
      dashboardMs: results,
      goal: "<= 200 ms server time on 1,000,000 orders",
    },
    null,
    2,
  ),
);
process.exit(0);
