import { transitionOrdersSql } from "../orders/transition-orders-sql";
import type { Mode } from "../server/generated/prisma/enums";
import type { SqlClient } from "../server/sql";

// The expiry sweep's statement (lib/orders/expire-orders.ts), narrowed to some references of one
// shop and mode: the `expire` transition (from the table's statuses) with its audit events.
const EXPIRE_SQL = transitionOrdersSql("expire", {
  where: `"shopId" = $1 AND mode = $2::"Mode" AND channel = 'INVOICE' AND reference = ANY($3::text[]) AND "validUntil" < $4`,
  tail: "FOR UPDATE",
});

/**
 * Expires now the open invoice orders among `references` whose validity has passed, instead of
 * waiting for the sweep: a reference freed by time can be used again at once (the open-reference
 * unique index would refuse it otherwise). Run on the creating transaction. Returns how many.
 */
export async function expireLapsedInvoices(
  client: SqlClient,
  input: { shopId: string; mode: Mode; references: string[]; now?: Date },
): Promise<number> {
  if (!input.references.length) return 0;
  const r = await client.query(EXPIRE_SQL, [input.shopId, input.mode, input.references, input.now ?? new Date()]);
  return r.rowCount ?? 0;
}
