// `npm test` (after lint and typecheck): a fresh database, a production build, then every vitest
// project — unit, integration (real Postgres), end-to-end (next start + Chromium) — under TZ=UTC,
// and the time-sensitive suites again under another zone. Exits non-zero on any failure.
//   SKIP_BUILD=1 reuses an existing .next build (local iteration only).
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
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

const env = {
  ...process.env,
  DATABASE_URL: url,
  APP_SECRET: "test-app-secret-0123456789abcdef",
  NEXT_TELEMETRY_DISABLED: "1",
  NODE_ENV: "test",
  TZ: "UTC",
};
const run = (cmd, args, extra = {}) => spawnSync(cmd, args, { stdio: "inherit", env: { ...env, ...extra } }).status ?? 1;

let code = 0;
try {
  await migrate("deploy", { url, log: (m) => console.error(`[test] ${m}`) });
  const filter = process.argv.slice(2);
  // Only the browser tests need a production build (a filter naming only other files skips it).
  const needsBuild = filter.length === 0 || filter.some((f) => f.includes("e2e"));
  if (needsBuild && (process.env.SKIP_BUILD !== "1" || !fs.existsSync(".next/BUILD_ID"))) {
    code = run("node_modules/.bin/next", ["build"], { NODE_ENV: "production" });
  }
  if (code === 0) code = run("node_modules/.bin/vitest", ["run", ...filter]);
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
}
console.error(`[test] ${code === 0 ? "all green" : "FAILED"} in ${Math.round((Date.now() - t0) / 1000)} s`);
process.exit(code);
