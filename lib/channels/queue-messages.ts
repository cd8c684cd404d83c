import { fromPrisma } from "pg-boss";
import type { Tx } from "../server/db";
import { getBoss } from "../server/jobs/boss";
import { type DeliverMessageJob, queueOfChannel } from "../server/jobs/queues";
import { withRequestId } from "../server/request-context";
import { bossDb, type SqlClient } from "../server/sql";
import { uuid7 } from "../server/uuid7";
import { debitSmsCredits, sqlOfTx } from "./debit-sms-credits";
import { countSms, type SmsCount } from "./sms-segments";

export type MessageKind = "ORDER" | "RECEIPT_BUYER" | "RECEIPT_MERCHANT" | "REMINDER";
export type NewMessage = {
  orderId: string;
  channel: "MAIL" | "SMS" | "WHATSAPP";
  kind: MessageKind;
  recipient: string;
  bcc?: string | null;
  /** A receipt's template (its e-mail rule's choice); none: the shop's default for the kind. */
  templateId?: string | null;
  /** SMS: the parts of its text and the credits taken for it. */
  sms?: { segments: number; encoding: string; credits: number };
  /** A text rendered when queued (an SMS reminder: the credits were counted on it); sent as it is. */
  text?: string | null;
};

/** An SMS's columns from its count (1 credit = 1 part). */
export const smsColumns = (count: SmsCount) => ({ segments: count.segments, encoding: count.encoding, credits: count.segments });

// One statement for any number of messages (a 10,000-recipient fan-out is one round trip).
const INSERT_SQL = `INSERT INTO "Message" (id, "orderId", channel, kind, recipient, bcc, segments, encoding, credits, "templateId", text, status, "createdAt")
  SELECT * , 'QUEUED'::"MessageStatus", now() FROM unnest($1::uuid[], $2::char(32)[], $3::"Channel"[], $4::text[], $5::text[], $6::text[],
    $7::int[], $8::text[], $9::int[], $10::uuid[], $11::text[])`;

function prepare(messages: NewMessage[]) {
  const ids = messages.map(() => uuid7());
  const values = [
    ids,
    messages.map((m) => m.orderId),
    messages.map((m) => m.channel),
    messages.map((m) => m.kind),
    messages.map((m) => m.recipient),
    messages.map((m) => m.bcc ?? null),
    messages.map((m) => m.sms?.segments ?? null),
    messages.map((m) => m.sms?.encoding ?? null),
    messages.map((m) => m.sms?.credits ?? null),
    messages.map((m) => m.templateId ?? null),
    messages.map((m) => m.text ?? null),
  ];
  const byQueue = new Map<string, { data: DeliverMessageJob }[]>();
  messages.forEach((m, i) => {
    const q = queueOfChannel(m.channel);
    if (!byQueue.has(q)) byQueue.set(q, []);
    byQueue.get(q)!.push({ data: withRequestId({ messageId: ids[i]! }) });
  });
  return { ids, values, byQueue };
}

/**
 * Records messages to send and their delivery jobs on the caller's transaction (raw SQL client):
 * the messages exist, and will be sent, iff the transaction commits.
 */
export async function queueMessages(client: SqlClient, messages: NewMessage[]): Promise<string[]> {
  if (!messages.length) return [];
  const { ids, values, byQueue } = prepare(messages);
  await client.query(INSERT_SQL, values);
  const boss = await getBoss();
  for (const [queue, jobs] of byQueue) await boss.insert(queue, jobs, { db: bossDb(client) });
  return ids;
}

/** The same on a Prisma interactive transaction. */
export async function queueMessagesTx(tx: Tx, messages: NewMessage[]): Promise<string[]> {
  if (!messages.length) return [];
  const { ids, values, byQueue } = prepare(messages);
  await tx.$executeRawUnsafe(INSERT_SQL, ...values);
  const boss = await getBoss();
  // biome-ignore lint/suspicious/noExplicitAny: pg-boss' adapter accepts any Prisma transaction client
  for (const [queue, jobs] of byQueue) await boss.insert(queue, jobs, { db: fromPrisma(tx as any) });
  return ids;
}

/**
 * Resend / modify-and-resend: the order's message queued again to its current recipients. An SMS
 * goes out with the order's text as it stands (rendered when created or modified) and takes its
 * credits again, in the same transaction; not enough credits → VALIDATION, nothing queued.
 */
export async function queueOrderMessageAgain(tx: Tx, orderId: string) {
  const o = await tx.paymentOrder.findUniqueOrThrow({
    where: { id: orderId },
    select: { channel: true, recipient: true, bcc: true, message: true, shopId: true },
  });
  if ((o.channel !== "MAIL" && o.channel !== "SMS" && o.channel !== "WHATSAPP") || !o.recipient) return [];
  const sms = o.channel === "SMS" ? smsColumns(countSms(o.message ?? "")) : undefined;
  if (sms) await debitSmsCredits(sqlOfTx(tx), { shopId: o.shopId, credits: sms.credits });
  return queueMessagesTx(tx, [{ orderId, channel: o.channel, kind: "ORDER", recipient: o.recipient, bcc: o.bcc, sms }]);
}
