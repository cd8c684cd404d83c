import { defineJob } from "../server/jobs/define";
import { logger } from "../server/logger";
import { instalmentFailedAlertQueue, instalmentsSweepQueue } from "./queues";
import { sendInstalmentFailedAlert } from "./send-instalment-alert";
import { sweepInstalments } from "./sweep-instalments";

// The instalments' background work, the worker's side (queues.ts: what producers enqueue).

// Every 5 minutes: an instalment is due on a day, retried days later.
export const instalmentsSweep = defineJob({
  ...instalmentsSweepQueue,
  schedule: "*/5 * * * *",
  handle: async (db) => {
    const r = await sweepInstalments(db);
    if (r.ACCEPTED || r.RETRY || r.FAILED) logger.info({ component: "jobs", ...r }, "instalments charged");
  },
});

export const instalmentFailedAlert = defineJob({
  ...instalmentFailedAlertQueue,
  handle: async (db, [job]) => {
    if (job) await sendInstalmentFailedAlert(db, job.data);
  },
});

export const instalmentJobs = [instalmentsSweep, instalmentFailedAlert];
