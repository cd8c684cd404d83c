import type pg from "pg";
import { deliveryStatusAfterSql } from "../orders/delivery-status";
import { canTransition } from "../orders/order-status";
import type { Db } from "../server/db";
import type { OrderStatus } from "../server/generated/prisma/enums";
import { jobRequestId } from "../server/request-context";
import { paymentUrl } from "../shared/links";
import { deliveryJobExpireSeconds, queueOfChannel } from "./queues";

// What the e-mail, SMS and WhatsApp workers share: the claim of a batch (and of a dead worker's
// stale claims), the retry decision on the channel's schedule, the re-queue of a transient
// failure, and the order's side of an outcome — its send count and its delivery status, moved
// only through the table (lib/orders/delivery-status.ts). Rendering, sending and the provider's
// own statuses stay in each channel's files.

export type MessageChannel = "MAIL" | "SMS" | "WHATSAPP";

/** Seconds a claim holds: a SENDING message claimed longer ago belongs to a dead worker. */
export const claimLease = () => Math.max(1, deliveryJobExpireSeconds() - 5);

/** SQL: message `m` is SENDING under a claim older than `lease` seconds (SQL): its worker died. */
export const isStaleClaimSql = (m: string, lease: string) =>
  `${m}.status = 'SENDING' AND ${m}."claimedAt" < now() - make_interval(secs => ${lease})`;

/**
 * The claim of a batch in one statement ($1 message ids, $2 channel, $3 lease): the channel's
 * messages due now, or stale claims, become SENDING with one more attempt; the claim commits
 * before anything is sent. `c` holds the claimed rows (id, orderId, kind, recipient, attempts and
 * the channel's `columns` of `m`); `select` reads what the channel needs with them.
 */
export const claimSql = (columns: string, select: string) => `
WITH c AS (
  UPDATE "Message" m SET status = 'SENDING', "claimedAt" = now(), attempts = m.attempts + 1
  WHERE m.id = ANY($1::uuid[]) AND m.channel = $2::"Channel"
    AND ((m.status = 'QUEUED' AND (m."nextAttemptAt" IS NULL OR m."nextAttemptAt" <= now() + interval '2 seconds'))
      OR (${isStaleClaimSql("m", "$3")}))
  RETURNING m.id, m."orderId", m.kind, m.recipient, m.attempts, ${columns}
)
${select}`;

/** What every channel's claim reads of a message, its order and its shop (claimSql's `c` and the joins). */
export type ClaimedMessage = {
  id: string;
  orderId: string;
  recipient: string;
  attempts: number;
  reference: string | null;
  amount: string;
  currency: string;
  locale: string;
  createdAt: Date;
  validUntil: Date;
  token: string;
  orderStatus: string;
  orderMessage: string | null;
  templateId: string | null;
  shopId: string;
  shopName: string;
  timeZone: string;
  shopUrl: string | null;
  defaultLanguage: string;
  contact: string | null;
};

/** The order's values a claimed message is rendered with (messageVariables' input, without a payment). */
export const orderValuesOf = (m: ClaimedMessage) => ({
  reference: m.reference,
  amount: BigInt(m.amount),
  currency: m.currency,
  createdAt: m.createdAt,
  validUntil: m.validUntil,
  paymentUrl: paymentUrl(m.token),
  shop: { name: m.shopName, timeZone: m.timeZone, url: m.shopUrl, contact: m.contact },
});

export async function claimMessages<T extends pg.QueryResultRow>(db: Db, channel: MessageChannel, sql: string, messageIds: string[]) {
  const { rows } = await db.sql<T>(sql, [messageIds, channel, claimLease()]);
  return rows;
}

type OrderOfMessage = { kind: string; orderStatus: string; validUntil: Date };

/** An order message goes out only while the order can still be paid (the order table's `pay`). */
export const isOrderOpen = (m: OrderOfMessage) => canTransition(m.orderStatus as OrderStatus, "pay");

/** Why an order's message or reminder is no longer sent (null: send it). */
export function closedOrderReason(m: OrderOfMessage): string | null {
  if (m.kind !== "ORDER" && m.kind !== "REMINDER") return null;
  if (!isOrderOpen(m)) return `not sent: the order is ${m.orderStatus.toLowerCase()}`;
  // A reminder queued just before the validity ended is not sent after it (the expiry sweep may lag).
  if (m.kind === "REMINDER" && new Date(m.validUntil).getTime() <= Date.now()) return "not sent: the order is expired";
  return null;
}

