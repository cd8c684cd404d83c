import { z } from "zod";
import type { JobQueue } from "../server/jobs/define";

// What the payments' producers enqueue; the worker's side is jobs.ts.

// A processor's answer we refused to apply (amount or currency not the attempt's, a payment on an
// order closed meanwhile): the merchant's alert e-mail, retried if the mail server is down.
export const processorAlertQueue: JobQueue<{ transactionId: string }> = {
  name: "payments.processor-alert",
  payload: z.object({ transactionId: z.string() }),
  queue: { retryLimit: 10, retryDelay: 60, retryBackoff: true },
};
