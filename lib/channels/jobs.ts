import { z } from "zod";
import { defineJob, type QueueOptions } from "../server/jobs/define";
import { logger } from "../server/logger";

// The channels' background work: one job per message to send (e-mail, SMS, WhatsApp), the
// re-queue of what a dead worker left, and the low SMS credit alert. Handlers are loaded when
// first run (they import the producers, which import these declarations).

/** How long a worker may hold a delivery job: past it (worker killed), pg-boss hands it out again. */
export const deliveryJobExpireSeconds = () => Number(process.env.DELIVERY_JOB_EXPIRE_SECONDS ?? 120);
const withDeliveryExpiry = (options: QueueOptions) => () => ({ ...options, expireInSeconds: deliveryJobExpireSeconds() });

/** A message to send; `requestId`: the HTTP request that queued it (its log lines name it). */
const messagePayload = z.object({ messageId: z.string(), requestId: z.string().optional() });
export type DeliverMessageJob = z.infer<typeof messagePayload>;

const batch = (size: string | undefined, fallback: number) => () => ({
  batchSize: Number(size ?? fallback),
  localConcurrency: 2,
  // A full batch means a backlog (a fan-out): fetch the next one at once, no polling pause.
  burstWhenBatchFull: true,
  pollingIntervalSeconds: Number(process.env.JOBS_POLL_SECONDS ?? 1),
});

// One job per message. Send failures are retried by the handler on its own schedule
// (MAIL_RETRY_SCHEDULE…); pg-boss' retries only cover a worker that died mid-job.
export const emailJob = defineJob({
  name: "channels.email",
  payload: messagePayload,
  queue: withDeliveryExpiry({ retryLimit: 20, retryDelay: 5 }),
  work: () => batch(process.env.MAIL_BATCH_SIZE, 100)(),
  handle: async (db, jobs) =>
    (await import("./deliver-emails")).deliverEmails(
      db,
      jobs.map((j) => j.data.messageId),
    ),
});

// SMS and WhatsApp: the same, on SMS_RETRY_SCHEDULE / WHATSAPP_RETRY_SCHEDULE, each message posted
// to its provider's HTTP API.
export const smsJob = defineJob({
  name: "channels.sms",
  payload: messagePayload,
  queue: withDeliveryExpiry({ retryLimit: 20, retryDelay: 5 }),
  work: () => batch(process.env.PHONE_BATCH_SIZE, 50)(),
  handle: async (db, jobs) =>
    (await import("./deliver-sms")).deliverSms(
      db,
      jobs.map((j) => j.data.messageId),
    ),
});

export const whatsappJob = defineJob({
  name: "channels.whatsapp",
  payload: messagePayload,
  queue: withDeliveryExpiry({ retryLimit: 20, retryDelay: 5 }),
  work: () => batch(process.env.PHONE_BATCH_SIZE, 50)(),
  handle: async (db, jobs) =>
    (await import("./deliver-whatsapp")).deliverWhatsApp(
      db,
      jobs.map((j) => j.data.messageId),
    ),
});

export const jobOfChannel = (channel: "MAIL" | "SMS" | "WHATSAPP") =>
  channel === "MAIL" ? emailJob : channel === "SMS" ? smsJob : whatsappJob;

export const recoverMessagesSweep = defineJob({
  name: "channels.recover-sweep",
  payload: z.object({}),
  queue: withDeliveryExpiry({ policy: "singleton", retryLimit: 0 }),
  schedule: "* * * * *",
  handle: async (db) => {
    const n = await (await import("./recover-messages")).recoverMessages(db);
    if (n) logger.info({ component: "jobs", requeued: n }, "messages left by a stopped worker re-queued");
  },
});

// A company's SMS credits fell below its threshold: one job per crossing sends the alert e-mail;
// pg-boss retries it if the mail server is down.
export const lowSmsCreditAlert = defineJob({
  name: "channels.sms-low-credit-alert",
  payload: z.object({ companyId: z.string() }),
  queue: withDeliveryExpiry({ retryLimit: 10, retryDelay: 60, retryBackoff: true }),
  handle: async (db, [job]) => {
    if (job) await (await import("./send-low-credit-alert")).sendLowCreditAlert(db, job.data);
  },
});

// Credits are debited when orders are created: a sweep catches crossings with nothing sent yet.
export const lowSmsCreditSweep = defineJob({
  name: "channels.sms-low-credit-sweep",
  payload: z.object({}),
  queue: withDeliveryExpiry({ policy: "singleton", retryLimit: 0 }),
  schedule: "* * * * *",
  handle: async (db) => (await import("./check-low-sms-credits")).checkLowSmsCredits(db),
});

export const channelJobs = [emailJob, smsJob, whatsappJob, recoverMessagesSweep, lowSmsCreditAlert, lowSmsCreditSweep];
