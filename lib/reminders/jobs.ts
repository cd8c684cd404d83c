import { z } from "zod";
import { defineJob } from "../server/jobs/define";
import { logger } from "../server/logger";

// Reminders before expiry (sweep-reminders.ts): one sweep at a time; a missed tick is the next
// one's. Every 5 minutes: a reminder is a day-scale promise, and quiet hours end on a 5-minute boundary.
export const remindersSweep = defineJob({
  name: "reminders.sweep",
  payload: z.object({}),
  queue: { policy: "singleton", retryLimit: 0 },
  schedule: "*/5 * * * *",
  handle: async (db) => {
    const r = await (await import("./sweep-reminders")).sweepReminders(db);
    if (r.reminders || r.skippedNoCredits || r.skippedTooLong) {
      const { reminders, skippedNoCredits, skippedTooLong } = r;
      logger.info({ component: "jobs", reminders, skippedNoCredits, skippedTooLong }, "reminders queued");
    }
  },
});

export const reminderJobs = [remindersSweep];
