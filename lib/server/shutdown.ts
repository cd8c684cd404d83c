import { z } from "zod";
import { closeDb } from "./db";
import { stopBoss } from "./jobs/boss";
import { logger } from "./logger";
import { closeMailer } from "./mailer";

// Graceful shutdown of the web and worker processes (docs/operations.md): on SIGTERM or SIGINT,
// finish what is in flight within SHUTDOWN_TIMEOUT_SECONDS, release the rest, exit 0.

const timeoutSchema = z.coerce.number().min(1, { error: "must be a number of seconds ≥ 1" }).default(25);

/** SHUTDOWN_TIMEOUT_SECONDS in ms (default 25 s: inside the 30 s a container platform waits before SIGKILL). */
export function shutdownTimeoutMs(env: Record<string, string | undefined> = process.env): number {
  const parsed = timeoutSchema.safeParse(env.SHUTDOWN_TIMEOUT_SECONDS || undefined);
  if (!parsed.success) {
    throw new Error(`Invalid configuration: SHUTDOWN_TIMEOUT_SECONDS ${parsed.error.issues[0]?.message}`);
  }
  return parsed.data * 1000;
}

// On globalThis: with START_WORKER=1 the jobs run in Next's bundle, which has its own copy of
// this module; the signal handlers are scripts/server.ts's.
const g = globalThis as unknown as { poStopping?: AbortController };
g.poStopping ??= new AbortController();
const stopping = g.poStopping;
/** True from the first SIGTERM/SIGINT on (a readiness check can answer 503 while the process drains). */
export const isShuttingDown = () => stopping.signal.aborted;
/** Aborted on the first SIGTERM/SIGINT: long jobs (the retention sweep) stop between two batches. */
export const shutdownSignal = () => stopping.signal;

/**
 * Runs `stop(deadline)` on the first SIGTERM or SIGINT, then exits 0 (1 if it threw). Later signals
 * are ignored: a terminal's Ctrl-C reaches the process both directly and through the npm/tsx
 * wrappers. If `stop` is still running 5 s past the deadline, the process exits 1.
 */
export function onShutdownSignal(component: string, stop: (deadline: number) => Promise<void>): void {
  const log = logger.child({ component });
  const timeoutMs = shutdownTimeoutMs();
  const run = (signal: NodeJS.Signals) => {
    if (stopping.signal.aborted) return;
    stopping.abort();
    log.info({ signal, timeoutMs }, "shutting down: finishing what is in flight");
    setTimeout(() => {
      log.error({ timeoutMs }, "shutdown still running 5 s past its deadline: exiting");
      process.exit(1);
    }, timeoutMs + 5_000).unref();
    stop(Date.now() + timeoutMs).then(
      () => {
        log.info("stopped");
        process.exit(0);
      },
      (err) => {
        log.error({ err }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", run);
  process.on("SIGINT", run);
}

/**
 * What every process holds open, in order: the job queue (no more fetching; active jobs finish
 * until the deadline, then are failed and retried elsewhere), the SMTP pool, the database pool.
 */
export async function releaseResources(deadline: number): Promise<void> {
  await stopBoss(Math.max(1_000, deadline - Date.now()));
  await closeMailer();
  await closeDb();
}
