// Benchmark of the order list's search tool (issue 4) on 1,000,000 orders: for the default sort and
// each filter, p95 of the use case's time (searchOrders: Prisma + Postgres, first page of 50) over
// RUNS runs, and one EXPLAIN (ANALYZE, BUFFERS) of the same SQL to check which indexes it uses.
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:search
// Env: BENCH_DB_URL (a database made by `npm run bench:seed`, kept), else a fresh one is seeded and
// dropped; ORDERS (default 1000000); RUNS (default 50); INDEXES=1 creates the indexes proposed in
// docs/benchmarks.md first (to measure them before a migration adds them), INDEXES=all also the
// indexes for sorting by status, channel, delivery status and recipient. Both are in the schema
// now (migrations 20261126195709_search_indexes, 20261207150000_perf18_sort_indexes): on a
// database seeded with today's migrations they change nothing. Filters and sorts are measured in
// the same run; the SQL column (EXPLAIN ANALYZE) is the server's time, steady on a loaded machine.
import type { UserActor } from "../lib/auth/actor";
import type { OrderSearch } from "../lib/orders/schemas";
import { freshDatabase, machine } from "./lib";
import { seedOrders } from "./seed-orders";

const RUNS = Number(process.env.RUNS ?? 50);
const N = Number(process.env.ORDERS ?? 1_000_000);

export const PROPOSED_INDEXES = [
  `CREATE INDEX IF NOT EXISTS "PaymentOrder_shopId_mode_reference_pattern_idx" ON "PaymentOrder" ("shopId", "mode", "reference" varchar_pattern_ops)`,
  `CREATE EXTENSION IF NOT EXISTS pg_trgm`,
  `CREATE INDEX IF NOT EXISTS "PaymentOrder_shopId_mode_validUntil_idx" ON "PaymentOrder" ("shopId", "mode", "validUntil")`,
  `CREATE INDEX IF NOT EXISTS "PaymentOrder_shopId_mode_amount_idx" ON "PaymentOrder" ("shopId", "mode", "amount")`,
  `CREATE INDEX IF NOT EXISTS "PaymentOrder_recipient_trgm_idx" ON "PaymentOrder" USING gin ((COALESCE("recipient", '') || ' ' || COALESCE("buyerEmail", '')) gin_trgm_ops)`,
];

/** Only for sorting the whole list by these columns (the last three rows of the table), INDEXES=all. */
export const SORT_INDEXES = ["status", "channel", "deliveryStatus", "recipient"].map(
  // the id (the sort's tiebreak) in the key: without it a page reads every row of the same value
  (c) => `CREATE INDEX IF NOT EXISTS "PaymentOrder_shopId_mode_${c}_id_idx" ON "PaymentOrder" ("shopId", "mode", "${c}", "id")`,
);

let dropDb: (() => Promise<void>) | null = null;
if (process.env.BENCH_DB_URL) {
  process.env.DATABASE_URL = process.env.BENCH_DB_URL;
  process.env.APP_SECRET ??= "bench-app-secret-0123456789abcdef";
} else {
  const fresh = await freshDatabase();
  const { seconds } = await seedOrders(fresh.url, N);
  console.error(`[bench] ${N} orders generated in ${seconds.toFixed(1)} s`);
  dropDb = fresh.drop;
}
const { getDb, getPool, getPrisma } = await import("../lib/server/db");
const { orderSearchSchema } = await import("../lib/orders/schemas");
const { searchOrders } = await import("../lib/orders/search-orders");
const { getUserActor } = await import("../lib/auth/get-user-actor");
const { sql } = await import("../lib/server/generated/prisma/internal/prismaNamespace");
const db = getDb();
const pool = getPool();

if (process.env.INDEXES === "1" || process.env.INDEXES === "all") {
  for (const q of PROPOSED_INDEXES) await pool.query(q);
  if (process.env.INDEXES === "all") for (const q of SORT_INDEXES) await pool.query(q);
  await pool.query(`ANALYZE "PaymentOrder"`);
}
const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@demo.test" }, select: { id: true } });
const actor = (await getUserActor(db, admin.id))!.actor as UserActor;
const total = Number((await pool.query(`SELECT count(*) FROM "PaymentOrder"`)).rows[0].count);

// A real reference and recipient to look for (rare values: the worst case for a filter).
const sample = (
  await pool.query(
    `SELECT reference, recipient FROM "PaymentOrder" WHERE "shopId" = '12345678' AND mode = 'PRODUCTION' AND recipient IS NOT NULL LIMIT 1`,
  )
).rows[0];
const month = (back: number) => new Date(Date.now() - back * 86400_000).toISOString().slice(0, 10);

