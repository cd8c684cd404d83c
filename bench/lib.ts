// Shared by the benchmarks: a fresh database with the demo data, and `next start` on a free port.
import { type ChildProcess, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
// @ts-expect-error plain ESM scripts without types
import { dropDatabase, ensureDatabase, startEmbedded } from "../scripts/lib/pg.mjs";
// @ts-expect-error plain ESM scripts without types
import { migrate } from "../scripts/migrate.mjs";

export const freePort = () =>
  new Promise<number>((res) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => res(port));
    });
  });

export async function freshDatabase() {
  let embedded: { server: { stop(): Promise<void> }; url: string } | null = null;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    embedded = await startEmbedded({ ephemeral: true });
    serverUrl = embedded!.url;
  }
  const name = `po_bench_${Date.now()}_${crypto.randomBytes(3).toString("hex")}`;
  const url: string = await ensureDatabase(serverUrl, name);
  await migrate("deploy", { url, log: () => {} });
  process.env.DATABASE_URL = url;
  process.env.APP_SECRET ??= "bench-app-secret-0123456789abcdef";
  const { seedDemo } = await import("../prisma/seed");
  await seedDemo();
  return {
    url,
    async drop() {
      const { getPool, getPrisma } = await import("../lib/server/db");
      await getPrisma().$disconnect();
      await getPool()
        .end()
        .catch(() => {});
      await dropDatabase(serverUrl, name);
      await embedded?.server.stop();
    },
  };
}

/** The production server's environment on 127.0.0.1:`port` (no in-process worker), plus `env`. */
export const serverEnv = (port: number, env: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  NODE_ENV: "production",
  APP_URL: `http://127.0.0.1:${port}`,
  PORT: String(port),
  HOST: "127.0.0.1",
  START_WORKER: "0",
  NEXT_TELEMETRY_DISABLED: "1",
  NODE_OPTIONS: "--max-semi-space-size=32",
  ...env,
});

export async function startServer(env: Record<string, string> = {}): Promise<{ base: string; proc: ChildProcess; stop(): Promise<void> }> {
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("run `npm run build` first");
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // BENCH_SERVER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof": node flags for the server
  // (a CPU profile under load, written when the bench stops it).
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(" ").filter(Boolean);
  const [cmd, args] = nodeArgs?.length
    ? [process.execPath, [...nodeArgs, "--import", "tsx", "scripts/server.ts"]]
    : ["node_modules/.bin/tsx", ["scripts/server.ts"]];
  const proc = spawn(cmd, args, {
    env: serverEnv(port, env),
    // BENCH_SERVER_LOG=<file>: the server's stdout (its log lines, a --trace-gc) kept there.
    stdio: ["ignore", process.env.BENCH_SERVER_LOG ? fs.openSync(process.env.BENCH_SERVER_LOG, "w") : "ignore", "inherit"],
  });
  for (let i = 0; ; i++) {
    if (i > 600) throw new Error("server did not start");
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    proc,
    stop: async () => {
      proc.kill("SIGTERM");
      await new Promise((r) => proc.once("exit", r));
    },
  };
}

/** The machine, and its load average when the run ends (a shared machine's numbers are noisy: compare ratios). */
export const machine = () =>
  `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ")}`;

export type OpenLoopResult = {
  offeredPerSecond: number;
  servedPerSecond: number;
  sent: number;
  ok: number;
  non2xx: number;
  errors: number;
  /** Latency from each request's scheduled start (so a late send counts as waiting), in ms. */
  p50ms: number;
  p90ms: number;
  p99ms: number;
  maxms: number;
};

/**
 * A true open loop: one request every 1/rate s on a fixed schedule, whatever the answers, over a
 * keep-alive pool that grows as needed; each latency runs from the request's scheduled time, so a
 * stalled server or a late client is counted, not hidden (no coordinated omission).
 * Not autocannon's `overallRate`: that gives each of its connections a quota per second which the
 * connection fires back to back at the top of the second, i.e. a closed loop of every connection
 * for part of each second, then silence; its latencies are those of the burst.
 */
export async function openLoop(opts: {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
  rate: number;
  seconds: number;
}): Promise<OpenLoopResult> {
  const http = await import("node:http");
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const target = new URL(opts.url);
  const interval = 1000 / opts.rate;
  const total = Math.round(opts.rate * opts.seconds);
  const latencies: number[] = [];
  const timeline: [number, number][] = [];
  let ok = 0;
  let non2xx = 0;
  let errors = 0;
  const body = Buffer.from(opts.body);
  const headers = { ...opts.headers, "content-length": String(body.length) };
  const one = (scheduled: number) =>
    new Promise<void>((done) => {
      const req = http.request(
        { host: target.hostname, port: target.port, path: target.pathname, method: opts.method, headers, agent },
        (res) => {
          res.resume();
          res.on("end", () => {
            latencies.push(performance.now() - scheduled);
            if (process.env.OPEN_LOOP_TIMELINE) timeline.push([scheduled - t0, performance.now() - scheduled]);
            if (res.statusCode && res.statusCode < 300) ok++;
            else non2xx++;
            done();
          });
        },
      );
      req.on("error", () => {
        errors++;
        done();
      });
      req.end(body);
    });
  const pending: Promise<void>[] = [];
  const t0 = performance.now();
  for (let i = 0; i < total; i++) {
    const scheduled = t0 + i * interval;
    const wait = scheduled - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    pending.push(one(scheduled));
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - t0) / 1000;
  agent.destroy();
  if (process.env.OPEN_LOOP_TIMELINE) {
    // The 100 ms windows with the slowest answers: when the stalls happened.
    const worst = new Map<number, number>();
    for (const [at, ms] of timeline) worst.set(Math.floor(at / 100), Math.max(worst.get(Math.floor(at / 100)) ?? 0, ms));
    const top = [...worst].sort((a, b) => b[1] - a[1]).slice(0, 12);
    console.error(
      `open loop, slowest 100 ms windows (s: ms): ${top.map(([w, ms]) => `${(w / 10).toFixed(1)}: ${ms.toFixed(0)}`).join(", ")}`,
    );
  }
  latencies.sort((a, b) => a - b);
  const q = (p: number) => Number((latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0).toFixed(1));
  return {
    offeredPerSecond: opts.rate,
    servedPerSecond: Math.round(ok / elapsed),
    sent: total,
    ok,
    non2xx,
    errors,
    p50ms: q(0.5),
    p90ms: q(0.9),
    p99ms: q(0.99),
    maxms: Number((latencies.at(-1) ?? 0).toFixed(1)),
  };
}
