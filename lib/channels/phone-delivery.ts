import { insertAuditSql } from "../audit/audit-sql";
import { isPageLanguage, languageOf } from "../i18n/locales";
import type { Db } from "../server/db";
import { messageVariables } from "../templates/message-variables";
import { renderTemplate, type TemplateVars } from "../templates/render-template";
import type { loadTemplates } from "../templates/resolve-template";
import { type ClaimedMessage, claimMessages, claimSql, orderDeliveryCte, orderValuesOf } from "./message-delivery";

// What the SMS and WhatsApp workers share beyond every channel's (message-delivery.ts): what a
// claim reads, the text, and the statements that record each outcome right after the provider
// answered (message, order's delivery status, send count, credit refund, audit event) — one
// statement each, like the e-mail worker's.

export type PhoneChannel = "SMS" | "WHATSAPP";

/** Provider statuses (Twilio's names), ranked: a report never moves a message backwards. */
const FAILURES = "('undelivered', 'failed', 'canceled')";
const DONE = "('sent', 'delivered', 'read')";
export const statusRank = (e: string) =>
  `(CASE WHEN ${e} IN ('accepted', 'scheduled', 'queued') THEN 1 WHEN ${e} = 'sending' THEN 2 WHEN ${e} = 'sent' THEN 3
    WHEN ${e} IN ('delivered', 'undelivered', 'failed', 'canceled', 'read') THEN 4 ELSE 0 END)`;
export const isFailureSql = (e: string) => `${e} IN ${FAILURES}`;

const CLAIM_SQL = claimSql(
  `m.text AS "messageText"`,
  `SELECT c.*, o.reference, o.amount, o.currency, o.locale, o."createdAt", o."validUntil", o.token, o.status AS "orderStatus",
  o.message AS "orderMessage", o."templateId", o."shopId", s.name AS "shopName", s."timeZone", s.url AS "shopUrl",
  s."defaultLanguage", COALESCE(s."managerEmail", co."managerEmail") AS contact, co.id AS "companyId",
  co."smsProviderUrl", co."smsLogin", co."smsPasswordEnc", co."smsSender"
FROM c JOIN "PaymentOrder" o ON o.id = c."orderId" JOIN "Shop" s ON s.id = o."shopId" JOIN "Company" co ON co.id = s."companyId"`,
);

export type ClaimedPhoneMessage = ClaimedMessage & {
  kind: string;
  /** A reminder's text, rendered (and its credits counted) when it was queued. */
  messageText: string | null;
  companyId: string;
  smsProviderUrl: string | null;
  smsLogin: string | null;
  smsPasswordEnc: string | null;
  smsSender: string | null;
};

/** Takes the due messages of a batch (or a dead worker's stale claims); the claim commits first. */
export const claimPhoneMessages = (db: Db, channel: PhoneChannel, messageIds: string[]) =>
  claimMessages<ClaimedPhoneMessage>(db, channel, CLAIM_SQL, messageIds);

/**
 * The text to send, in the order's language: the order's own message (the dialogs and the API
 * store it rendered; variables left in it are replaced, and the link appended if it is missing),
 * else the shop's default template for the channel, else the built-in one.
 */
export function phoneText(m: ClaimedPhoneMessage, channel: PhoneChannel, templates: Awaited<ReturnType<typeof loadTemplates>>) {
  const lang = languageOf(m.locale) ?? m.defaultLanguage;
  const language = isPageLanguage(lang) ? lang : "en";
  const vars: TemplateVars = messageVariables(orderValuesOf(m), language);
  // A reminder: its text as queued (credits were counted on it), else the reminder template.
  // A merchant's SMS notice (issue 21): its text as queued, credits counted on it.
  if (m.kind === "MERCHANT_SMS" && m.messageText) return { text: m.messageText, language, vars };
  const source =
    m.kind === "REMINDER"
      ? (m.messageText ?? templates.pick({ shopId: m.shopId, channel, kind: "REMINDER", language }).body)
      : (m.orderMessage ?? templates.pick({ shopId: m.shopId, channel, kind: "ORDER", language, templateId: m.templateId }).body);
  const hasLink = Boolean(vars.url && source.includes(vars.url));
  const text = renderTemplate(source, vars, hasLink ? { appendUrl: false } : { appendUrl: (url) => ` ${url}` }).trim();
  return { text, language, vars };
}

/** Runs `fn` over `items`, at most `limit` at a time (a provider is not flooded by one batch). */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  });
  await Promise.all(lanes);
  return out;
}

// The order's delivery status follows the newest order message only (an older one's report,
// after a resend, changes nothing): `failed` on a failure status, `delivered` on sent/delivered
// (or at once when `deliveredOnAccept`, for a channel without delivery reports); audited, as
// `defaultAction` when the status did not move.
export const orderDeliveryStep = (sendIncrement: string, deliveredOnAccept: string, defaultAction: string) => `
prev AS (SELECT p.id, p."deliveryStatus" AS before FROM "PaymentOrder" p JOIN m ON p.id = m."orderId"),
${orderDeliveryCte({
  event: `CASE WHEN ${isFailureSql('m."providerStatus"')} OR m.status = 'FAILED' THEN 'failed'
    WHEN m."providerStatus" IN ${DONE} OR ${deliveredOnAccept} THEN 'delivered' END`,
  superseded: "newer",
  sendIncrement,
  when: "m.status IN ('SENT', 'FAILED')",
})},
a AS (
${insertAuditSql({
  actor: "SYSTEM",
  action: `CASE WHEN o."deliveryStatus" IS NOT DISTINCT FROM prev.before THEN ${defaultAction} ELSE 'order.delivery.' || o.event END`,
  shopId: 'o."shopId"',
  orderId: "o.id",
  after: `jsonb_strip_nulls(jsonb_build_object('deliveryStatus', o."deliveryStatus", 'channel', m.channel, 'recipient', m.recipient,
    'providerMessageId', m."providerMessageId", 'providerStatus', m."providerStatus", 'reason', m.error))`,
  from: `o JOIN prev ON prev.id = o.id JOIN m ON m."orderId" = o.id`,
  returning: "id",
})}
)`;

