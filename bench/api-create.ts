// Benchmark of Charge/CreatePaymentOrder (URL channel) on a production build: autocannon, 32
// connections, against a bare `pg` loop inserting the same rows (order + audit event) with the
// same concurrency, as the ceiling to compare with. The two alternate in slices of SLICE seconds
// (API, bare pg, API, …) so that both see the same load on a shared machine: the ratio is the
// figure to compare between runs.
//   npm run build && DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npx tsx bench/api-create.ts
// Then an open-loop run (openLoop in lib.ts: one request every 1/RATE s on a fixed schedule, default
// 500 req/s), whose latency is what a merchant's integration feels; the closed loop's p99 at 32 connections is
// bounded by Little's law on 2 cores and is a figure, not a goal.
// Env: DURATION (s of each side, default 30), SLICE (s, default 5), CONNECTIONS (default 32),
// RATE (default 500); BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server.
import crypto from "node:crypto";
import autocannon from "autocannon";
import pg from "pg";
import { freshDatabase, machine, openLoop, startServer } from "./lib";

const DURATION = Number(process.env.DURATION ?? 30);
const SLICE = Number(process.env.SLICE ?? 5);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 32);
const RATE = Number(process.env.RATE ?? 500);

const db = await freshDatabase();
// Production defaults (DB pool of 8), but one key at 1,000+ calls a second is far past the default
// quota (600 a minute): raised, so that every call is counted and none refused.
const server = await startServer({ API_REQUESTS_PER_MINUTE: "100000000" });
const auth = `Basic ${Buffer.from("12345678:testpassword_DEMOSHOPKEY0000000001").toString("base64")}`;
const url = `${server.base}/api-payment/V4/Charge/CreatePaymentOrder`;
const body = JSON.stringify({ amount: 1990, currency: "EUR", orderId: "BENCH-1", channelOptions: { channelType: "URL" } });
const headers = { authorization: auth, "content-type": "application/json" };

// The same rows through bare pg: one INSERT statement per order (order + audit event), no HTTP.
const pool = new pg.Pool({ connectionString: db.url, max: CONNECTIONS });
const sql = `WITH o AS (
  INSERT INTO "PaymentOrder" (id, token, "shopId", mode, channel, "deliveryStatus", reference, amount, currency, locale, "validUntil", "createdVia", "createdAt")
  VALUES ($1, $2, '12345678', 'TEST', 'URL', 'MANUAL', 'BENCH-BARE', 1990, 'EUR', 'fr_FR', now() + interval '7 days', 'API', now()) RETURNING id)
INSERT INTO "AuditEvent" (id, "shopId", "orderId", "actorType", "actorId", action, after) SELECT gen_random_uuid(), '12345678', o.id, 'API_KEY', '12345678:TEST', 'order.create', '{}'::jsonb FROM o`;
async function bareSlice(seconds: number) {
  let n = 0;
  const t0 = performance.now();
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < until) {
        await pool.query(sql, [crypto.randomBytes(16).toString("hex"), crypto.randomBytes(24).toString("base64url")]);
        n++;
      }
    }),
  );
  return { n, seconds: (performance.now() - t0) / 1000 };
}

// Warm-up (JIT, connection pools, prepared plans), not measured.
await autocannon({ url, method: "POST", headers, body, connections: CONNECTIONS, duration: 5 });
await bareSlice(2);
const slices: { api: autocannon.Result; bare: { n: number; seconds: number } }[] = [];
for (let i = 0; i < Math.max(1, Math.round(DURATION / SLICE)); i++) {
  const api = await autocannon({ url, method: "POST", headers, body, connections: CONNECTIONS, duration: SLICE });
  slices.push({ api, bare: await bareSlice(SLICE) });
}
const open = await openLoop({ url, method: "POST", headers, body, rate: RATE, seconds: DURATION });
const check = await fetch(url, { method: "POST", headers, body }).then((r) => r.json());
if (check.status !== "SUCCESS") throw new Error(`the API did not create an order: ${JSON.stringify(check.answer)}`);
await server.stop();
await pool.end();
const orders = await new pg.Client({ connectionString: db.url });
await orders.connect();
const created = Number((await orders.query(`SELECT count(*) FROM "PaymentOrder" WHERE reference = 'BENCH-1'`)).rows[0].count);
await orders.end();
await db.drop();

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const apiRate = sum(slices.map((x) => x.api.requests.total)) / sum(slices.map((x) => x.api.duration));
const bareRate = sum(slices.map((x) => x.bare.n)) / sum(slices.map((x) => x.bare.seconds));
const api = {
  latency: { p50: median(slices.map((x) => x.api.latency.p50)), p99: median(slices.map((x) => x.api.latency.p99)) },
  non2xx: sum(slices.map((x) => x.api.non2xx)),
  errors: sum(slices.map((x) => x.api.errors)),
  timeouts: sum(slices.map((x) => x.api.timeouts)),
};
const result = {
  date: new Date().toISOString(),
  machine: machine(),
  connections: CONNECTIONS,
  durationSeconds: DURATION,
  sliceSeconds: SLICE,
  api: {
    requestsPerSecond: Math.round(apiRate),
    // the slices' median

    p50ms: api.latency.p50,
    p99ms: api.latency.p99,
    non2xx: api.non2xx,
    errors: api.errors,
    timeouts: api.timeouts,
    ordersCreated: created,
  },
  openLoop: open,
  barePg: { insertsPerSecond: Math.round(bareRate) },
  ratio: Number((apiRate / bareRate).toFixed(2)),
  sliceRatios: slices.map((x) => Number((x.api.requests.total / x.api.duration / (x.bare.n / x.bare.seconds)).toFixed(2))),
  goals: { rps: ">= 1000", ratio: ">= 0.65", openLoopP99: "<= 20 ms at 500 req/s" },
};
console.log(JSON.stringify(result, null, 2));
process.exit(0);