const SCHEDULES: Record<MessageChannel, () => string> = {
  MAIL: () => process.env.MAIL_RETRY_SCHEDULE ?? "60,300,900,3600,14400,43200",
  SMS: () => process.env.SMS_RETRY_SCHEDULE ?? "30,120,600,1800,3600",
  WHATSAPP: () => process.env.WHATSAPP_RETRY_SCHEDULE ?? "30,120,600,1800,3600",
};

/** Seconds to wait before each new attempt after a transient failure; past the last one, failed. */
export function retrySchedule(channel: MessageChannel): number[] {
  return SCHEDULES[channel]()
    .split(",")
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isFinite(n) && n >= 0);
}

export type FailureOutcome = { status: "FAILED"; reason: string } | { status: "RETRY"; reason: string; after: number };

/** A send that failed on its `attempts`-th attempt: failed for good if permanent or past the schedule, else retried. */
export function afterFailure(f: { reason: string; permanent: boolean }, attempts: number, schedule: number[]): FailureOutcome {
  const wait = schedule[attempts - 1];
  if (f.permanent) return { status: "FAILED", reason: f.reason };
  if (wait === undefined) return { status: "FAILED", reason: `${f.reason} (gave up after ${attempts} attempts)` };
  return { status: "RETRY", reason: f.reason, after: wait };
}

const RETRY_SQL = `UPDATE "Message" SET status = 'QUEUED', error = $2, "claimedAt" = NULL, language = COALESCE($4, language),
  "nextAttemptAt" = now() + make_interval(secs => $3) WHERE id = $1 AND status = 'SENDING'`;

/** A transient failure: queued again with its channel's job due after `after` seconds, atomically. */
export async function recordRetry(
  db: Db,
  channel: MessageChannel,
  r: { id: string; reason: string; after: number; language: string | null },
) {
  await db.$transaction(async (tx) => {
    await tx.sql(RETRY_SQL, [r.id, r.reason, r.after, r.language]);
    await tx.enqueue(
      queueOfChannel(channel),
      { messageId: r.id, requestId: jobRequestId(r.id) },
      { startAfter: new Date(Date.now() + r.after * 1000) },
    );
  });
}

// When another of the order's messages decides its delivery status instead of this one (`m`).
const SUPERSEDED = {
  // E-mail: while another order message is still on its way, the last one to finish decides.
  otherInFlight: `EXISTS (SELECT 1 FROM "Message" q WHERE q."orderId" = p.id AND q.kind = 'ORDER' AND q.id <> m.id AND q.status IN ('QUEUED', 'SENDING'))`,
  // SMS, WhatsApp: the newest order message decides (an older one's report after a resend changes nothing).
  newer: `EXISTS (SELECT 1 FROM "Message" q WHERE q."orderId" = p.id AND q.kind = 'ORDER' AND q.id > m.id)`,
};

/**
 * The order's side of an outcome, as the CTE `o` over the updated message `m` (an order message,
 * when `when` holds): the send count plus `sendIncrement`, and the delivery status moved by
 * `event` (SQL: a delivery event's name, or NULL) through the table, unless another message
 * supersedes this one. `o` returns the order's id, shopId, deliveryStatus (after), the event, and
 * `returning`.
 */
export const orderDeliveryCte = (s: {
  event: string;
  superseded: keyof typeof SUPERSEDED;
  sendIncrement: string;
  when: string;
  returning?: string;
}) => `o AS (
  UPDATE "PaymentOrder" p SET "sendCount" = p."sendCount" + ${s.sendIncrement},
    "deliveryStatus" = CASE WHEN ${SUPERSEDED[s.superseded]} THEN p."deliveryStatus"
      ELSE ${deliveryStatusAfterSql('p."deliveryStatus"', s.event)} END
  FROM m WHERE p.id = m."orderId" AND m.kind = 'ORDER' AND ${s.when}
  RETURNING p.id, p."shopId", p."deliveryStatus", ${s.event} AS event${s.returning ? `, ${s.returning}` : ""}
)`;
