// Runs a command with DATABASE_URL pointing at a migrated database.
//   node scripts/with-db.mjs [--seed] [--no-deploy] [--attach] [-- <command...>]
// --seed loads the demo tenants into an empty database, on the embedded server only, or when
// DEMO_DATA=1 (scripts/lib/demo-policy.mjs); against your own DATABASE_URL nothing demo is created.
// $DATABASE_URL when set; else the embedded server in .data/pg (database "app"), started here
// and stopped when the command exits. --attach (worker) joins an embedded server that
// `npm start` already runs instead of starting a second one on the same data directory.
import { spawn } from "node:child_process";
import { demoDataDecision } from "./lib/demo-policy.mjs";
import { canConnect, EMBEDDED_PORT, ensureAppSecret, ensureDatabase, startEmbedded } from "./lib/pg.mjs";
import { migrate } from "./migrate.mjs";

const argv = process.argv.slice(2);
const sep = argv.indexOf("--");
const flags = new Set(sep < 0 ? argv : argv.slice(0, sep));
const cmd = sep < 0 ? [] : argv.slice(sep + 1);

let embedded = null;
let url = process.env.DATABASE_URL;
const demo = demoDataDecision({ embedded: !url, env: process.env });
if (flags.has("--seed") && demo.refusal) {
  console.error(demo.refusal);
  process.exit(1);
}
if (!url) {
  if (flags.has("--attach") || (await canConnect(EMBEDDED_PORT))) {
    if (!(await canConnect(EMBEDDED_PORT))) {
      console.error("[db] DATABASE_URL is not set and no embedded server runs: start `npm start` first or set DATABASE_URL");
      process.exit(1);
    }
    url = `postgresql://postgres:postgres@127.0.0.1:${EMBEDDED_PORT}/app`;
    console.error(`[db] using the embedded server already running on port ${EMBEDDED_PORT}`);
  } else {
    embedded = await startEmbedded({ ephemeral: false });
    url = await ensureDatabase(embedded.url, "app");
  }
}
const stop = async () => {
  await embedded?.server.stop().catch(() => {});
};

try {
  if (!flags.has("--no-deploy")) await migrate("deploy", { url, log: (m) => console.error(`[db] ${m}`) });
} catch (e) {
  console.error(`[db] migrations failed: ${e?.message ?? e}`);
  await stop();
  process.exit(1);
}

const env = { ...process.env, DATABASE_URL: url, APP_SECRET: ensureAppSecret() };

const run = (command) =>
  new Promise((resolve) => {
    const child = spawn(command[0], command.slice(1), { stdio: "inherit", env });
    const forward = (s) => child.kill(s);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code ?? (signal ? 1 : 0));
    });
    child.on("error", (e) => {
      console.error(`[db] cannot run ${command[0]}: ${e.message}`);
      resolve(127);
    });
  });

let code = 0;
if (flags.has("--seed") && demo.seed) code = await run(["node_modules/.bin/tsx", "prisma/seed.ts", "--if-empty"]);
if (code === 0 && cmd.length) code = await run(cmd);
await stop();
process.exit(code);
