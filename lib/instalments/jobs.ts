import { z } from "zod";
import { defineJob } from "../server/jobs/define";
import { logger } from "../server/logger";

// Later instalments (issue 12): every 5 minutes, one sweep at a time cluster-wide; an instalment
// is due on a day, retried days later.
export const instalmentsSweep = defineJob({
  name: "instalments.charge-sweep",
  payload: z.object({}),
  queue: { policy: "singleton", retryLimit: 0 },
  schedule: "*/5 * * * *",
  handle: async (db) => {
    const r = await (await import("./sweep-instalments")).sweepInstalments(db);
    if (r.ACCEPTED || r.RETRY || r.FAILED) logger.info({ component: "jobs", ...r }, "instalments charged");
  },
});

// A failed instalment's alert e-mail to the merchant, retried if the mail server is down.
export const instalmentFailedAlert = defineJob({
  name: "instalments.failed-alert",
  payload: z.object({ chargeId: z.string() }),
  queue: { retryLimit: 10, retryDelay: 60, retryBackoff: true },
  handle: async (db, [job]) => {
    if (job) await (await import("./send-instalment-alert")).sendInstalmentFailedAlert(db, job.data);
  },
});

export const instalmentJobs = [instalmentsSweep, instalmentFailedAlert];
