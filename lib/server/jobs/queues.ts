import type { Queue } from "pg-boss";

// Every background queue, its retry policy, in one place. Payloads carry ids only; handlers
// re-read state and are idempotent.

/** How long a worker may hold a delivery job: past it (worker killed), pg-boss hands it out again. */
export const deliveryJobExpireSeconds = () => Number(process.env.DELIVERY_JOB_EXPIRE_SECONDS ?? 120);

export const QUEUES = {
  expireOrdersSweep: {
    name: "orders.expire-sweep",
    options: { policy: "singleton", retryLimit: 0 } satisfies Omit<Queue, "name">,
  },
  // Captures due transactions and expires unvalidated manual ones (sweep-transactions.ts).
  captureTransactionsSweep: {
    name: "payments.capture-sweep",
    options: { policy: "singleton", retryLimit: 0 } satisfies Omit<Queue, "name">,
  },
  // Payment attempts left PENDING by a process that died between the acquirer's call and the
  // record of its answer (sweep-attempts.ts): abandoned, so their orders are payable again.
  paymentAttemptsSweep: {
    name: "payments.attempts-sweep",
    options: { policy: "singleton", retryLimit: 0 } satisfies Omit<Queue, "name">,
  },
  // Reminders before expiry (sweep-reminders.ts): one sweep at a time; a missed tick is the next one's.
  remindersSweep: {
    name: "reminders.sweep",
    options: { policy: "singleton", retryLimit: 0 } satisfies Omit<Queue, "name">,
  },
  // Retention (lib/retention/sweep-retention.ts), daily: one run at a time cluster-wide; a failed or
  // interrupted run is the next day's to finish (it only does what is left).
  retentionSweep: {
    name: "maintenance.retention-sweep",
    options: { policy: "singleton", retryLimit: 0, expireInSeconds: 6 * 3600 } satisfies Omit<Queue, "name">,
  },
  recoverMessagesSweep: {
    name: "channels.recover-sweep",
    options: { policy: "singleton", retryLimit: 0 } satisfies Omit<Queue, "name">,
  },
  // One job per message ({ messageId }). Send failures are retried by the handler on its own
  // schedule (MAIL_RETRY_SCHEDULE); pg-boss' retries only cover a worker that died mid-job.
  email: {
    name: "channels.email",
    options: { retryLimit: 20, retryDelay: 5 } satisfies Omit<Queue, "name">,
  },
  // SMS and WhatsApp: the same, on SMS_RETRY_SCHEDULE / WHATSAPP_RETRY_SCHEDULE.
  sms: {
    name: "channels.sms",
    options: { retryLimit: 20, retryDelay: 5 } satisfies Omit<Queue, "name">,
  },
  whatsapp: {
    name: "channels.whatsapp",
    options: { retryLimit: 20, retryDelay: 5 } satisfies Omit<Queue, "name">,
  },
  // A company's SMS credits fell below its threshold: one job ({ companyId }) per crossing sends
  // the alert e-mail; pg-boss retries it if the mail server is down.
  lowSmsCreditAlert: {
    name: "channels.sms-low-credit-alert",
    options: { retryLimit: 10, retryDelay: 60, retryBackoff: true } satisfies Omit<Queue, "name">,
  },
  lowSmsCreditSweep: {
    name: "channels.sms-low-credit-sweep",
    options: { policy: "singleton", retryLimit: 0 } satisfies Omit<Queue, "name">,
  },
  // One job per notification attempt ({ deliveryId }). Failed HTTP deliveries are retried by the
  // handler on WEBHOOK_RETRY_SCHEDULE; pg-boss' own retries only cover a worker that died mid-job.
  webhook: {
    name: "notifications.webhook",
    options: { retryLimit: 5, retryDelay: 5 } satisfies Omit<Queue, "name">,
  },
  // A delivery failed for good: the alert e-mail ({ deliveryId }), retried if the mail server is down.
  webhookAlert: {
    name: "notifications.webhook-alert",
    options: { retryLimit: 10, retryDelay: 60, retryBackoff: true } satisfies Omit<Queue, "name">,
  },
  // Instalments (issue 12): the sweep charges due ones (one at a time cluster-wide); a failed one's
  // alert e-mail to the merchant ({ chargeId }), retried if the mail server is down.
  instalmentsSweep: {
    name: "instalments.charge-sweep",
    options: { policy: "singleton", retryLimit: 0 } satisfies Omit<Queue, "name">,
  },
  instalmentFailedAlert: {
    name: "instalments.failed-alert",
    options: { retryLimit: 10, retryDelay: 60, retryBackoff: true } satisfies Omit<Queue, "name">,
  },
} as const;

/** A message to send; `requestId`: the HTTP request that queued it (its log lines name it). */
export type DeliverMessageJob = { messageId: string; requestId?: string };

export const queueOfChannel = (channel: "MAIL" | "SMS" | "WHATSAPP") =>
  channel === "MAIL" ? QUEUES.email.name : channel === "SMS" ? QUEUES.sms.name : QUEUES.whatsapp.name;