export const M_COLUMNS = `x.id, x."orderId", x.kind, x.channel, x.recipient, x."providerStatus", x."providerMessageId", x.status, x.error`;

// The provider accepted the message. A delivery report that overtook this answer already set a
// further status: it is kept (and decides the message's and the order's status).
const ACCEPTED_SQL = `
WITH m AS (
  UPDATE "Message" x SET
    "providerStatus" = CASE WHEN ${statusRank('x."providerStatus"')} > ${statusRank("$5::text")} THEN x."providerStatus" ELSE $5::text END,
    status = (CASE WHEN ${isFailureSql('x."providerStatus"')} THEN 'FAILED' ELSE 'SENT' END)::"MessageStatus",
    "failedAt" = CASE WHEN ${isFailureSql('x."providerStatus"')} THEN now() END,
    error = CASE WHEN ${isFailureSql('x."providerStatus"')} THEN x.error END,
    body = $2, text = $2, language = $3, "providerMessageId" = $4, segments = COALESCE($6, x.segments), encoding = COALESCE($7, x.encoding),
    "claimedAt" = NULL, "sentAt" = now(), "nextAttemptAt" = NULL
  WHERE x.id = $1 AND x.status = 'SENDING'
  RETURNING ${M_COLUMNS}
),
${orderDeliveryStep("1", "$8::boolean", "'order.delivery.accepted'")}
SELECT count(*)::int AS n FROM m`;

export async function recordAccepted(
  db: Db,
  r: {
    id: string;
    text: string;
    language: string;
    providerMessageId: string;
    providerStatus: string;
    segments?: number | null;
    encoding?: string | null;
    deliveredOnAccept: boolean;
  },
) {
  await db.sql(ACCEPTED_SQL, [
    r.id,
    r.text,
    r.language,
    r.providerMessageId,
    r.providerStatus.toLowerCase(),
    r.segments ?? null,
    r.encoding ?? null,
    r.deliveredOnAccept,
  ]);
}

// Failed for good. `refund`: the provider never accepted the message, so the credits debited for
// it at creation go back to the company, in this same statement (see README, SMS credits).
const FAILED_SQL = `
WITH m AS (
  UPDATE "Message" x SET status = 'FAILED', error = $2, language = COALESCE($3, x.language), body = COALESCE($4, x.body),
    text = COALESCE($4, x.text), "claimedAt" = NULL, "failedAt" = now(), "nextAttemptAt" = NULL,
    credits = CASE WHEN $5::boolean THEN 0 ELSE x.credits END
  FROM (SELECT id, credits FROM "Message" WHERE id = $1) old
  WHERE x.id = old.id AND x.status = 'SENDING'
  RETURNING ${M_COLUMNS}, CASE WHEN $5::boolean THEN COALESCE(old.credits, 0) ELSE 0 END AS refunded
),
co AS (
  UPDATE "Company" c SET "smsCredits" = c."smsCredits" + m.refunded
  FROM m JOIN "PaymentOrder" p ON p.id = m."orderId" JOIN "Shop" s ON s.id = p."shopId"
  WHERE c.id = s."companyId" AND m.refunded > 0
  RETURNING c.id
),
prev AS (SELECT p.id, p."deliveryStatus" AS before FROM "PaymentOrder" p JOIN m ON p.id = m."orderId"),
${orderDeliveryCte({ event: "'failed'", superseded: "newer", sendIncrement: "0", when: "$6::boolean" })}
${insertAuditSql({
  actor: "SYSTEM",
  companyId: "(SELECT id FROM co LIMIT 1)",
  action: `CASE WHEN o.id IS NOT NULL AND o."deliveryStatus" IS DISTINCT FROM prev.before THEN 'order.delivery.' || o.event
    ELSE 'order.delivery.message_failed' END`,
  shopId: 'p."shopId"',
  orderId: "p.id",
  after: `jsonb_build_object('deliveryStatus', COALESCE(o."deliveryStatus", prev.before), 'channel', m.channel, 'recipient', m.recipient,
    'reason', $2::text, 'creditsRefunded', m.refunded)`,
  from: `m JOIN "PaymentOrder" p ON p.id = m."orderId" JOIN prev ON prev.id = p.id LEFT JOIN o ON o.id = p.id`,
  where: "o.id IS NOT NULL OR m.refunded > 0",
})}`;

export async function recordFailed(
  db: Db,
  r: {
    id: string;
    reason: string;
    language: string | null;
    text: string | null;
    refund: boolean;
    /** False when the message was skipped because the order closed: the order's status stays. */
    touchOrder: boolean;
  },
) {
  await db.sql(FAILED_SQL, [r.id, r.reason, r.language, r.text, r.refund, r.touchOrder]);
}
