import { z } from "zod";
import { defineJob } from "../server/jobs/define";
import { logger } from "../server/logger";
import { processorAlertQueue } from "./queues";

const log = logger.child({ component: "jobs" });

// Captures due transactions and expires unvalidated manual ones (sweep-transactions.ts). Every
// minute: a capture date is a day, so a transaction is captured within a minute of it.
export const captureTransactionsSweep = defineJob({
  name: "payments.capture-sweep",
  payload: z.object({}),
  queue: { policy: "singleton", retryLimit: 0 },
  schedule: "* * * * *",
  handle: async (db) => {
    const { captured, expired } = await (await import("./sweep-transactions")).sweepTransactions(db);
    if (captured || expired) log.info({ captured, expired }, "transactions captured / unvalidated ones expired");
  },
});

// Payment attempts left PENDING by a process that died between the acquirer's call and the record
// of its answer (sweep-attempts.ts): abandoned, so their orders are payable again within a minute
// of ATTEMPT_ANSWER_MINUTES.
export const paymentAttemptsSweep = defineJob({
  name: "payments.attempts-sweep",
  payload: z.object({}),
  queue: { policy: "singleton", retryLimit: 0 },
  schedule: "* * * * *",
  handle: async (db) => {
    const abandoned = await (await import("./sweep-attempts")).sweepPaymentAttempts(db);
    if (abandoned) log.warn({ abandoned }, "payment attempts left without an answer abandoned");
    // stripe20: attempts on a processor's page whose notification never came, settled by asking it.
    const { settled } = await (await import("./settle-connector-attempts")).settleConnectorAttempts(db);
    if (settled) log.warn({ settled }, "processor attempts without a notification settled");
  },
});

// A processor's answer refused by us (record-processor-outcome.ts): the merchant's alert e-mail.
export const processorAlert = defineJob({
  ...processorAlertQueue,
  handle: async (db, [job]) => {
    if (job) await (await import("./send-processor-alert")).sendProcessorAlert(db, job.data);
  },
});

export const paymentJobs = [captureTransactionsSweep, paymentAttemptsSweep, processorAlert];
