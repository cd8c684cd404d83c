import { ORDER_TRANSITIONS } from "../orders/order-status";
import type { Mode } from "../server/generated/prisma/enums";
import type { SqlClient } from "../server/sql";

const OPEN = ORDER_TRANSITIONS.expire.from.map((s) => `'${s}'`).join(", ");

// The expiry sweep's statement (lib/orders/expire-orders.ts), narrowed to some references of one
// shop and mode: the `expire` transition (from the table's statuses) with its audit events.
const EXPIRE_SQL = `
WITH due AS (
  SELECT id, status FROM "PaymentOrder"
  WHERE "shopId" = $1 AND mode = $2::"Mode" AND channel = 'INVOICE' AND reference = ANY($3::text[])
    AND status IN (${OPEN}) AND "validUntil" < $4
  FOR UPDATE
), expired AS (
  UPDATE "PaymentOrder" o SET status = 'EXPIRED' FROM due WHERE o.id = due.id
  RETURNING o.id, o."shopId", due.status::text AS before
)
INSERT INTO "AuditEvent" (id, "shopId", "orderId", "actorType", action, before, after, "createdAt")
SELECT gen_random_uuid(), "shopId", id, 'SYSTEM', 'order.expire', jsonb_build_object('status', before), '{"status":"EXPIRED"}'::jsonb, now()
FROM expired`;

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
