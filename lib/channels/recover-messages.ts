import { getBoss } from "../server/jobs/boss";
import { deliveryJobExpireSeconds, QUEUES } from "../server/jobs/queues";
import { bossDb, withSqlTransaction } from "../server/sql";

/**
 * Messages a dead worker left in SENDING (claimed longer ago than a job may live) get a new job.
 * Runs every minute and when a worker starts. Claims are atomic, so if pg-boss also hands the old
 * job out again, only one of the two sends. The retried message keeps its Message-ID.
 */
export async function recoverMessages(limit = 5000): Promise<number> {
  const lease = Math.max(1, deliveryJobExpireSeconds() - 5);
  const boss = await getBoss();
  return withSqlTransaction(async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `SELECT id FROM "Message" WHERE channel = 'MAIL' AND status = 'SENDING' AND "claimedAt" < now() - make_interval(secs => $1)
       ORDER BY "claimedAt" LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [lease, limit],
    );
    if (!rows.length) return 0;
    await boss.insert(
      QUEUES.email.name,
      rows.map((r) => ({ data: { messageId: r.id } })),
      { db: bossDb(client) },
    );
    return rows.length;
  });
}
