import { insertAuditSql } from "../audit/audit-sql";

// The reminder sweep's statements (sweep-reminders.ts), one round trip each per batch.

/**
 * The orders owed a reminder now, soonest validity end first, locked (orders a payment or another
 * sweep holds are skipped). $1: [{ shopId, steps }] of the shops to remind now; $2: now; $3: the
 * largest step; $4/$5: the keyset cursor (validUntil, id); $6: the batch size. `steps` lists the
 * due steps not yet taken, smallest first: a step is due once `now` reaches validUntil − step days,
 * and owed only if that moment came after the order was created (an order created at J-2 is not
 * reminded for J-3 right after its own message).
 */
export const DUE_ORDERS_SQL = `
WITH p AS (
  SELECT x."shopId", s.step FROM jsonb_to_recordset($1::jsonb) AS x("shopId" text, steps int[]), unnest(x.steps) AS s(step)
)
SELECT o.id, o."shopId", o.channel::text AS channel, o.recipient, o.locale, o.reference, o.amount::text AS amount, o.currency,
  o."createdAt", o."validUntil", o.token, d.steps, s.name AS "shopName", s."timeZone", s.url AS "shopUrl", s."defaultLanguage",
  s."companyId", COALESCE(s."managerEmail", co."managerEmail") AS contact
FROM "PaymentOrder" o
JOIN "Shop" s ON s.id = o."shopId"
JOIN "Company" co ON co.id = s."companyId"
CROSS JOIN LATERAL (
  SELECT array_agg(p.step ORDER BY p.step) AS steps FROM p
  WHERE p."shopId" = o."shopId"
    AND o."validUntil" - make_interval(days => p.step) <= $2
    AND o."validUntil" - make_interval(days => p.step) > o."createdAt"
    AND NOT EXISTS (SELECT 1 FROM "OrderReminder" r WHERE r."orderId" = o.id AND r.step = p.step)
) d
WHERE o.status IN ('RUNNING', 'REFUSED') AND o.channel IN ('MAIL', 'SMS') AND NOT o."remindersOptOut"
  AND o."shopId" IN (SELECT "shopId" FROM p)
  AND o."validUntil" > $2 AND o."validUntil" <= $2 + make_interval(days => $3)
  AND COALESCE(o.recipient, '') <> '' AND d.steps IS NOT NULL
  AND (o."validUntil", o.id) > ($4::timestamp, $5::char(32))
ORDER BY o."validUntil", o.id
LIMIT $6
FOR UPDATE OF o SKIP LOCKED`;

/** Takes the steps, each at most once ever: what comes back is what this sweep took. */
export const TAKE_STEPS_SQL = `
INSERT INTO "OrderReminder" ("orderId", step)
SELECT * FROM unnest($1::char(32)[], $2::int[])
ON CONFLICT ("orderId", step) DO NOTHING
RETURNING "orderId", step`;

/** The companies whose SMS credits pay for the batch, locked in a fixed order (no deadlock). */
export const LOCK_CREDITS_SQL = `SELECT id, "smsCredits" FROM "Company" WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`;

/** Debits what was allocated under that lock ($1 companies, $2 credits). */
export const DEBIT_CREDITS_SQL = `
UPDATE "Company" c SET "smsCredits" = c."smsCredits" - d.credits
FROM unnest($1::uuid[], $2::int[]) AS d(id, credits)
WHERE c.id = d.id AND c."smsCredits" >= d.credits
RETURNING c.id`;

/**
 * Links each taken step to the message sent for it, and writes one "order.reminder" audit event per
 * message (system actor). $1 order ids, $2 the step sent, $3 every step it stands for, $4 message
 * ids, $5 channels, $6 recipients, $7 credits.
 */
export const LINK_AND_AUDIT_SQL = `
WITH x AS (
  SELECT * FROM unnest($1::char(32)[], $2::int[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::int[])
    AS x("orderId", step, steps, "messageId", channel, recipient, credits)
), linked AS (
  UPDATE "OrderReminder" r SET "messageId" = x."messageId"
  FROM x WHERE r."orderId" = x."orderId" AND r.step = ANY(string_to_array(x.steps, ',')::int[])
  RETURNING r."orderId"
)
${insertAuditSql({
  actor: "SYSTEM",
  action: "'order.reminder'",
  shopId: 'o."shopId"',
  orderId: "o.id",
  after: `jsonb_strip_nulls(jsonb_build_object('step', x.step, 'steps', string_to_array(x.steps, ',')::int[], 'channel', x.channel,
    'recipient', x.recipient, 'messageId', x."messageId", 'credits', x.credits))`,
  from: 'x JOIN "PaymentOrder" o ON o.id = x."orderId"',
})}`;
