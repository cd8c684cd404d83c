import { deliverEmails } from "../../channels/deliver-emails";
import { recoverMessages } from "../../channels/recover-messages";
import { expireOrders } from "../../orders/expire-orders";
import { getDb } from "../db";
import { getBoss } from "./boss";
import { type DeliverMessageJob, QUEUES } from "./queues";

/** Registers every job handler and schedule on this process. Idempotent per process. */
export async function startWorker() {
  const g = globalThis as unknown as { workerStarted?: boolean };
  if (g.workerStarted) return;
  g.workerStarted = true;
  const boss = await getBoss();
  const db = getDb();

  await boss.work(QUEUES.expireOrdersSweep.name, async () => {
    const n = await expireOrders(db);
    if (n) console.log(`[jobs] expired ${n} orders`);
  });
  // Every minute; the buyer page and lists already treat a passed validity as expired.
  await boss.schedule(QUEUES.expireOrdersSweep.name, "* * * * *");

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
    async (jobs) => {
      try {
        await deliverEmails(jobs.map((j) => j.data.messageId));
      } catch (e) {
        console.error("[jobs] channels.email batch failed (pg-boss will retry it)", e);
        throw e;
      }
    },
  );
  await boss.work(QUEUES.recoverMessagesSweep.name, async () => {
    const n = await recoverMessages();
    if (n) console.log(`[jobs] re-queued ${n} messages left by a stopped worker`);
  });
  await boss.schedule(QUEUES.recoverMessagesSweep.name, "* * * * *");
  await recoverMessages().catch((e) => console.error("[jobs] recovery at start failed", e));
  console.log("[jobs] worker started");
}
