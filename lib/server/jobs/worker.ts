import { checkLowSmsCredits } from "../../channels/check-low-sms-credits";
import { deliverEmails } from "../../channels/deliver-emails";
import { type DeliveryCounts, deliverSms } from "../../channels/deliver-sms";
import { deliverWhatsApp } from "../../channels/deliver-whatsapp";
import { recoverMessages } from "../../channels/recover-messages";
import { sendLowCreditAlert } from "../../channels/send-low-credit-alert";
import { sendInstalmentFailedAlert } from "../../instalments/send-instalment-alert";
import { sweepInstalments } from "../../instalments/sweep-instalments";
import { deliverWebhooks } from "../../notifications/deliver-webhooks";
import type { WebhookJob } from "../../notifications/queue-notifications";
import { sendWebhookAlert } from "../../notifications/send-alert";
import { expireOrders } from "../../orders/expire-orders";
import { sweepPaymentAttempts } from "../../payments/sweep-attempts";
import { sweepTransactions } from "../../payments/sweep-transactions";
import { sweepReminders } from "../../reminders/sweep-reminders";
import { retentionConfig } from "../../retention/retention-config";
import { sweepRetention } from "../../retention/sweep-retention";
import { getDb } from "../db";
import { logger } from "../logger";
import { shutdownSignal } from "../shutdown";
import { getBoss } from "./boss";
import { instrumented } from "./instrument";
import { type DeliverMessageJob, QUEUES } from "./queues";

