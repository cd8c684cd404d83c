// Start-up validation of the configuration: the worker and the web server, started with a
// malformed variable, stop before doing anything with one line on stderr naming it, and exit 1.
import { spawn } from "node:child_process";
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

  it("the web server: the same check before Next starts", async () => {
    const r = await run("scripts/server.ts", { PORT: "http" });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('Invalid configuration: PORT must be a port number (1-65535) (got "http")\n');
  });
});
