import { isReceiptKind, type TemplateKind } from "../../emails";
import { isPageLanguage, languageOf } from "../i18n/locales";
import { paymentUrl } from "../orders/payment-link";
import { getPool } from "../server/db";
import { getBoss } from "../server/jobs/boss";
import { deliveryJobExpireSeconds, QUEUES } from "../server/jobs/queues";
import { classifySendError, getMailer, mailFrom, messageIdDomain, type SendFailure } from "../server/mailer";
import { jobRequestId } from "../server/request-context";
import { bossDb, withSqlTransaction } from "../server/sql";
import { messageVariables } from "../templates/message-variables";
import { renderMail } from "../templates/render-message";
import { loadTemplates } from "../templates/resolve-template";
import { logDeliveries } from "./log-deliveries";

// A send that neither succeeds nor fails within this time counts as a transient failure (well
// under a claim's lease, so a retry never races a send still in flight).
const SEND_TIMEOUT_MS = 60_000;
const withTimeout = <T>(p: Promise<T>, ms: number) =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(Object.assign(new Error(`no answer from the SMTP server in ${ms / 1000} s`), { code: "ETIMEDOUT" })),
      ms,
    );
    p.then(resolve, reject).finally(() => clearTimeout(timer));
  });

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
  RETURNING m.id, m."orderId", m.kind, m.recipient, m.bcc, m.attempts, m."templateId" AS "messageTemplateId"
)
-- a receipt states its payment's amount (an instalment's, issue 12), an order message the order's
SELECT c.*, o.reference, COALESCE(t.amount, o.amount) AS amount, o.currency, o.locale, o."createdAt", o."validUntil", o.token, o.status AS "orderStatus",
  o.subject AS "orderSubject", o.message AS "orderMessage",
  -- an order's message uses the order's template; a receipt its rule's (else the shop's default)
  CASE WHEN c.kind = 'ORDER' THEN o."templateId" ELSE c."messageTemplateId" END AS "templateId", o."shopId",
  s.name AS "shopName", s."timeZone", s.url AS "shopUrl", s."defaultLanguage",
  COALESCE(s."managerEmail", co."managerEmail") AS contact, t.number AS "txNumber", t."createdAt" AS "txAt"
