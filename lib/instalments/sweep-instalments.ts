import type { Acquirer } from "../payments/acquirer";
import type { Db } from "../server/db";
import { type ChargeOutcome, chargeInstalment } from "./charge-instalment";

/**
 * The scheduled charge of later instalments (`instalments.charge-sweep`, every 5 minutes): the
 * PENDING ones whose next attempt has passed, oldest first, in batches, each charged in its own
 * transaction (`chargeInstalment` locks it, so two sweeps never charge one twice). A batch is read
 * after a keyset cursor: what this run skipped (locked elsewhere) is the next run's.
 */
export async function sweepInstalments(db: Db, input: { now?: Date; acquirer?: Acquirer; batchSize?: number } = {}) {
  const now = input.now ?? new Date();
  const batchSize = input.batchSize ?? 100;
  const counts: Record<ChargeOutcome, number> = { ACCEPTED: 0, RETRY: 0, FAILED: 0, SKIPPED: 0 };
  let after: { at: Date; id: string } | null = null;
  for (;;) {
    const cursor: { at: Date; id: string } | null = after;
    const due: { id: string; nextAttemptAt: Date }[] = cursor
      ? await db.$queryRaw`
          SELECT id::text, "nextAttemptAt" FROM "InstalmentCharge"
          WHERE status = 'PENDING' AND "nextAttemptAt" <= ${now} AND ("nextAttemptAt", id) > (${cursor.at}, ${cursor.id}::uuid)
          ORDER BY "nextAttemptAt", id LIMIT ${batchSize}`
      : await db.$queryRaw`
          SELECT id::text, "nextAttemptAt" FROM "InstalmentCharge"
          WHERE status = 'PENDING' AND "nextAttemptAt" <= ${now}
          ORDER BY "nextAttemptAt", id LIMIT ${batchSize}`;
    for (const row of due) counts[await chargeInstalment(db, { chargeId: row.id, now, acquirer: input.acquirer })]++;
    const last = due.at(-1);
    if (!last || due.length < batchSize) break;
    after = { at: last.nextAttemptAt, id: last.id };
  }
  return counts;
}
