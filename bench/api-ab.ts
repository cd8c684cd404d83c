// Two checkouts' REST API under the same load: the servers of this checkout and of BASE_DIR (an
// export of another commit, e.g. `git archive main | tar -x -C /tmp/base`, with `node_modules`
// and `.next` linked from here) run side by side on one fresh database (this checkout's
// migrations); autocannon measures them in alternate slices (A B, B A, …) of SLICE seconds, so
// both see the same background load. Prints each round and this checkout's throughput over the
// base's: on a shared machine, the way to tell whether a change made the API faster.
//   BASE_DIR=/tmp/base DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npx tsx bench/api-ab.ts
// Env: ROUNDS (default 6), SLICE (s, default 4), CONNECTIONS (default 32).
import { type ChildProcess, spawn } from "node:child_process";
import autocannon from "autocannon";
import { freePort, freshDatabase, machine, serverEnv } from "./lib";

const BASE_DIR = process.env.BASE_DIR;
if (!BASE_DIR) throw new Error("BASE_DIR: the other checkout's folder");
const ROUNDS = Number(process.env.ROUNDS ?? 6);
const SLICE = Number(process.env.SLICE ?? 4);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 32);

const db = await freshDatabase();
const procs: ChildProcess[] = [];
process.on("exit", () => {
  for (const p of procs) p.kill("SIGTERM");
});
async function start(cwd: string) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const proc = spawn("node_modules/.bin/tsx", ["scripts/server.ts"], {
    cwd,
    env: serverEnv(port, { API_REQUESTS_PER_MINUTE: "100000000" }),
    stdio: ["ignore", "ignore", "inherit"],
  });
  procs.push(proc);
  for (let i = 0; ; i++) {
    if (i > 600) throw new Error(`server in ${cwd} did not start`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  return base;
}
const servers = { base: await start(BASE_DIR), this: await start(process.cwd()) };
const auth = `Basic ${Buffer.from("12345678:testpassword_DEMOSHOPKEY0000000001").toString("base64")}`;
const body = JSON.stringify({ amount: 1990, currency: "EUR", orderId: "BENCH-1", channelOptions: { channelType: "URL" } });
const run = async (server: string, duration: number) => {
  const r = await autocannon({
    url: `${server}/api-payment/V4/Charge/CreatePaymentOrder`,
    method: "POST",
    headers: { authorization: auth, "content-type": "application/json" },
    body,
    connections: CONNECTIONS,
    duration,
  });
  if (r.non2xx || r.errors) throw new Error(`${server}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return r.requests.total / r.duration;
};
await run(servers.base, 4); // warm-up
await run(servers.this, 4);
const rates = { base: [] as number[], this: [] as number[] };
for (let i = 0; i < ROUNDS; i++) {
  for (const k of i % 2 ? (["this", "base"] as const) : (["base", "this"] as const)) rates[k].push(await run(servers[k], SLICE));
  console.error(`[bench] round ${i + 1}: base ${rates.base.at(-1)!.toFixed(0)} req/s, this ${rates.this.at(-1)!.toFixed(0)} req/s`);
}
for (const p of procs) p.kill("SIGTERM");
await Promise.all(procs.map((p) => new Promise((r) => p.once("exit", r))));
await db.drop();
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
console.log(
  JSON.stringify(
    {
      date: new Date().toISOString(),
      machine: machine(),
      baseDir: BASE_DIR,
      rounds: ROUNDS,
      sliceSeconds: SLICE,
      baseRequestsPerSecond: Math.round(sum(rates.base) / ROUNDS),
      thisRequestsPerSecond: Math.round(sum(rates.this) / ROUNDS),
      roundRatios: rates.this.map((t, i) => Number((t / rates.base[i]!).toFixed(2))),
      ratio: Number((sum(rates.this) / sum(rates.base)).toFixed(2)),
    },
    null,
    2,
  ),
);
process.exit(0);
