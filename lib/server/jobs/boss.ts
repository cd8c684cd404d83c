import { PgBoss } from "pg-boss";
import { env } from "../env";
import { logger } from "../logger";
import { deliveryJobExpireSeconds, QUEUES } from "./queues";

const g = globalThis as unknown as { bossPromise?: Promise<PgBoss> };

/**
 * One started PgBoss per process, shared through globalThis (route handlers, server actions and
 * instrumentation are separate bundles). It installs/migrates its own schema on first start.
 * Producers use it too: `send(…, { db: fromPrisma(tx) })` enqueues inside our transaction.
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
    for (const q of Object.values(QUEUES)) {
      const options = q.name.startsWith("channels.") ? { ...q.options, expireInSeconds: deliveryJobExpireSeconds() } : q.options;
      await boss.createQueue(q.name, options);
      // Existing queues keep their policy; their timings follow the configuration.
      const { policy: _policy, ...timings } = options as typeof options & { policy?: string };
      await boss.updateQueue(q.name, timings);
    }
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
  if (p) await (await p).stop({ graceful: true, timeout: timeoutMs }).catch(() => {});
}
