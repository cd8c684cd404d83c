import { z } from "zod";
import { defineJob } from "../server/jobs/define";
import { logger } from "../server/logger";
import { shutdownSignal } from "../server/shutdown";

// Retention (sweep-retention.ts), daily at 03:17 UTC, off the hour when other schedules fire: one
// run at a time cluster-wide; a failed or interrupted run is the next day's to finish (it only
// does what is left).
export const retentionSweep = defineJob({
  name: "maintenance.retention-sweep",
  payload: z.object({}),
  queue: { policy: "singleton", retryLimit: 0, expireInSeconds: 6 * 3600 },
  schedule: "17 3 * * *",
  handle: async (db, [job]) => {
    // Stops after its current batch on SIGTERM (or when pg-boss gives up on it); the next run goes on.
    const signal = job ? AbortSignal.any([job.signal, shutdownSignal()]) : shutdownSignal();
    const r = await (await import("./sweep-retention")).sweepRetention(db, { signal });
    logger.info({ component: "jobs", ...r }, "retention sweep");
  },
});

export const retentionJobs = [retentionSweep];
