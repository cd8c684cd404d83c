import { z } from "zod";
import type { JobQueue } from "../server/jobs/define";

// What the instalments' producers enqueue; the worker's side is jobs.ts.

// Later instalments: one sweep at a time cluster-wide.
export const instalmentsSweepQueue: JobQueue<Record<string, never>> = {
  name: "instalments.charge-sweep",
  payload: z.object({}),
  queue: { policy: "singleton", retryLimit: 0 },
};

// A failed instalment's alert e-mail to the merchant, retried if the mail server is down.
export const instalmentFailedAlertQueue: JobQueue<{ chargeId: string }> = {
  name: "instalments.failed-alert",
  payload: z.object({ chargeId: z.string() }),
  queue: { retryLimit: 10, retryDelay: 60, retryBackoff: true },
};
