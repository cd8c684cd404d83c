import { PgBoss } from "pg-boss";
import { env } from "../env";
import { logger } from "../logger";

// `queuesReady`: the queues this process has created (enqueue.ts), forgotten with the boss.
const g = globalThis as unknown as { bossPromise?: Promise<PgBoss>; queuesReady?: Map<string, Promise<void>> };

/**
 * One started PgBoss per process, shared through globalThis (route handlers, server actions and
 * instrumentation are separate bundles). It installs/migrates its own schema on first start.
 * Queues are created by their first producer or by the worker (enqueue.ts: `ensureQueue`).
 */
export function getBoss(): Promise<PgBoss> {
  g.bossPromise ??= (async () => {
    const boss = new PgBoss({
      connectionString: env().DATABASE_URL,
      max: Number(process.env.JOB_POOL_MAX ?? 4),
      // Maintenance and cron ticks only where jobs are worked on.
      supervise: process.env.START_WORKER === "1" || process.env.PO_WORKER === "1",
      schedule: process.env.START_WORKER === "1" || process.env.PO_WORKER === "1",
      // How often expired jobs (a killed worker's) are found and handed out again.
      superviseIntervalSeconds: Number(process.env.JOBS_SUPERVISE_SECONDS ?? 60),
      monitorIntervalSeconds: Number(process.env.JOBS_SUPERVISE_SECONDS ?? 60),
    });
    boss.on("error", (err) => logger.error({ err, component: "pg-boss" }, "job queue error"));
    await boss.start();
    return boss;
  })().catch((e) => {
    g.bossPromise = undefined;
    throw e;
  });
  return g.bossPromise;
}

/**
 * Stops fetching jobs, waits up to `timeoutMs` for the handlers in flight, then fails what is left
 * (pg-boss retries it on another worker) and closes pg-boss' pool.
 */
export async function stopBoss(timeoutMs = 10_000) {
  const p = g.bossPromise;
  g.bossPromise = undefined;
  g.queuesReady?.clear();
  if (p) await (await p).stop({ graceful: true, timeout: timeoutMs }).catch(() => {});
}