const page1 = await searchOrders(db, { actor, mode: "PRODUCTION", ...orderSearchSchema.parse({}), limit: 50 });
const CASES: [string, Record<string, string>][] = [
  ["default sort (created desc), no filter", {}],
  ["default sort, page 2 (keyset cursor)", { after: page1.nextCursor! }],
  ["shop", { shop: "12345678" }],
  ["channel = SMS", { channel: "SMS" }],
  ["status = PAID", { status: "PAID" }],
  ["status = RUNNING (effective)", { status: "RUNNING" }],
  ["status = EXPIRED (effective)", { status: "EXPIRED" }],
  ["status = CANCELLED", { status: "CANCELLED" }],
  ["delivery = FAILED", { delivery: "FAILED" }],
  ["created range (a month, a year ago)", { createdFrom: month(395), createdTo: month(365) }],
  ["expiry range (a month, a year ago)", { validFrom: month(395), validTo: month(365) }],
  ["amount range 100 to 110 EUR", { currency: "EUR", amountMin: "100", amountMax: "110" }],
  ["reference prefix (~100 rows)", { reference: String(sample.reference).slice(0, 8) }],
  ["reference, exact (1 row)", { reference: String(sample.reference) }],
  ["recipient contains (~35 rows)", { recipient: String(sample.recipient).replace("@example.com", "@") }],
  [
    "all filters together",
    { channel: "MAIL", status: "PAID", createdFrom: month(700), createdTo: month(1), currency: "EUR", amountMin: "10" },
  ],
  ["sort amount asc", { sort: "amount", dir: "asc" }],
  ["sort reference asc", { sort: "reference", dir: "asc" }],
  ["sort status desc", { sort: "status", dir: "desc" }],
  ["sort expiry asc", { sort: "validUntil", dir: "asc" }],
  ["sort created asc", { sort: "created", dir: "asc" }],
  ["sort channel asc", { sort: "channel", dir: "asc" }],
  ["sort delivery status asc", { sort: "delivery", dir: "asc" }],
  ["sort recipient asc", { sort: "recipient", dir: "asc" }],
];

type Captured = { text: string; values: unknown[] };
/** The client, recording the SQL of searchOrders' one raw query (to EXPLAIN it). */
function recording(into: { last?: Captured }) {
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === "$queryRaw") {
        return (strings: TemplateStringsArray, ...values: unknown[]) => {
          into.last = sql(strings, ...values) as unknown as Captured;
          return target.$queryRaw(strings, ...values);
        };
      }
      return Reflect.get(target, prop, receiver);
    },
  }) as typeof db;
}

type PlanNode = { "Node Type": string; "Index Name"?: string; "Relation Name"?: string; Plans?: PlanNode[] };
const nodes = (p: PlanNode): PlanNode[] => [p, ...(p.Plans ?? []).flatMap(nodes)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1]!;

const results = [];
for (const [name, params] of CASES) {
  const search: OrderSearch = orderSearchSchema.parse(params);
  const rec: { last?: Captured } = {};
  const input = { actor, mode: "PRODUCTION" as const, ...search, limit: 50 };
  await searchOrders(recording(rec), input); // warm-up
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    rows = (await searchOrders(db, input)).rows.length;
    times.push(performance.now() - t0);
  }
  const explain = await pool.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${rec.last!.text}`, rec.last!.values);
  const plan = explain.rows[0]["QUERY PLAN"][0];
  const used = nodes(plan.Plan).filter((n) => n["Relation Name"] === "PaymentOrder" || n["Index Name"]?.startsWith("PaymentOrder"));
  const seq = used.some((n) => n["Node Type"] === "Seq Scan");
  const page2 = await searchOrders(db, input);
  results.push({
    name,
    rows,
    p50ms: +[...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!.toFixed(1),
    p95ms: +p95(times).toFixed(1),
    sqlMs: +plan["Execution Time"].toFixed(1),
    plan: [...new Set(used.map((n) => `${n["Node Type"]}${n["Index Name"] ? ` ${n["Index Name"]}` : ""}`))].join(" + "),
    seqScan: seq,
    hasNextPage: page2.nextCursor !== null,
  });
  console.error(`[bench] ${name}: p95 ${p95(times).toFixed(1)} ms`);
}

const out = {
  date: new Date().toISOString(),
  machine: machine(),
  orders: total,
  runs: RUNS,
  indexes: process.env.INDEXES ?? "none",
  results,
};
console.log(JSON.stringify(out, null, 2));
console.log("\n| Case | rows | p50 ms | p95 ms | SQL ms (EXPLAIN ANALYZE) | plan |\n|---|---|---|---|---|---|");
for (const r of results)
  console.log(`| ${r.name} | ${r.rows} | ${r.p50ms} | ${r.p95ms} | ${r.sqlMs} | ${r.plan}${r.seqScan ? " ⚠ seq scan" : ""} |`);
if (dropDb) await dropDb();
else {
  await getPrisma().$disconnect();
  await pool.end().catch(() => {});
}
process.exit(0);
