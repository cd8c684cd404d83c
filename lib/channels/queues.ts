import { z } from "zod";
import type { JobQueue, QueueOptions } from "../server/jobs/define";

// What the channels' producers enqueue: each queue's name, payload and retry policy. The worker's
// side (handlers, fetch options, schedules) is in jobs.ts, which imports the senders, which
// import these: kept apart so that nothing imports in a circle.

/** How long a worker may hold a delivery job: past it (worker killed), pg-boss hands it out again. */
export const deliveryJobExpireSeconds = () => Number(process.env.DELIVERY_JOB_EXPIRE_SECONDS ?? 120);
const withDeliveryExpiry = (options: QueueOptions) => () => ({ ...options, expireInSeconds: deliveryJobExpireSeconds() });

/** A message to send; `requestId`: the HTTP request that queued it (its log lines name it). */
const messagePayload = z.object({ messageId: z.string(), requestId: z.string().optional() });
export type DeliverMessageJob = z.infer<typeof messagePayload>;

// One job per message. Send failures are retried by the handler on its own schedule
// (MAIL_RETRY_SCHEDULE…); pg-boss' retries only cover a worker that died mid-job.
export const emailQueue: JobQueue<DeliverMessageJob> = {
  name: "channels.email",
  payload: messagePayload,
  queue: withDeliveryExpiry({ retryLimit: 20, retryDelay: 5 }),
};

// SMS and WhatsApp: the same, on SMS_RETRY_SCHEDULE / WHATSAPP_RETRY_SCHEDULE.
export const smsQueue: JobQueue<DeliverMessageJob> = {
  name: "channels.sms",
  payload: messagePayload,
  queue: withDeliveryExpiry({ retryLimit: 20, retryDelay: 5 }),
};

export const whatsappQueue: JobQueue<DeliverMessageJob> = {
  name: "channels.whatsapp",
  payload: messagePayload,
  queue: withDeliveryExpiry({ retryLimit: 20, retryDelay: 5 }),
};

export const queueOfChannel = (channel: "MAIL" | "SMS" | "WHATSAPP") =>
  channel === "MAIL" ? emailQueue : channel === "SMS" ? smsQueue : whatsappQueue;

export const recoverMessagesQueue: JobQueue<Record<string, never>> = {
  name: "channels.recover-sweep",
  payload: z.object({}),
  queue: withDeliveryExpiry({ policy: "singleton", retryLimit: 0 }),
};

// A company's SMS credits fell below its threshold: one job per crossing sends the alert e-mail;
// pg-boss retries it if the mail server is down.
export const lowSmsCreditAlertQueue: JobQueue<{ companyId: string }> = {
  name: "channels.sms-low-credit-alert",
  payload: z.object({ companyId: z.string() }),
  queue: withDeliveryExpiry({ retryLimit: 10, retryDelay: 60, retryBackoff: true }),
};

export const lowSmsCreditSweepQueue: JobQueue<Record<string, never>> = {
  name: "channels.sms-low-credit-sweep",
  payload: z.object({}),
  queue: withDeliveryExpiry({ policy: "singleton", retryLimit: 0 }),
};
