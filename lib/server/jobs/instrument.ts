import type { Job } from "pg-boss";
import { logger } from "../logger";
import { processMetrics } from "../metrics";
import { runWithContext } from "../request-context";

type JobData = { messageId?: string; deliveryId?: string; requestId?: string };

/**
 * A job handler with its latency and failures measured per queue, a log line when it throws
 * (pg-boss retries the batch), and the request ids that queued its jobs in the async context —
 * so the worker's log lines about a message or delivery name the request that caused it.
 */
export function instrumented<T extends object>(queue: string, handler: (jobs: Job<T>[]) => Promise<unknown>) {
  return async (jobs: Job<T>[]): Promise<void> => {
    const { jobDuration, jobFailures } = processMetrics();
    const end = jobDuration.startTimer({ queue });
    const jobRequestIds = new Map<string, string>();
    for (const j of jobs) {
      const d = j.data as JobData | null;
      const key = d?.messageId ?? d?.deliveryId;
      if (key && typeof d?.requestId === "string") jobRequestIds.set(key, d.requestId);
    }
    const single = jobs.length === 1 ? (jobs[0]?.data as JobData | null)?.requestId : undefined;
    try {
      await runWithContext({ requestId: single, fields: {}, jobRequestIds }, () => handler(jobs));
    } catch (e) {
      jobFailures.inc({ queue });
      logger.error({ err: e, queue, jobs: jobs.length }, "job failed (pg-boss will retry it)");
      throw e;
    } finally {
      end();
    }
  };
}
