import { fromPrisma } from "pg-boss";
import type { Tx } from "../db";
import { getBoss } from "./boss";

/** Enqueues a job inside the caller's transaction: the job exists iff the transaction commits. */
export async function enqueueInTx(tx: Tx, queue: string, data: object, options: { singletonKey?: string; startAfter?: Date } = {}) {
  const boss = await getBoss();
  // biome-ignore lint/suspicious/noExplicitAny: pg-boss' adapter accepts any Prisma transaction client
  return boss.send(queue, data, { ...options, db: fromPrisma(tx as any) });
}
