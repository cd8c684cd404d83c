import type { Db } from "../server/db";
import { withRequestId } from "../server/request-context";
import { uuid7 } from "../server/uuid7";
import { debitSmsCredits } from "./debit-sms-credits";
import { type DeliverMessageJob, queueOfChannel } from "./queues";
import { countSms, type SmsCount } from "./sms-segments";

export type MessageKind = "ORDER" | "RECEIPT_BUYER" | "RECEIPT_MERCHANT" | "REMINDER" | "MERCHANT_SMS";
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
  const byChannel = new Map<NewMessage["channel"], DeliverMessageJob[]>();
  messages.forEach((m, i) => {
    if (!byChannel.has(m.channel)) byChannel.set(m.channel, []);
    byChannel.get(m.channel)!.push(withRequestId({ messageId: ids[i]! }));
  });
  return { ids, values, byChannel };
}

/**
 * Records messages to send and their delivery jobs on the caller's transaction: the messages
 * exist, and will be sent, iff the transaction commits.
 */
export async function queueMessages(db: Db, messages: NewMessage[]): Promise<string[]> {
  if (!messages.length) return [];
  const { ids, values, byChannel } = prepare(messages);
  await db.sql(INSERT_SQL, values);
  for (const [channel, jobs] of byChannel) await db.enqueue(queueOfChannel(channel), jobs);
  return ids;
}

/**
 * Resend / modify-and-resend: the order's message queued again to its current recipients. An SMS
 * goes out with the order's text as it stands (rendered when created or modified) and takes its
 * credits again, in the same transaction; not enough credits → VALIDATION, nothing queued.
 */
export async function queueOrderMessageAgain(tx: Db, orderId: string) {
  const o = await tx.paymentOrder.findUniqueOrThrow({
    where: { id: orderId },
    select: { channel: true, recipient: true, bcc: true, message: true, shopId: true },
  });
  if ((o.channel !== "MAIL" && o.channel !== "SMS" && o.channel !== "WHATSAPP") || !o.recipient) return [];
  const sms = o.channel === "SMS" ? smsColumns(countSms(o.message ?? "")) : undefined;
  if (sms) await debitSmsCredits(tx, { shopId: o.shopId, credits: sms.credits });
  return queueMessages(tx, [{ orderId, channel: o.channel, kind: "ORDER", recipient: o.recipient, bcc: o.bcc, sms }]);
}
