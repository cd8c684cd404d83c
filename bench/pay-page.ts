// Benchmark of the buyer payment page (issue 7): GET /pay/<token> on a production build with
// autocannon at 50 connections, and in the same run a static Next page (the prerendered
// not-found page) as the reference. Goals: p95 ≤ 30 ms, throughput ≥ 0.5× the static page's.
//   npm run build && DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npx tsx bench/pay-page.ts
// Env: DURATION (s, default 15), CONNECTIONS (default 50).
import autocannon from "autocannon";
import { freshDatabase, machine, startServer } from "./lib";

const DURATION = Number(process.env.DURATION ?? 15);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 50);

const db = await freshDatabase();
const { getDb } = await import("../lib/server/db");
const { createOrder } = await import("../lib/orders/create-order");
const order = await createOrder(getDb(), {
  actor: { type: "API_KEY", shopId: "12345678", mode: "TEST" },
  shopId: "12345678",
  mode: "TEST",
  amountMinor: 4990,
  currency: "EUR",
  reference: "BENCH-PAY",
});
const server = await startServer(process.env.BENCH_SERVER_ENV ? JSON.parse(process.env.BENCH_SERVER_ENV) : {});
const pay = `${server.base}/pay/${order.token}`;
const staticPage = `${server.base}/no-such-page-static-404`;
if (!(await fetch(pay)).ok) throw new Error("the payment page did not answer 200");

/** autocannon's summary has no p95: every response time is kept and the percentiles taken exactly. */
async function run(url: string) {
  const times: number[] = [];
  // Without a callback autocannon returns its instance, which is also a promise of the result.
  const instance = autocannon({ url, connections: CONNECTIONS, duration: DURATION }) as unknown as autocannon.Instance &
    Promise<autocannon.Result>;
  instance.on("response", (_client: unknown, _status: number, _bytes: number, ms: number) => {
    times.push(ms);
  });
  const result = await instance;
  times.sort((a, b) => a - b);
  const at = (q: number) => Number((times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(1));
  return { result, p95: at(0.95), p50: at(0.5) };
}
await autocannon({ url: pay, connections: CONNECTIONS, duration: 5 }); // warm-up
await autocannon({ url: staticPage, connections: CONNECTIONS, duration: 5 });
const page = await run(pay);
const ref = await run(staticPage);
await server.stop();
await db.drop();

const summary = ({ result: r, p95, p50 }: Awaited<ReturnType<typeof run>>) => ({
  requestsPerSecond: Math.round(r.requests.average),
  p50ms: p50,
  p90ms: r.latency.p90,
  p95ms: p95,
  p99ms: r.latency.p99,
  non2xx: r.non2xx,
  errors: r.errors,
});
console.log(
  JSON.stringify(
    {
      date: new Date().toISOString(),
      machine: machine(),
      connections: CONNECTIONS,
      durationSeconds: DURATION,
      payPage: summary(page),
      staticNotFoundPage: { ...summary(ref), note: "404 by design: the prerendered not-found page" },
      throughputRatio: Number((page.result.requests.average / ref.result.requests.average).toFixed(2)),
      goals: "pay page p95 <= 30 ms; throughput >= 0.5x the static page",
    },
    null,
    2,
  ),
);
process.exit(0);
