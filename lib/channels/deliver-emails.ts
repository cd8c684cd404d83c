import type { TemplateKind } from "../../emails";
import { isPageLanguage, languageOf } from "../i18n/locales";
import { paymentUrl } from "../orders/payment-link";
import { getPool } from "../server/db";
import { getBoss } from "../server/jobs/boss";
import { deliveryJobExpireSeconds, QUEUES } from "../server/jobs/queues";
import { classifySendError, getMailer, mailFrom, messageIdDomain, type SendFailure } from "../server/mailer";
import { bossDb, withSqlTransaction } from "../server/sql";
import { messageVariables } from "../templates/message-variables";
import { renderMail } from "../templates/render-message";
import { loadTemplates } from "../templates/resolve-template";

/** Seconds to wait before each new attempt after a transient failure; past the last one, failed. */
export function mailRetrySchedule(): number[] {
  const raw = process.env.MAIL_RETRY_SCHEDULE ?? "60,300,900,3600,14400,43200";
  return raw
    .split(",")
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isFinite(n) && n >= 0);
}

// Claim: QUEUED messages due now, or SENDING ones whose claim is older than a job's lifetime (the
// worker that held them died). The claim commits before anything is sent.
const CLAIM_SQL = `
WITH c AS (
  UPDATE "Message" m SET status = 'SENDING', "claimedAt" = now(), attempts = m.attempts + 1
  WHERE m.id = ANY($1::uuid[]) AND m.channel = 'MAIL'
    AND ((m.status = 'QUEUED' AND (m."nextAttemptAt" IS NULL OR m."nextAttemptAt" <= now() + interval '2 seconds'))
      OR (m.status = 'SENDING' AND m."claimedAt" < now() - make_interval(secs => $2)))
  RETURNING m.id, m."orderId", m.kind, m.recipient, m.bcc, m.attempts
)
SELECT c.*, o.reference, o.amount, o.currency, o.locale, o."createdAt", o."validUntil", o.token, o.status AS "orderStatus",
  o.subject AS "orderSubject", o.message AS "orderMessage", o."templateId", o."shopId",
  s.name AS "shopName", s."timeZone", s.url AS "shopUrl", s."defaultLanguage",
  COALESCE(s."managerEmail", co."managerEmail") AS contact, t.number AS "txNumber", t."createdAt" AS "txAt"
FROM c JOIN "PaymentOrder" o ON o.id = c."orderId" JOIN "Shop" s ON s.id = o."shopId" JOIN "Company" co ON co.id = s."companyId"
LEFT JOIN LATERAL (
  SELECT number, "createdAt" FROM "Transaction" x
  WHERE x."orderId" = o.id AND x.status IN ('AUTHORISED', 'AUTHORISED_TO_VALIDATE', 'CAPTURED')
  ORDER BY x."createdAt" DESC LIMIT 1
) t ON c.kind <> 'ORDER'`;

type Claimed = {
  id: string;
  orderId: string;
  kind: TemplateKind;
  recipient: string;
  bcc: string | null;
  attempts: number;
  reference: string | null;
  amount: string;
  currency: string;
  locale: string;
  createdAt: Date;
  validUntil: Date;
  token: string;
  orderStatus: string;
  orderSubject: string | null;
  orderMessage: string | null;
  templateId: string | null;
  shopId: string;
  shopName: string;
  timeZone: string;
  shopUrl: string | null;
  defaultLanguage: string;
  contact: string | null;
  txNumber: string | null;
  txAt: Date | null;
};

type Outcome =
  | { id: string; status: "SENT"; subject: string; html: string; text: string; language: string; messageId: string; note: string | null }
  | { id: string; status: "FAILED"; reason: string; language: string | null }
  | { id: string; status: "RETRY"; reason: string; after: number; language: string | null };

