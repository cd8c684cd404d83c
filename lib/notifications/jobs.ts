import { defineJob } from "../server/jobs/define";
import { deliverWebhooks } from "./deliver-webhooks";
import { webhookAlertQueue, webhookQueue } from "./queues";
import { sendWebhookAlert } from "./send-alert";

// The notifications' background work, the worker's side (queues.ts: what producers enqueue).

// A merchant waits for an IPN, so the queue is polled twice a second; a full batch fetches the
// next one at once.
export const webhookJob = defineJob({
  ...webhookQueue,
  work: () => ({
    batchSize: Number(process.env.WEBHOOK_BATCH_SIZE ?? 100),
    // batches in flight per worker process (the IPN bench's ceiling uses as many)
    localConcurrency: Number(process.env.WEBHOOK_CONCURRENCY ?? 2),
    burstWhenBatchFull: true,
    pollingIntervalSeconds: Number(process.env.WEBHOOK_POLL_SECONDS ?? 0.5),
  }),
  handle: (db, jobs) =>
    deliverWebhooks(
      db,
      jobs.map((j) => j.data),
    ),
});

export const webhookAlertJob = defineJob({
  ...webhookAlertQueue,
  handle: async (db, [job]) => {
    if (job) await sendWebhookAlert(db, job.data);
  },
});

export const notificationJobs = [webhookJob, webhookAlertJob];
