import { defineJob } from "../server/jobs/define";
import { logger } from "../server/logger";
import { checkLowSmsCredits } from "./check-low-sms-credits";
import { deliverEmails } from "./deliver-emails";
import { deliverSms } from "./deliver-sms";
import { deliverWhatsApp } from "./deliver-whatsapp";
import { emailQueue, lowSmsCreditAlertQueue, lowSmsCreditSweepQueue, recoverMessagesQueue, smsQueue, whatsappQueue } from "./queues";
import { recoverMessages } from "./recover-messages";
import { sendLowCreditAlert } from "./send-low-credit-alert";

// The channels' background work, the worker's side: one job per message to send (e-mail, SMS,
// WhatsApp), the re-queue of what a dead worker left, the low SMS credit alert and its sweep.
// Queue names, payloads and retry policies: queues.ts (what producers enqueue).

const batch = (size: string | undefined, fallback: number) => ({
  batchSize: Number(size ?? fallback),
  localConcurrency: 2,
  // A full batch means a backlog (a fan-out): fetch the next one at once, no polling pause.
  burstWhenBatchFull: true,
  pollingIntervalSeconds: Number(process.env.JOBS_POLL_SECONDS ?? 1),
});

export const emailJob = defineJob({
  ...emailQueue,
  work: () => batch(process.env.MAIL_BATCH_SIZE, 100),
  handle: (db, jobs) =>
    deliverEmails(
      db,
      jobs.map((j) => j.data.messageId),
    ),
});

// Each message posted to its provider's HTTP API.
export const smsJob = defineJob({
  ...smsQueue,
  work: () => batch(process.env.PHONE_BATCH_SIZE, 50),
  handle: (db, jobs) =>
    deliverSms(
      db,
      jobs.map((j) => j.data.messageId),
    ),
});

export const whatsappJob = defineJob({
  ...whatsappQueue,
  work: () => batch(process.env.PHONE_BATCH_SIZE, 50),
  handle: (db, jobs) =>
    deliverWhatsApp(
      db,
      jobs.map((j) => j.data.messageId),
    ),
});

export const recoverMessagesSweep = defineJob({
  ...recoverMessagesQueue,
  schedule: "* * * * *",
  handle: async (db) => {
    const n = await recoverMessages(db);
    if (n) logger.info({ component: "jobs", requeued: n }, "messages left by a stopped worker re-queued");
  },
});

export const lowSmsCreditAlert = defineJob({
  ...lowSmsCreditAlertQueue,
  handle: async (db, [job]) => {
    if (job) await sendLowCreditAlert(db, job.data);
  },
});

// Credits are debited when orders are created: a sweep catches crossings with nothing sent yet.
export const lowSmsCreditSweep = defineJob({
  ...lowSmsCreditSweepQueue,
  schedule: "* * * * *",
  handle: (db) => checkLowSmsCredits(db),
});

export const channelJobs = [emailJob, smsJob, whatsappJob, recoverMessagesSweep, lowSmsCreditAlert, lowSmsCreditSweep];