const split = (list: string | null) =>
  (list ?? "")
    .split(/[;,]/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * Sends a batch of e-mail messages (one job each): claims them, renders each from its template
 * in the message's language, sends through the pooled SMTP transport, then records every outcome,
 * the orders' delivery statuses and the retries in one transaction.
 */
export async function deliverEmails(messageIds: string[]): Promise<{ sent: number; failed: number; retried: number }> {
  const pool = getPool();
  const lease = Math.max(1, deliveryJobExpireSeconds() - 5);
  const { rows } = await pool.query<Claimed>(CLAIM_SQL, [messageIds, lease]);
  if (!rows.length) return { sent: 0, failed: 0, retried: 0 };
  const templates = await loadTemplates(pool, {
    shopIds: [...new Set(rows.map((r) => r.shopId))],
    templateIds: rows.flatMap((r) => (r.templateId ? [r.templateId] : [])),
  });
  const mailer = await getMailer();
  const schedule = mailRetrySchedule();

  const outcomes = await Promise.all(
    rows.map(async (m): Promise<Outcome> => {
      const lang = m.kind === "RECEIPT_MERCHANT" ? m.defaultLanguage : (languageOf(m.locale) ?? m.defaultLanguage);
      const language = isPageLanguage(lang) ? lang : "en";
      if (m.kind === "ORDER" && m.orderStatus !== "RUNNING" && m.orderStatus !== "REFUSED") {
        return { id: m.id, status: "FAILED", reason: `not sent: the order is ${m.orderStatus.toLowerCase()}`, language };
      }
      const template = templates.pick({ shopId: m.shopId, channel: "MAIL", kind: m.kind, language, templateId: m.templateId });
      const source = m.kind === "ORDER" ? { subject: m.orderSubject ?? template.subject, body: m.orderMessage ?? template.body } : template;
      const vars = messageVariables(
        {
          reference: m.reference,
          amount: BigInt(m.amount),
          currency: m.currency,
          createdAt: m.createdAt,
          validUntil: m.validUntil,
          paymentUrl: paymentUrl(m.token),
          shop: { name: m.shopName, timeZone: m.timeZone, url: m.shopUrl, contact: m.contact },
          payment: m.txAt && m.txNumber ? { at: m.txAt, number: m.txNumber } : undefined,
        },
        language,
      );
      const mail = renderMail(source, vars, language);
      const messageId = `<${m.id}@${messageIdDomain()}>`;
      try {
        const res = await mailer.send({
          from: { name: m.shopName, address: mailFrom() },
          replyTo: m.contact ?? undefined,
          to: split(m.recipient),
          bcc: split(m.bcc),
          subject: mail.subject,
          html: mail.html,
          text: mail.text,
          messageId,
          headers: {
            "X-Shop-Id": m.shopId,
            "X-Payment-Order-Id": m.orderId,
            ...(m.kind !== "ORDER" ? { "Auto-Submitted": "auto-generated" } : {}),
          },
        });
        const note = res.rejected.length ? `refused by the server: ${res.rejected.join(", ")}` : null;
        return { id: m.id, status: "SENT", ...mail, language, messageId, note };
      } catch (e) {
        const f: SendFailure = classifySendError(e);
        const wait = schedule[m.attempts - 1];
        if (f.permanent || wait === undefined) {
          const reason = f.permanent ? f.reason : `${f.reason} (gave up after ${m.attempts} attempts)`;
          return { id: m.id, status: "FAILED", reason, language };
        }
        return { id: m.id, status: "RETRY", reason: f.reason, after: wait, language };
      }
    }),
  );
  await recordOutcomes(rows, outcomes);
  const count = (s: Outcome["status"]) => outcomes.filter((o) => o.status === s).length;
  return { sent: count("SENT"), failed: count("FAILED"), retried: count("RETRY") };
}

async function recordOutcomes(rows: Claimed[], outcomes: Outcome[]) {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const col = <T>(f: (o: Outcome) => T) => outcomes.map(f);
  const boss = await getBoss();
  await withSqlTransaction(async (client) => {
    await client.query(
      `UPDATE "Message" m SET status = (CASE r.status WHEN 'RETRY' THEN 'QUEUED' ELSE r.status END)::"MessageStatus",
         subject = COALESCE(r.subject, m.subject), body = COALESCE(r.body, m.body), text = COALESCE(r.text, m.text),
         language = COALESCE(r.language, m.language), "providerMessageId" = COALESCE(r.pid, m."providerMessageId"),
         error = r.error, "claimedAt" = NULL,
         "sentAt" = CASE WHEN r.status = 'SENT' THEN now() ELSE m."sentAt" END,
         "failedAt" = CASE WHEN r.status = 'FAILED' THEN now() ELSE NULL END,
         "nextAttemptAt" = CASE WHEN r.status = 'RETRY' THEN now() + make_interval(secs => r.after) ELSE NULL END
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[])
         AS r(id, status, subject, body, text, language, pid, error, after)
       WHERE m.id = r.id AND m.status = 'SENDING'`,
      [
        col((o) => o.id),
        col((o) => o.status),
        col((o) => (o.status === "SENT" ? o.subject : null)),
        col((o) => (o.status === "SENT" ? o.html : null)),
        col((o) => (o.status === "SENT" ? o.text : null)),
        col((o) => o.language),
        col((o) => (o.status === "SENT" ? o.messageId : null)),
        col((o) => (o.status === "SENT" ? o.note : o.reason)),
        col((o) => (o.status === "RETRY" ? o.after : null)),
      ],
    );
    // The order's delivery status follows its latest order message; receipts do not touch it.
    const orderOutcomes = outcomes.filter((o) => o.status !== "RETRY" && byId.get(o.id)?.kind === "ORDER");
    const skipped = (o: Outcome) => o.status === "FAILED" && o.reason.startsWith("not sent:");
    const final = orderOutcomes.filter((o) => !skipped(o));
    if (final.length) {
      await client.query(
        `WITH r AS (SELECT * FROM unnest($1::char(32)[], $2::text[], $3::text[], $4::text[]) AS r("orderId", outcome, recipient, detail)),
         u AS (
           UPDATE "PaymentOrder" o SET "sendCount" = o."sendCount" + (CASE WHEN r.outcome = 'SENT' THEN 1 ELSE 0 END),
             "deliveryStatus" = CASE
               WHEN EXISTS (SELECT 1 FROM "Message" p WHERE p."orderId" = o.id AND p.kind = 'ORDER' AND p.status IN ('QUEUED', 'SENDING'))
                 THEN o."deliveryStatus"
               ELSE (CASE WHEN r.outcome = 'SENT' THEN 'SENT' ELSE 'FAILED' END)::"DeliveryStatus" END
           FROM r WHERE o.id = r."orderId"
           RETURNING o.id, o."shopId", o."deliveryStatus", r.outcome, r.recipient, r.detail)
         INSERT INTO "AuditEvent" (id, "shopId", "orderId", "actorType", action, after, "createdAt")
         SELECT gen_random_uuid(), u."shopId", u.id, 'SYSTEM',
           CASE WHEN u.outcome = 'SENT' THEN 'order.delivery.delivered' ELSE 'order.delivery.failed' END,
           jsonb_build_object('deliveryStatus', u."deliveryStatus", 'recipient', u.recipient,
             CASE WHEN u.outcome = 'SENT' THEN 'messageId' ELSE 'reason' END, u.detail), now()
         FROM u`,
        [
          final.map((o) => byId.get(o.id)!.orderId),
          final.map((o) => o.status),
          final.map((o) => byId.get(o.id)!.recipient),
          final.map((o) => (o.status === "SENT" ? o.messageId : o.status === "FAILED" ? o.reason : "")),
        ],
      );
    }
    const retries = outcomes.filter((o): o is Extract<Outcome, { status: "RETRY" }> => o.status === "RETRY");
    if (retries.length) {
      await boss.insert(
        QUEUES.email.name,
        retries.map((o) => ({ data: { messageId: o.id }, startAfter: new Date(Date.now() + o.after * 1000) })),
        { db: bossDb(client) },
      );
    }
  });
}
