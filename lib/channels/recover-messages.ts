import type { Db } from "../server/db";
import { claimLease, isStaleClaimSql } from "./message-delivery";
import { queueOfChannel } from "./queues";

/**
 * Messages of any channel that a dead worker left in SENDING (claimed longer ago than a job may
 * live) get a new job on their channel's queue. Runs every minute and when a worker starts.
 * Claims are atomic, so if pg-boss also hands the old job out again, only one of the two sends.
 * A retried e-mail keeps its Message-ID.
 */
export async function recoverMessages(db: Db, limit = 5000): Promise<number> {
  return db.$transaction(async (tx) => {
    const { rows } = await tx.sql<{ id: string; channel: "MAIL" | "SMS" | "WHATSAPP" }>(
      `SELECT id, channel FROM "Message" m WHERE channel IN ('MAIL', 'SMS', 'WHATSAPP') AND ${isStaleClaimSql("m", "$1")}
       ORDER BY "claimedAt" LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [claimLease(), limit],
    );
    if (!rows.length) return 0;
    for (const channel of ["MAIL", "SMS", "WHATSAPP"] as const) {
      const jobs = rows.filter((r) => r.channel === channel).map((r) => ({ messageId: r.id }));
      if (jobs.length) await tx.enqueue(queueOfChannel(channel), jobs);
    }
    return rows.length;
  });
}
