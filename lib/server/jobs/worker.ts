import { getDb } from "../db";
import { logger } from "../logger";
import { isShuttingDown } from "../shutdown";
import { getBoss } from "./boss";
import type { JobDef } from "./define";
import { ensureQueue } from "./enqueue";
import { instrumented } from "./instrument";

/**
 * Registers the handler and schedule of every job given (the composition room's registry, the
 * domains' declarations) on this process. Idempotent per process.
 */
// biome-ignore lint/suspicious/noExplicitAny: a registry holds jobs of every payload type
export async function startWorker(jobs: readonly JobDef<any>[]) {
  const g = globalThis as unknown as { workerStarted?: boolean };
  if (g.workerStarted) return;
  g.workerStarted = true;
  const boss = await getBoss();
  const db = getDb();
  for (const job of jobs) {
    // A signal during the start (the first queues' jobs already running): pg-boss is stopping,
    // and the queues not yet registered stay with the other workers.
    if (isShuttingDown()) return;
    try {
      await ensureQueue(boss, job);
      const handle = job.handle;
      if (handle) {
        const run = instrumented<object>(job.name, (batch) => handle(db, batch));
        if (job.work) await boss.work<object>(job.name, job.work(), run);
        else await boss.work<object>(job.name, run);
      }
      if (job.schedule) await boss.schedule(job.name, job.schedule);
    } catch (e) {
      if (isShuttingDown()) return; // "Workers are disabled. pg-boss is stopped"
      throw e;
    }
  }
  logger.child({ component: "jobs" }).info("worker started");
}
