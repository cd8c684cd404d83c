import type { TemplateKind } from "../../emails";
import { insertAuditSql } from "../audit/audit-sql";
import { isPageLanguage, languageOf } from "../i18n/locales";
import type { DeliveryEvent } from "../orders/delivery-status";
import type { Db } from "../server/db";
import { classifySendError, getMailer, mailFrom, messageIdDomain } from "../server/mailer";
import { backOfficeUrl, paymentUrl } from "../shared/links";
import { messageVariables } from "../templates/message-variables";
import { renderMail } from "../templates/render-message";
import { loadTemplates } from "../templates/resolve-template";
import { logDeliveries } from "./log-deliveries";
import {
  afterFailure,
  claimMessages,
  claimSql,
  closedOrderReason,
  type FailureOutcome,
  orderDeliveryCte,
  recordRetry,
  retrySchedule,
} from "./message-delivery";

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

// The claim (message-delivery.ts) and what an e-mail needs with it.
const CLAIM_SQL = claimSql(
  `m.bcc, m."templateId" AS "messageTemplateId"`,
  `-- a receipt states its payment's amount (an instalment's, issue 12), an order message the order's
SELECT c.*, o.reference, COALESCE(t.amount, o.amount) AS amount, o.currency, o.locale, o."createdAt", o."validUntil", o.token, o.status AS "orderStatus",
  o.subject AS "orderSubject", o.message AS "orderMessage",
  -- an order's message uses the order's template; a receipt its rule's (else the shop's default)
  CASE WHEN c.kind = 'ORDER' THEN o."templateId" ELSE c."messageTemplateId" END AS "templateId", o."shopId",
  s.name AS "shopName", s."timeZone", s.url AS "shopUrl", s."defaultLanguage",
  COALESCE(s."managerEmail", co."managerEmail") AS contact, t.number AS "txNumber", t."createdAt" AS "txAt"
FROM c JOIN "PaymentOrder" o ON o.id = c."orderId" JOIN "Shop" s ON s.id = o."shopId" JOIN "Company" co ON co.id = s."companyId"
LEFT JOIN LATERAL (
  SELECT number, "createdAt", amount FROM "Transaction" x
  WHERE x."orderId" = o.id AND x."operationType" = 'DEBIT' AND x.status IN ('AUTHORISED', 'AUTHORISED_TO_VALIDATE', 'CAPTURED')
  ORDER BY x."createdAt" DESC LIMIT 1
) t ON c.kind IN ('RECEIPT_BUYER', 'RECEIPT_MERCHANT')`,
);

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
  | (FailureOutcome & { id: string; language: string | null });

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
export async function deliverEmails(db: Db, messageIds: string[]): Promise<{ sent: number; failed: number; retried: number }> {
  const rows = await claimMessages<Claimed>(db, "MAIL", CLAIM_SQL, messageIds);
  if (!rows.length) return { sent: 0, failed: 0, retried: 0 };
  const templates = await loadTemplates(db, {
    shopIds: [...new Set(rows.map((r) => r.shopId))],
    templateIds: rows.flatMap((r) => (r.templateId ? [r.templateId] : [])),
  });
  const mailer = await getMailer();
  const schedule = retrySchedule("MAIL");

  const outcomes = await Promise.all(
    rows.map(async (m) => {
      const outcome = await deliverOne(m);
      await recordOutcome(db, outcome);
      return outcome;
    }),
  );
  logDeliveries("MAIL", rows, outcomes);
  const count = (s: Outcome["status"]) => outcomes.filter((o) => o.status === s).length;
  return { sent: count("SENT"), failed: count("FAILED"), retried: count("RETRY") };

  async function deliverOne(m: Claimed): Promise<Outcome> {
    const lang = m.kind === "RECEIPT_MERCHANT" ? m.defaultLanguage : (languageOf(m.locale) ?? m.defaultLanguage);
    const language = isPageLanguage(lang) ? lang : "en";
    const closed = closedOrderReason(m);
    if (closed) return { id: m.id, status: "FAILED", reason: closed, language };
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
    const mail = await renderMail(source, vars, language, {
      kind: m.kind,
      orderUrl: m.kind === "RECEIPT_MERCHANT" ? backOfficeUrl.order(m.orderId) : undefined,
    });
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
      return { id: m.id, ...afterFailure(classifySendError(e), m.attempts, schedule), language };
    }
  }
}

// One statement per outcome, right after the server answered: the window in which a crash could
// leave a sent message unrecorded (and so sent again, under the same Message-ID) is one round trip.
// An order message moves its order by the `delivered` or `failed` event ($9).
const RECORD_SQL = `
WITH m AS (
  UPDATE "Message" SET status = $2::"MessageStatus", subject = COALESCE($3, subject), body = COALESCE($4, body),
    text = COALESCE($5, text), language = COALESCE($6, language), "providerMessageId" = COALESCE($7, "providerMessageId"),
    error = $8, "claimedAt" = NULL, "nextAttemptAt" = NULL,
    "sentAt" = CASE WHEN $2 = 'SENT' THEN now() ELSE "sentAt" END,
    "failedAt" = CASE WHEN $2 = 'FAILED' THEN now() ELSE NULL END
  WHERE id = $1 AND status = 'SENDING'
  RETURNING id, "orderId", kind, recipient
),
${orderDeliveryCte({
  event: "$9::text",
  superseded: "otherInFlight",
  sendIncrement: "(CASE WHEN $2 = 'SENT' THEN 1 ELSE 0 END)",
  when: "$10::boolean",
  returning: "m.recipient",
})}
${insertAuditSql({
  actor: "SYSTEM",
  action: "'order.delivery.' || o.event",
  shopId: 'o."shopId"',
  orderId: "o.id",
  after: `jsonb_build_object('deliveryStatus', o."deliveryStatus", 'recipient', o.recipient,
    CASE WHEN $2 = 'SENT' THEN 'messageId' ELSE 'reason' END, COALESCE($7, $8))`,
  from: "o",
})}`;

async function recordOutcome(db: Db, o: Outcome) {
  if (o.status === "RETRY") return recordRetry(db, "MAIL", o);
  const sent = o.status === "SENT";
  const event: DeliveryEvent = sent ? "delivered" : "failed";
  await db.sql(RECORD_SQL, [
    o.id,
    o.status,
    sent ? o.subject : null,
    sent ? o.html : null,
    sent ? o.text : null,
    o.language,
    sent ? o.messageId : null,
    sent ? o.note : o.reason,
    event,
    // An order message skipped because the order closed meanwhile leaves the order's status alone.
    !(o.status === "FAILED" && o.reason.startsWith("not sent:")),
  ]);
}
