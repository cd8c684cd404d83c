// The import's writes, set-based: one statement finds the references already taken, one
// statement per chunk inserts the orders and their audit events.
import { auditActorValues, insertAuditSql } from "../audit/audit-sql";
import type { Actor } from "../auth/actor";
import { isPageLanguage, localeOf } from "../i18n/locales";
import type { ShopDefaults } from "../orders/order-rules";
import type { Db } from "../server/db";
import type { Mode } from "../server/generated/prisma/enums";
import { randomHex32, randomToken } from "../server/secrets";
import type { ValidImportRow } from "./validate-import-rows";

// Taken: an invoice order of the shop and mode, paid, or open and still within its validity
// (an open one past it expires before the insert). Expired and cancelled ones free the reference.
const TAKEN_SQL = `SELECT o.reference FROM unnest($3::text[]) AS r(reference)
  JOIN "PaymentOrder" o ON o."shopId" = $1 AND o.mode = $2::"Mode" AND o.channel = 'INVOICE' AND o.reference = r.reference
  WHERE o.status = 'PAID' OR (o.status IN ('RUNNING', 'REFUSED') AND o."validUntil" >= $4)`;

/** References among `references` that already name an invoice order which a new row must not repeat. */
export async function findTakenReferences(
  db: Db,
  input: { shopId: string; mode: Mode; references: string[]; now: Date },
): Promise<Set<string>> {
  if (!input.references.length) return new Set();
  const r = await db.sql<{ reference: string }>(TAKEN_SQL, [input.shopId, input.mode, input.references, input.now]);
  return new Set(r.rows.map((x) => x.reference));
}

// Columns that vary per row travel as arrays (unnest); the rest are the shop's defaults, once.
// A reference taken meanwhile by a concurrent creation is skipped (ON CONFLICT on the partial
// open-reference index), never an error; the statement returns the references it inserted.
const INSERT_SQL = `WITH o AS (
  INSERT INTO "PaymentOrder" (id, token, "shopId", mode, channel, status, "deliveryStatus", reference, amount, currency,
    locale, "validUntil", "validationMode", "captureDelay", "dataCollectionForm", "aliasMode", "threeDsPreference",
    "buyerEmail", description, "createdVia", "sourceUserId", "createdAt")
  SELECT x.id, x.token, $1, $2::"Mode", 'INVOICE', 'RUNNING', 'MANUAL', x.reference, x.amount, x.currency,
    $3, x.valid_until, $4::"ValidationMode", $5::int, true, 'NONE', 'NO_PREFERENCE',
    x.buyer_email, x.description, 'IMPORT', $6::uuid, $7::timestamptz
  FROM unnest($8::text[], $9::text[], $10::text[], $11::bigint[], $12::text[], $13::timestamptz[], $14::text[], $15::text[])
    AS x(id, token, reference, amount, currency, valid_until, buyer_email, description)
  ON CONFLICT ("shopId", mode, reference) WHERE channel = 'INVOICE' AND status IN ('RUNNING', 'REFUSED') DO NOTHING
  RETURNING id, reference, amount, currency
), audit AS (
${insertAuditSql({
  actor: { param: 16 },
  action: "'order.create'",
  shopId: "$1",
  orderId: "o.id",
  after:
    "jsonb_build_object('status', 'RUNNING', 'channel', 'INVOICE', 'amount', o.amount, 'currency', o.currency, 'reference', o.reference)",
  at: "$7::timestamptz",
  from: "o",
})}
)
SELECT reference FROM o`;

export const INSERT_CHUNK = 10_000;

/**
 * Inserts the rows as RUNNING invoice orders (created via IMPORT, the shop's defaults, a fresh id
 * and link token each, like createOrder's), each with its "order.create" audit event, on the
 * caller's transaction. Returns the references actually inserted.
 */
export async function insertInvoiceRows(
  db: Db,
  input: { actor: Actor; shopId: string; mode: Mode; shop: ShopDefaults; rows: ValidImportRow[]; now: Date },
): Promise<Set<string>> {
  const { actor, shop } = input;
  const locale = localeOf(isPageLanguage(shop.defaultLanguage) ? shop.defaultLanguage : "fr");
  const inserted = new Set<string>();
  for (let i = 0; i < input.rows.length; i += INSERT_CHUNK) {
    const chunk = input.rows.slice(i, i + INSERT_CHUNK);
    const r = await db.sql<{ reference: string }>(INSERT_SQL, [
      input.shopId,
      input.mode,
      locale,
      shop.defaultValidationMode,
      shop.defaultCaptureDelay,
      actor.type === "USER" ? actor.userId : null,
      input.now,
      chunk.map(() => randomHex32()),
      chunk.map(() => randomToken()),
      chunk.map((r) => r.reference),
      chunk.map((r) => String(r.amountMinor)),
      chunk.map((r) => r.currency),
      chunk.map((r) => r.validUntil.toISOString()),
      chunk.map((r) => r.buyerEmail),
      chunk.map((r) => r.description),
      ...auditActorValues(actor),
    ]);
    for (const x of r.rows) inserted.add(x.reference);
  }
  return inserted;
}
