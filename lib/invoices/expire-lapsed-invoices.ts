import { ORDER_TRANSITIONS } from "../orders/order-status";
import { transitionOrdersSql } from "../orders/transition-orders-sql";
import { NO_PENDING_ATTEMPT } from "../payments/pending-attempt";
import type { Db } from "../server/db";
import type { Mode } from "../server/generated/prisma/enums";
import { sqlLiterals } from "../server/sql-literals";

// The expiry sweep's statements (lib/orders/expire-orders.ts), narrowed to some references of one
// shop and mode: the open invoice orders past their validity locked, then, in a statement whose
// snapshot follows the locks, the `expire` transition (from the table's statuses) with its audit
// events for those with no payment attempt waiting for the acquirer's answer.
const LOCK_SQL = `
SELECT id FROM "PaymentOrder"
WHERE "shopId" = $1 AND mode = $2::"Mode" AND channel = 'INVOICE' AND reference = ANY($3::text[])
  AND status IN (${sqlLiterals(ORDER_TRANSITIONS.expire.from)}) AND "validUntil" < $4
FOR UPDATE`;

const EXPIRE_SQL = transitionOrdersSql("expire", {
  where: `id = ANY($1::char(32)[]) AND ${NO_PENDING_ATTEMPT('"PaymentOrder".id')}`,
  tail: "",
});

/**
 * Expires now the open invoice orders among `references` whose validity has passed, instead of
 * waiting for the sweep: a reference freed by time can be used again at once (the open-reference
 * unique index would refuse it otherwise). Run on the creating transaction. Returns how many.
 */
export async function expireLapsedInvoices(
  db: Db,
  input: { shopId: string; mode: Mode; references: string[]; now?: Date },
): Promise<number> {
  if (!input.references.length) return 0;
  const due = await db.sql<{ id: string }>(LOCK_SQL, [input.shopId, input.mode, input.references, input.now ?? new Date()]);
  if (!due.rows.length) return 0;
  const r = await db.sql(EXPIRE_SQL, [due.rows.map((row) => row.id)]);
  return r.rowCount ?? 0;
}
