import { z } from "zod";
import type { JobQueue } from "../server/jobs/define";

// What the notifications' producers enqueue (name, payload, retry policy); the worker's side is
// jobs.ts, which imports the delivery code, which imports these.

const webhookPayload = z.object({ deliveryId: z.string(), replay: z.boolean().optional(), requestId: z.string().optional() });
export type WebhookJob = z.infer<typeof webhookPayload>;

// One job per notification attempt. Failed HTTP deliveries are retried by the handler on
// WEBHOOK_RETRY_SCHEDULE; pg-boss' own retries only cover a worker that died mid-job.
export const webhookQueue: JobQueue<WebhookJob> = {
  name: "notifications.webhook",
  payload: webhookPayload,
  queue: { retryLimit: 5, retryDelay: 5 },
};

// A delivery failed for good: the alert e-mail, retried if the mail server is down.
export const webhookAlertQueue: JobQueue<{ deliveryId: string }> = {
  name: "notifications.webhook-alert",
  payload: z.object({ deliveryId: z.string() }),
  queue: { retryLimit: 10, retryDelay: 60, retryBackoff: true },
};
