import { z } from "zod";
import { defineJob } from "../server/jobs/define";

const webhookPayload = z.object({ deliveryId: z.string(), replay: z.boolean().optional(), requestId: z.string().optional() });
export type WebhookJob = z.infer<typeof webhookPayload>;

// One job per notification attempt. Failed HTTP deliveries are retried by the handler on
// WEBHOOK_RETRY_SCHEDULE; pg-boss' own retries only cover a worker that died mid-job. A merchant
// waits for them, so the queue is polled twice a second; a full batch fetches the next one at once.
export const webhookJob = defineJob({
  name: "notifications.webhook",
  payload: webhookPayload,
  queue: { retryLimit: 5, retryDelay: 5 },
  work: () => ({
    batchSize: Number(process.env.WEBHOOK_BATCH_SIZE ?? 100),
    localConcurrency: 2,
    burstWhenBatchFull: true,
    pollingIntervalSeconds: Number(process.env.WEBHOOK_POLL_SECONDS ?? 0.5),
  }),
  handle: async (db, jobs) =>
    (await import("./deliver-webhooks")).deliverWebhooks(
      db,
      jobs.map((j) => j.data),
    ),
});

// A delivery failed for good: the alert e-mail, retried if the mail server is down.
export const webhookAlertJob = defineJob({
  name: "notifications.webhook-alert",
  payload: z.object({ deliveryId: z.string() }),
  queue: { retryLimit: 10, retryDelay: 60, retryBackoff: true },
  handle: async (db, [job]) => {
    if (job) await (await import("./send-alert")).sendWebhookAlert(db, job.data);
  },
});

export const notificationJobs = [webhookJob, webhookAlertJob];