FROM c JOIN "PaymentOrder" o ON o.id = c."orderId" JOIN "Shop" s ON s.id = o."shopId" JOIN "Company" co ON co.id = s."companyId"
LEFT JOIN LATERAL (
  SELECT number, "createdAt", amount FROM "Transaction" x
  WHERE x."orderId" = o.id AND x.status IN ('AUTHORISED', 'AUTHORISED_TO_VALIDATE', 'CAPTURED')
  ORDER BY x."createdAt" DESC LIMIT 1
) t ON c.kind IN ('RECEIPT_BUYER', 'RECEIPT_MERCHANT')`;

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
 * in the message's language, sends it through the pooled SMTP transport and records its outcome
 * (message, order's delivery status and send count, audit event, retry job) as soon as the
 * server has answered.
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
    rows.map(async (m) => {
      const outcome = await deliverOne(m);
      await recordOutcome(outcome);
      return outcome;
    }),
  );
  logDeliveries("MAIL", rows, outcomes);
  const count = (s: Outcome["status"]) => outcomes.filter((o) => o.status === s).length;
  return { sent: count("SENT"), failed: count("FAILED"), retried: count("RETRY") };

  async function deliverOne(m: Claimed): Promise<Outcome> {
    const lang = m.kind === "RECEIPT_MERCHANT" ? m.defaultLanguage : (languageOf(m.locale) ?? m.defaultLanguage);
    const language = isPageLanguage(lang) ? lang : "en";
    if ((m.kind === "ORDER" || m.kind === "REMINDER") && m.orderStatus !== "RUNNING" && m.orderStatus !== "REFUSED") {
      return { id: m.id, status: "FAILED", reason: `not sent: the order is ${m.orderStatus.toLowerCase()}`, language };
    }
    // A reminder queued just before the validity ended is not sent after it (the expiry sweep may lag).
    if (m.kind === "REMINDER" && m.validUntil.getTime() <= Date.now()) {
      return { id: m.id, status: "FAILED", reason: "not sent: the order is expired", language };
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
    // A reminder renders like its order, from the reminder template (never the order's own text).
    const mail = renderMail(source, vars, language, { withLink: !isReceiptKind(m.kind) });
    const messageId = `<${m.id}@${messageIdDomain()}>`;
    try {
      const res = await withTimeout(
        mailer.send({
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
        }),
        SEND_TIMEOUT_MS,
      );
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
  }
}

// One statement per outcome, right after the server answered: the window in which a crash could
// leave a sent message unrecorded (and so sent again, under the same Message-ID) is one round trip.
const RECORD_SQL = `
WITH m AS (
  UPDATE "Message" SET status = $2::"MessageStatus", subject = COALESCE($3, subject), body = COALESCE($4, body),
    text = COALESCE($5, text), language = COALESCE($6, language), "providerMessageId" = COALESCE($7, "providerMessageId"),
    error = $8, "claimedAt" = NULL,
    "sentAt" = CASE WHEN $2 = 'SENT' THEN now() ELSE "sentAt" END,
    "failedAt" = CASE WHEN $2 = 'FAILED' THEN now() ELSE NULL END,
    "nextAttemptAt" = CASE WHEN $2 = 'QUEUED' THEN now() + make_interval(secs => $9) ELSE NULL END
  WHERE id = $1 AND status = 'SENDING'
  RETURNING id, "orderId", kind, recipient
),
o AS (
  UPDATE "PaymentOrder" p SET "sendCount" = p."sendCount" + (CASE WHEN $2 = 'SENT' THEN 1 ELSE 0 END),
    "deliveryStatus" = CASE
      WHEN EXISTS (SELECT 1 FROM "Message" q WHERE q."orderId" = p.id AND q.kind = 'ORDER' AND q.id <> m.id AND q.status IN ('QUEUED', 'SENDING'))
        THEN p."deliveryStatus"
      ELSE (CASE WHEN $2 = 'SENT' THEN 'SENT' ELSE 'FAILED' END)::"DeliveryStatus" END
  FROM m WHERE p.id = m."orderId" AND m.kind = 'ORDER' AND $2 IN ('SENT', 'FAILED') AND $10::boolean
  RETURNING p.id, p."shopId", p."deliveryStatus", m.recipient
)
INSERT INTO "AuditEvent" (id, "shopId", "orderId", "actorType", action, after, "createdAt")
SELECT gen_random_uuid(), o."shopId", o.id, 'SYSTEM',
  CASE WHEN $2 = 'SENT' THEN 'order.delivery.delivered' ELSE 'order.delivery.failed' END,
  jsonb_build_object('deliveryStatus', o."deliveryStatus", 'recipient', o.recipient,
    CASE WHEN $2 = 'SENT' THEN 'messageId' ELSE 'reason' END, COALESCE($7, $8)), now()
FROM o`;

async function recordOutcome(o: Outcome) {
  const sent = o.status === "SENT";
  const values = [
    o.id,
    o.status === "RETRY" ? "QUEUED" : o.status,
    sent ? o.subject : null,
    sent ? o.html : null,
    sent ? o.text : null,
    o.language,
    sent ? o.messageId : null,
    sent ? o.note : o.reason,
    o.status === "RETRY" ? o.after : 0,
    // An order message skipped because the order closed meanwhile leaves the order's status alone.
    !(o.status === "FAILED" && o.reason.startsWith("not sent:")),
  ];
  if (o.status !== "RETRY") {
    await getPool().query(RECORD_SQL, values);
    return;
  }
  const boss = await getBoss();
  await withSqlTransaction(async (client) => {
    await client.query(RECORD_SQL, values);
    await boss.send(
      QUEUES.email.name,
      { messageId: o.id, requestId: jobRequestId(o.id) },
      { startAfter: new Date(Date.now() + o.after * 1000), db: bossDb(client) },
    );
  });
}
