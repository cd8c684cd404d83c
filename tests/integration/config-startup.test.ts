// Start-up validation of the configuration: the worker and the web server, started with a
// malformed variable, stop before doing anything with one line on stderr naming it, and exit 1.
// A valid worker with WORKER_METRICS_PORT serves its own metrics.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import { describe, expect, it } from "vitest";

function run(script: string, env: Record<string, string | undefined>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", script], {
      env: { ...process.env, LOG_LEVEL: "info", ...env } as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c) => (stdout += c));
    child.stderr.on("data", (c) => (stderr += c));
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe("configuration checked at start-up", () => {
  it("the worker: a malformed SMTP_URL → exit 1 and one line naming it", async () => {
    const r = await run("scripts/worker.ts", { SMTP_URL: "http://x" });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('Invalid configuration: SMTP_URL must be an smtp:// or smtps:// URL (got "http://x")\n');
    expect(r.stdout).toBe("");
  });

  it("the worker: a missing DATABASE_URL, a bad schedule", async () => {
    const missing = await run("scripts/worker.ts", { DATABASE_URL: "" });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe("Invalid configuration: DATABASE_URL is not set (see .env.example)\n");
    const schedule = await run("scripts/worker.ts", { WEBHOOK_RETRY_SCHEDULE: "1m,5m" });
    expect(schedule.code).toBe(1);
    expect(schedule.stderr).toBe(
      'Invalid configuration: WEBHOOK_RETRY_SCHEDULE must be seconds separated by commas, e.g. "60,300,900" (got "1m,5m")\n',
    );
  });

  it(".env.example's APP_SECRET placeholder, or a short NEXTAUTH_SECRET: refused at start, one line naming it, never echoing it", async () => {
    const placeholder = /^# APP_SECRET=(.+)$/m.exec(fs.readFileSync(".env.example", "utf8"))?.[1];
    expect(placeholder).toBeTruthy();
    for (const script of ["scripts/server.ts", "scripts/worker.ts"]) {
      const r = await run(script, { APP_SECRET: placeholder });
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(
        "Invalid configuration: APP_SECRET is a placeholder (as in .env.example): set a random value, e.g. `openssl rand -base64 32`\n",
      );
    }
    const short = await run("scripts/worker.ts", { NEXTAUTH_SECRET: "nextauth-secret-of-28-chars!" });
    expect(short.code).toBe(1);
    expect(short.stderr).toBe("Invalid configuration: NEXTAUTH_SECRET must be at least 32 characters (see .env.example)\n");
  });

  it("the web server: the same check before Next starts", async () => {
    const r = await run("scripts/server.ts", { PORT: "http" });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('Invalid configuration: PORT must be a port number (1-65535) (got "http")\n');
  });
});

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

describe("a worker's own metrics (WORKER_METRICS_PORT)", () => {
  it("serves /api/metrics with the token (its process's series, not the cluster's) and /api/health", async () => {
    const port = await freePort();
    const token = "worker-metrics-token-0123456789";
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
      env: { ...process.env, WORKER_METRICS_PORT: String(port), HOST: "127.0.0.1", METRICS_TOKEN: token, LOG_LEVEL: "warn" },
      stdio: ["ignore", "ignore", "inherit"],
    });
    try {
      const base = `http://127.0.0.1:${port}`;
      const t0 = Date.now();
      for (;;) {
        if (child.exitCode !== null) throw new Error(`the worker exited with ${child.exitCode}`);
        if (Date.now() - t0 > 30_000) throw new Error("the worker's metrics port did not answer within 30 s");
        const ok = await fetch(`${base}/api/health`).then(
          (r) => r.ok,
          () => false,
        );
        if (ok) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect((await fetch(`${base}/api/metrics`)).status).toBe(401);
      expect((await fetch(`${base}/api/ready`)).status).toBe(404);
      const r = await fetch(`${base}/api/metrics`, { headers: { Authorization: `Bearer ${token}` } });
      expect(r.status).toBe(200);
      const text = await r.text();
      expect(text).toContain("process_cpu_user_seconds_total");
      expect(text).toContain("# TYPE job_handler_duration_seconds histogram");
      expect(text).not.toContain("cluster_state_up");
    } finally {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    }
  });
});