/** Registers every job handler and schedule on this process. Idempotent per process. */
export async function startWorker() {
  const g = globalThis as unknown as { workerStarted?: boolean };
  if (g.workerStarted) return;
  g.workerStarted = true;
  const boss = await getBoss();
  const db = getDb();

  const log = logger.child({ component: "jobs" });

  await boss.work(
    QUEUES.expireOrdersSweep.name,
    instrumented(QUEUES.expireOrdersSweep.name, async () => {
      const n = await expireOrders(db);
      if (n) log.info({ expired: n }, "orders expired");
    }),
  );
  // Every minute; the buyer page and lists already treat a passed validity as expired.
  await boss.schedule(QUEUES.expireOrdersSweep.name, "* * * * *");

  await boss.work(
    QUEUES.captureTransactionsSweep.name,
    instrumented(QUEUES.captureTransactionsSweep.name, async () => {
      const { captured, expired } = await sweepTransactions(db);
      if (captured || expired) log.info({ captured, expired }, "transactions captured / unvalidated ones expired");
    }),
  );
  // Every minute: a capture date is a day, so a transaction is captured within a minute of it.
  await boss.schedule(QUEUES.captureTransactionsSweep.name, "* * * * *");

  await boss.work(
    QUEUES.paymentAttemptsSweep.name,
    instrumented(QUEUES.paymentAttemptsSweep.name, async () => {
      const abandoned = await sweepPaymentAttempts(db);
      if (abandoned) log.warn({ abandoned }, "payment attempts left without an answer abandoned");
    }),
  );
  // Every minute: an order whose attempt died with its process is payable again within a minute of
  // ATTEMPT_ANSWER_MINUTES.
  await boss.schedule(QUEUES.paymentAttemptsSweep.name, "* * * * *");

  await boss.work(
    QUEUES.remindersSweep.name,
    instrumented(QUEUES.remindersSweep.name, async () => {
      const r = await sweepReminders(db);
      if (r.reminders || r.skippedNoCredits || r.skippedTooLong) {
        log.info({ reminders: r.reminders, skippedNoCredits: r.skippedNoCredits, skippedTooLong: r.skippedTooLong }, "reminders queued");
      }
    }),
  );
  // Every 5 minutes: a reminder is a day-scale promise, and quiet hours end on a 5-minute boundary.
  await boss.schedule(QUEUES.remindersSweep.name, "*/5 * * * *");

  // Later instalments (issue 12): every 5 minutes; an instalment is due on a day, retried days later.
  await boss.work(
    QUEUES.instalmentsSweep.name,
    instrumented(QUEUES.instalmentsSweep.name, async () => {
      const r = await sweepInstalments(db);
      if (r.ACCEPTED || r.RETRY || r.FAILED) log.info(r, "instalments charged");
    }),
  );
  await boss.schedule(QUEUES.instalmentsSweep.name, "*/5 * * * *");
  await boss.work<{ chargeId: string }>(
    QUEUES.instalmentFailedAlert.name,
    instrumented<{ chargeId: string }>(QUEUES.instalmentFailedAlert.name, async ([job]) => {
      if (job) await sendInstalmentFailedAlert(db, job.data);
    }),
  );

  // Retention (docs/operations.md): a malformed RETENTION_* stops the worker now, not at 03:17.
  retentionConfig();
  await boss.work(
    QUEUES.retentionSweep.name,
    instrumented(QUEUES.retentionSweep.name, async ([job]) => {
      // Stops after its current batch on SIGTERM (or when pg-boss gives up on it); the next run goes on.
      const signal = job ? AbortSignal.any([job.signal, shutdownSignal()]) : shutdownSignal();
      const r = await sweepRetention(db, { signal });
      log.info(r, "retention sweep");
    }),
  );
  // Daily at 03:17 UTC, off the hour when other schedules fire; singleton across workers.
  await boss.schedule(QUEUES.retentionSweep.name, "17 3 * * *");

  // E-mail: batches of messages per job fetch; two batches in flight per process.
  await boss.work<DeliverMessageJob>(
    QUEUES.email.name,
    {
      batchSize: Number(process.env.MAIL_BATCH_SIZE ?? 100),
      localConcurrency: 2,
      // A full batch means a backlog (a fan-out): fetch the next one at once, no polling pause.
      burstWhenBatchFull: true,
      pollingIntervalSeconds: Number(process.env.JOBS_POLL_SECONDS ?? 1),
    },
    instrumented<DeliverMessageJob>(QUEUES.email.name, (jobs) => deliverEmails(jobs.map((j) => j.data.messageId))),
  );
  // SMS and WhatsApp: batches like e-mail, each message posted to its provider's HTTP API.
  const phoneQueues: [string, (ids: string[]) => Promise<DeliveryCounts>][] = [
    [QUEUES.sms.name, deliverSms],
    [QUEUES.whatsapp.name, deliverWhatsApp],
  ];
  for (const [queue, deliver] of phoneQueues) {
    await boss.work<DeliverMessageJob>(
      queue,
      {
        batchSize: Number(process.env.PHONE_BATCH_SIZE ?? 50),
        localConcurrency: 2,
        burstWhenBatchFull: true,
        pollingIntervalSeconds: Number(process.env.JOBS_POLL_SECONDS ?? 1),
      },
      instrumented<DeliverMessageJob>(queue, (jobs) => deliver(jobs.map((j) => j.data.messageId))),
    );
  }
  // Notifications (IPN): a merchant waits for them, so the queue is polled twice a second; a full
  // batch fetches the next one at once.
  await boss.work<WebhookJob>(
    QUEUES.webhook.name,
    {
      batchSize: Number(process.env.WEBHOOK_BATCH_SIZE ?? 100),
      localConcurrency: 2,
      burstWhenBatchFull: true,
      pollingIntervalSeconds: Number(process.env.WEBHOOK_POLL_SECONDS ?? 0.5),
    },
    instrumented<WebhookJob>(QUEUES.webhook.name, (jobs) => deliverWebhooks(jobs.map((j) => j.data))),
  );
  await boss.work<{ deliveryId: string }>(
    QUEUES.webhookAlert.name,
    instrumented<{ deliveryId: string }>(QUEUES.webhookAlert.name, async ([job]) => {
      if (job) await sendWebhookAlert(db, job.data);
    }),
  );
  await boss.work<{ companyId: string }>(
    QUEUES.lowSmsCreditAlert.name,
    instrumented<{ companyId: string }>(QUEUES.lowSmsCreditAlert.name, async ([job]) => {
      if (job) await sendLowCreditAlert(db, job.data);
    }),
  );
  // Credits are debited when orders are created: a sweep catches crossings with nothing sent yet.
  await boss.work(
    QUEUES.lowSmsCreditSweep.name,
    instrumented(QUEUES.lowSmsCreditSweep.name, () => checkLowSmsCredits()),
  );
  await boss.schedule(QUEUES.lowSmsCreditSweep.name, "* * * * *");

  await boss.work(
    QUEUES.recoverMessagesSweep.name,
    instrumented(QUEUES.recoverMessagesSweep.name, async () => {
      const n = await recoverMessages();
      if (n) log.info({ requeued: n }, "messages left by a stopped worker re-queued");
    }),
  );
  await boss.schedule(QUEUES.recoverMessagesSweep.name, "* * * * *");
  await recoverMessages().catch((err) => log.error({ err }, "recovery at start failed"));
  log.info("worker started");
}
