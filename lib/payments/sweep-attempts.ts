import { subMinutes } from "date-fns";
import type { Db } from "../server/db";
import { settlingKinds } from "./settle-connector-attempts";

/**
 * How long an attempt may wait for its answer to be recorded (minutes): far past any acquirer's
 * timeout, so only an attempt whose process died between the call and the record is left.
 */
export const ATTEMPT_ANSWER_MINUTES = 15;

export const ATTEMPT_SWEEP_BATCH = 1_000;

// One statement per batch: stale PENDING attempts (skipping one whose answer is being recorded: the
// record holds its row lock) become ABANDONED. The status is re-checked by the UPDATE itself.
// An attempt on the hosted page of a processor whose connector can settle it (settleAttempt: Stripe,
// $4) is left to settle-connector-attempts.ts: its page may still take the payment.
const ABANDON_SQL = `
WITH stale AS (
  SELECT a.id FROM "PaymentAttempt" a
  WHERE a.status = 'PENDING' AND a."createdAt" < $1
    -- On a processor's hosted page (issue 20) the buyer types the card there: 15 minutes more.
    AND (a."connectorId" IS NULL OR a."createdAt" < $1 - interval '15 minutes')
    AND NOT EXISTS (SELECT 1 FROM "ShopConnector" c WHERE c.id = a."connectorId" AND c.kind::text = ANY($4::text[]))
  ORDER BY a."createdAt" LIMIT $2 FOR UPDATE OF a SKIP LOCKED
)
UPDATE "PaymentAttempt" a SET status = 'ABANDONED', "settledAt" = $3 FROM stale
WHERE a.id = stale.id AND a.status = 'PENDING'
RETURNING a.id`;

/**
 * The attempts sweep (`payments.attempts-sweep`, every minute): an attempt PENDING for longer than
 * ATTEMPT_ANSWER_MINUTES had its process die between the acquirer's call and the record of its
 * answer. The sandbox answers in-process, so such an attempt charged nothing: it is abandoned,
 * which makes its order payable again (an instalment is then due again at the next charge sweep).
 * A late answer finds it settled and changes nothing.
 *
 * Hook for a processor over the network: before abandoning, its connector asks the processor what
 * became of the attempt (the attempt's id is the idempotency key it sent) and, when it was
 * answered, records that answer with recordAttempt / recordInstalmentAnswer as if it had come back
 * in time; only an attempt the processor never saw is abandoned.
 */
export async function sweepPaymentAttempts(db: Db, now = new Date(), batch = ATTEMPT_SWEEP_BATCH): Promise<number> {
  const before = subMinutes(now, ATTEMPT_ANSWER_MINUTES);
  let total = 0;
  for (;;) {
    const rows = await db.$queryRawUnsafe<{ id: string }[]>(ABANDON_SQL, before, batch, now, settlingKinds());
    total += rows.length;
    if (rows.length < batch) return total;
  }
}
