import fs from "node:fs";
import path from "node:path";
import { emailQueue, smsQueue, whatsappQueue } from "../channels/queues";
import { webhookQueue } from "../notifications/queues";
import type { Db } from "../server/db";
import { logger } from "../server/logger";

// GET /api/ready: can this deployment serve? The database answers (SELECT 1 within 2 s), every
// migration in prisma/migrations is applied (none pending, none failed), and the delivery queues
// are drained in time (no job waiting to run for more than READY_MAX_QUEUE_LAG_SECONDS).

const DB_TIMEOUT_MS = 2000;
/** Queues whose backlog a buyer or merchant waits on: messages and notifications. */
export const DELIVERY_QUEUES = [emailQueue.name, smsQueue.name, whatsappQueue.name, webhookQueue.name];

export type Check = { ok: boolean; error?: string } & Record<string, unknown>;
export type Readiness = { ready: boolean; checks: { database: Check; migrations: Check; queueLag: Check } };

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

let migrationDirs: string[] | undefined;
/** The migrations this build ships (read once: they change only with a new deployment). */
function shippedMigrations(dir = path.join(process.cwd(), "prisma", "migrations")): string[] {
  migrationDirs ??= fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return migrationDirs;
}

async function checkDatabase(db: Db): Promise<Check> {
  const t0 = performance.now();
  await withTimeout(db.sql("SELECT 1"), DB_TIMEOUT_MS, "SELECT 1");
  return { ok: true, latencyMs: Math.round(performance.now() - t0) };
}

async function checkMigrations(db: Db): Promise<Check> {
  const { rows } = await withTimeout(
    db.sql<{ name: string; finished: boolean; rolledBack: boolean }>(
      `SELECT migration_name AS name, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS "rolledBack"
       FROM _prisma_migrations`,
    ),
    DB_TIMEOUT_MS,
    "reading _prisma_migrations",
  );
  const applied = new Set(rows.filter((r) => r.finished && !r.rolledBack).map((r) => r.name));
  const failed = rows.filter((r) => !r.finished && !r.rolledBack).map((r) => r.name);
  const pending = shippedMigrations().filter((m) => !applied.has(m));
  const ok = pending.length === 0 && failed.length === 0;
  return {
    ok,
    applied: applied.size,
    pending,
    failed,
    ...(ok ? {} : { error: failed.length ? "a migration failed" : "migrations pending" }),
  };
}

async function checkQueueLag(db: Db, maxLagSeconds: number): Promise<Check> {
  // The oldest job of each delivery queue still waiting (created or retry) past its start time:
  // pg-boss' index on live jobs (name, state, blocked, start_after) answers it.
  const { rows } = await withTimeout(
    db.sql<{ name: string; lag: number }>(
      `SELECT name, EXTRACT(EPOCH FROM now() - min(start_after))::float8 AS lag
       FROM pgboss.job WHERE name = ANY($1::text[]) AND state IN ('created', 'retry') AND start_after < now()
       GROUP BY name`,
      [DELIVERY_QUEUES],
    ),
    DB_TIMEOUT_MS,
    "reading the job queue",
  );
  const lagSeconds = Object.fromEntries(DELIVERY_QUEUES.map((q) => [q, 0]));
  for (const r of rows) lagSeconds[r.name] = Math.round(r.lag);
  const late = Object.entries(lagSeconds)
    .filter(([, lag]) => lag > maxLagSeconds)
    .map(([q]) => q);
  return {
    ok: late.length === 0,
    maxLagSeconds,
    lagSeconds,
    ...(late.length ? { error: `jobs waiting more than ${maxLagSeconds} s in ${late.join(", ")}` } : {}),
  };
}

/** A check that threw: the cause goes to the log, the public body says only what failed. */
const failure =
  (check: string) =>
  (err: unknown): Check => {
    logger.warn({ err, check }, "readiness check failed");
    return { ok: false, error: check === "database" ? "unreachable or too slow" : "check failed" };
  };

export async function checkReadiness(db: Db, opts: { maxQueueLagSeconds: number }): Promise<Readiness> {
  const database = await checkDatabase(db).catch(failure("database"));
  if (!database.ok) {
    const skipped = { ok: false, error: "skipped: database unreachable" };
    return { ready: false, checks: { database, migrations: skipped, queueLag: skipped } };
  }
  const [migrations, queueLag] = await Promise.all([
    checkMigrations(db).catch(failure("migrations")),
    checkQueueLag(db, opts.maxQueueLagSeconds).catch(failure("queueLag")),
  ]);
  return { ready: migrations.ok && queueLag.ok, checks: { database, migrations, queueLag } };
}
