// The statements of the retention sweep (sweep-retention.ts). Rules in docs/operations.md.

/**
 * When an order ended, compared with a cutoff ($1): a paid order at its payment; any other one at
 * the later of its validity end and its last change (a cancellation, a reactivation, a new
 * validity), since it could be paid until then. Two branches so the (status, validUntil) index
 * serves the unpaid ones. An order paid in instalments ends with its last one: not while one is
 * pending, nor before the last one settled (paid, failed for good, cancelled) is past the cutoff.
 */
const ENDED_BEFORE_$1 = `(
  ((o.status = 'PAID' AND COALESCE(o."paidAt", o."validUntil") < $1)
    OR (o.status <> 'PAID' AND o."validUntil" < $1 AND (o."updatedAt" IS NULL OR o."updatedAt" < $1)))
  AND NOT EXISTS (
    SELECT 1 FROM "InstalmentCharge" c WHERE c."orderId" = o.id AND (c.status = 'PENDING' OR c."updatedAt" >= $1)
  )
)`;

/** A transaction of the order still inside the accounting retention ($2): its last change is after it. */
const HAS_KEPT_TRANSACTION_$2 = `EXISTS (
  SELECT 1 FROM "Transaction" t
  WHERE t."orderId" = o.id AND GREATEST(t."createdAt", t."capturedAt", t."validatedAt") >= $2
)`;

/** Orders to delete whole: ended before the cutoff, and no transaction still kept. Locked, skipping busy rows. */
export const SELECT_ORDERS_TO_DELETE = `
SELECT o.id FROM "PaymentOrder" o
WHERE ${ENDED_BEFORE_$1} AND NOT ${HAS_KEPT_TRANSACTION_$2}
LIMIT $3 FOR UPDATE OF o SKIP LOCKED`;

/** Orders to anonymise: ended before the cutoff, not yet anonymised, with a transaction still kept. */
export const SELECT_ORDERS_TO_ANONYMISE = `
SELECT o.id FROM "PaymentOrder" o
WHERE o."anonymisedAt" IS NULL AND ${ENDED_BEFORE_$1} AND ${HAS_KEPT_TRANSACTION_$2}
LIMIT $3 FOR UPDATE OF o SKIP LOCKED`;

/**
 * The audit keys that never hold personal data (statuses, amounts, references, ids, counts). An
 * order's events keep only these once the order is purged: its history still reads "created,
 * sent, paid, captured", without the addresses, texts and provider answers that went with it.
 */
export const AUDIT_KEYS_KEPT = [
  "status",
  "deliveryStatus",
  "channel",
  "amount",
  "currency",
  "reference",
  "validUntil",
  "validationMode",
  "captureDelay",
  "taxAmount",
  "taxRate",
  "locale",
  "transactionId",
  "deliveryId",
  "messageId",
  "providerMessageId",
  "providerStatus",
  "templateId",
  "step",
  "steps",
  "credits",
  "creditsRefunded",
  "fields", // the names of the form's fields the buyer filled, never their values
];

const kept = (col: string) => `CASE WHEN jsonb_typeof(${col}) = 'object' THEN (
  SELECT COALESCE(jsonb_object_agg(kv.k, kv.v), '{}'::jsonb) FROM jsonb_each(${col}) AS kv(k, v) WHERE kv.k = ANY($2::text[])
) END`;

/** $1 order ids, $2 AUDIT_KEYS_KEPT: strips every other key from their events (only events that change). */
export const REDACT_AUDIT_EVENTS = `
WITH r AS (
  SELECT a.id, ${kept("a.before")} AS b, ${kept("a.after")} AS f
  FROM "AuditEvent" a WHERE a."orderId" = ANY($1::char(32)[])
)
UPDATE "AuditEvent" e SET before = r.b, after = r.f FROM r
WHERE e.id = r.id AND (e.before IS DISTINCT FROM r.b OR e.after IS DISTINCT FROM r.f)`;

/** What goes with an order's personal data, whether the order stays or not ($1 order ids). */
export const DELETE_ORDER_CHILDREN = {
  messages: `DELETE FROM "Message" WHERE "orderId" = ANY($1::char(32)[])`,
  reminders: `DELETE FROM "OrderReminder" WHERE "orderId" = ANY($1::char(32)[])`,
  challenges: `DELETE FROM "PaymentChallenge" WHERE "orderId" = ANY($1::char(32)[])`,
  // Each attempt's card summary and holder's name: the transactions keep what accounting needs.
  attempts: `DELETE FROM "PaymentAttempt" WHERE "orderId" = ANY($1::char(32)[])`,
  // The body sent is the buyer's data as the merchant received it; attempts go by cascade.
  webhookDeliveries: `DELETE FROM "WebhookDelivery" WHERE "orderId" = ANY($1::char(32)[])`,
} as const;

// The instalment schedule is the transactions' (amounts, due dates): it goes with them.
export const DELETE_INSTALMENTS = `DELETE FROM "InstalmentCharge" WHERE "orderId" = ANY($1::char(32)[])`;
export const DELETE_TRANSACTIONS = `DELETE FROM "Transaction" WHERE "orderId" = ANY($1::char(32)[])`;
export const DELETE_ORDERS = `DELETE FROM "PaymentOrder" WHERE id = ANY($1::char(32)[])`;

/** The transaction stays whole (amount, status, dates, brand and last 4) but for the buyer's form answers. */
export const ANONYMISE_TRANSACTIONS = `
UPDATE "Transaction" SET "buyerData" = NULL WHERE "orderId" = ANY($1::char(32)[]) AND "buyerData" IS NOT NULL`;

/**
 * The order keeps what accounting needs (reference, description, amounts, dates, statuses, shop,
 * mode, channel) and loses who it was for and what was written to them. Not updatedAt: it dates
 * the order's end. ($1 order ids, $2 now.)
 */
export const ANONYMISE_ORDERS = `
UPDATE "PaymentOrder" SET
  recipient = NULL, bcc = NULL, "buyerEmail" = NULL, subject = NULL, message = NULL, "merchantComment" = NULL,
  metadata = '{}'::jsonb, "collectedData" = NULL,
  "apiData" = CASE WHEN jsonb_typeof("apiData") = 'object'
    THEN "apiData" - ARRAY['customer', 'messageSource', 'acquirerTransientData', 'paymentMethodToken'] ELSE '{}'::jsonb END,
  "anonymisedAt" = $2
WHERE id = ANY($1::char(32)[])`;

/** Rows past their use, by age, in bounded batches: [table, time column]. $1 cutoff, $2 batch. */
export const deleteOlderThan = (table: string, column: string) => `
DELETE FROM "${table}" WHERE ctid = ANY(ARRAY(
  SELECT ctid FROM "${table}" WHERE "${column}" < $1 LIMIT $2 FOR UPDATE SKIP LOCKED
))`;
