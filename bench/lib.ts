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
    env: {
      ...process.env,
      NODE_ENV: "production",
      APP_URL: base,
      PORT: String(port),
      HOST: "127.0.0.1",
      START_WORKER: "0",
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_OPTIONS: "--max-semi-space-size=32",
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
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
