// `npm test` (after lint and typecheck): a fresh database, a production build, then every vitest
// project — unit, integration (real Postgres), end-to-end (next start + Chromium) — under TZ=UTC,
// and the time-sensitive suites again under another zone. Exits non-zero on any failure.
// After the browser tests, the after-e2e project searches the same database and the server logs
// (written to TEST_LOG_DIR, a fresh temp dir kept only on failure) for card numbers.
//   SKIP_BUILD=1 reuses an existing .next build (local iteration only).
//   TEST_LOG_DIR=<kept dir> node scripts/test.mjs tests/after-e2e/ re-checks a failed run's logs.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { dropDatabase, ensureDatabase, startEmbedded } from "./lib/pg.mjs";
import { migrate } from "./migrate.mjs";

const t0 = Date.now();
let embedded = null;
let serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  embedded = await startEmbedded({ ephemeral: true });
  serverUrl = embedded.url;
}
const dbName = `po_test_${Date.now()}_${crypto.randomBytes(3).toString("hex")}`;
const url = await ensureDatabase(serverUrl, dbName);
console.error(`[test] fresh database ${dbName}`);

const logDir = process.env.TEST_LOG_DIR || fs.mkdtempSync(path.join(os.tmpdir(), "po-test-logs-"));
const env = {
  ...process.env,
  TEST_LOG_DIR: logDir,
  DATABASE_URL: url,
  APP_SECRET: "test-app-secret-0123456789abcdef",
  NEXT_TELEMETRY_DISABLED: "1",
  NODE_ENV: "test",
  TZ: "UTC",
  // The tests' receivers and fake providers listen on 127.0.0.1; the SSRF tests close it themselves.
  ALLOW_PRIVATE_WEBHOOKS: "1",
};
const run = (cmd, args, extra = {}) => spawnSync(cmd, args, { stdio: "inherit", env: { ...env, ...extra } }).status ?? 1;

let code = 0;
try {
  await migrate("deploy", { url, log: (m) => console.error(`[test] ${m}`) });
  const filter = process.argv.slice(2);
  // tests/after-e2e reads what the browser tests left behind: never part of the main run, always after it.
  const afterFilter = filter.filter((f) => f.includes("after-e2e"));
  const mainFilter = filter.filter((f) => !f.includes("after-e2e"));
  // Only the browser tests need a production build (a filter naming only other files skips it).
  const runsE2e = filter.length === 0 || mainFilter.some((f) => f.includes("e2e"));
  if (runsE2e && (process.env.SKIP_BUILD !== "1" || !fs.existsSync(".next/BUILD_ID"))) {
    code = run("node_modules/.bin/next", ["build"], { NODE_ENV: "production" });
  }
  if (code === 0 && (filter.length === 0 || mainFilter.length > 0)) {
    const projects = mainFilter.some((f) => f.startsWith("--project"))
      ? []
      : ["--project", "unit", "--project", "integration", "--project", "e2e"];
    code = run("node_modules/.bin/vitest", ["run", ...projects, ...mainFilter]);
  }
  // scripts/screenshots.mjs runs two files for their pictures, not the suite: nothing to scan after.
  if (code === 0 && (runsE2e || afterFilter.length > 0) && !process.env.SCREENSHOTS_DIR) {
    code = run("node_modules/.bin/vitest", ["run", "--project", "after-e2e", ...afterFilter]);
  }
  // The same time-sensitive suites in a zone far from UTC (and from the shops' zones).
  if (code === 0 && filter.length === 0) {
    code = run(
      "node_modules/.bin/vitest",
      [
        "run",
        "--project",
        "unit",
        "--project",
        "integration",
        "tests/unit/",
        "tests/integration/validity",
        "tests/integration/order-validity-zones",
      ],
      { TZ: "Pacific/Kiritimati" },
    );
  }
} catch (e) {
  console.error(`[test] ${e?.stack ?? e}`);
  code = 1;
} finally {
  await dropDatabase(serverUrl, dbName).catch(() => {});
  await embedded?.server.stop().catch(() => {});
  if (code === 0 && !process.env.TEST_LOG_DIR) fs.rmSync(logDir, { recursive: true, force: true });
  else if (fs.existsSync(logDir) && fs.readdirSync(logDir).length) console.error(`[test] server logs in ${logDir}`);
}
console.error(`[test] ${code === 0 ? "all green" : "FAILED"} in ${Math.round((Date.now() - t0) / 1000)} s`);
process.exit(code);
