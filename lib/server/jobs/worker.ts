import { expireOrders } from "../../orders/expire-orders";
import { getDb } from "../db";
import { getBoss } from "./boss";
import { QUEUES } from "./queues";

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
  console.log("[jobs] worker started");
}
