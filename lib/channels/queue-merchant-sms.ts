// Issue 21 (manual §1.3.1): the merchant's SMS notices. A notification rule of kind SMS sends the
// merchant's phone a short text on each event it listens to (an accepted or refused payment, an
// order expired or cancelled, a capture, a cancellation, a refund, a failed instalment), queued in
// the transaction that raises the event, its credits taken like any SMS's. Without credits left
// the notice is skipped: the change that raised the event never fails for it.
import { gaps21En, gaps21Fr } from "../i18n/messages/gaps21";
import { formatMoney } from "../money/format-money";
import type { NotificationEvent } from "../notifications/events";
import type { Db } from "../server/db";
import { isAppError } from "../server/errors";
import { debitSmsCredits, SMS_CREDITS_SHORT } from "./debit-sms-credits";
import { type NewMessage, queueMessages, smsColumns } from "./queue-messages";
import { countSms } from "./sms-segments";

type Event = { orderId: string; event: NotificationEvent; transactionId?: string | null };

/** The notice's text: the shop, what happened, the amount (the transaction's when there is one), the reference. */
export function merchantSmsText(
  lang: "fr" | "en",
  input: { event: NotificationEvent; shop: string; amount: number; currency: string; reference: string | null },
): string {
  const m = lang === "fr" ? gaps21Fr : gaps21En;
  return m[`sms_merchant_${input.event}` as keyof typeof gaps21Fr]
    .replace("{shop}", input.shop)
    .replace("{amount}", formatMoney(input.amount, input.currency, lang))
    .replace("{reference}", input.reference ?? "—");
}

/** Queues the SMS notices of `events` on the caller's transaction; returns the messages' ids. */
export async function queueMerchantSms(tx: Db, events: Event[]): Promise<string[]> {
  if (!events.length) return [];
  const eventNames = [...new Set(events.map((e) => e.event))];
  // The sweeps raise thousands of events: without an SMS rule listening anywhere, one query.
  const any = await tx.notificationRule.findFirst({
    where: { kind: "SMS", enabled: true, events: { hasSome: eventNames } },
    select: { id: true },
  });
  if (!any) return [];
  const orders = await tx.paymentOrder.findMany({
    where: { id: { in: [...new Set(events.map((e) => e.orderId))] } },
    select: {
      id: true,
      shopId: true,
      channel: true,
      reference: true,
      amount: true,
      currency: true,
      shop: { select: { name: true, defaultLanguage: true } },
    },
  });
  const byId = new Map(orders.map((o) => [o.id, o]));
  const rules = await tx.notificationRule.findMany({
    where: { shopId: { in: [...new Set(orders.map((o) => o.shopId))] }, kind: "SMS", enabled: true, events: { hasSome: eventNames } },
    select: { shopId: true, events: true, channels: true, smsPhone: true },
    orderBy: { createdAt: "asc" },
  });
  if (!rules.length) return [];
  const txIds = [...new Set(events.flatMap((e) => (e.transactionId ? [e.transactionId] : [])))];
  const amounts = new Map(
    txIds.length
      ? (await tx.transaction.findMany({ where: { id: { in: txIds } }, select: { id: true, amount: true, currency: true } })).map((t) => [
          t.id,
          t,
        ])
      : [],
  );
  const messages: NewMessage[] = [];
  for (const e of events) {
    const o = byId.get(e.orderId);
    if (!o) continue;
    const phones = new Set<string>();
    for (const r of rules) {
      if (r.shopId !== o.shopId || !r.smsPhone || !r.events.includes(e.event)) continue;
      if (r.channels.length && !r.channels.includes(o.channel)) continue;
      if (phones.has(r.smsPhone)) continue;
      phones.add(r.smsPhone);
      const t = e.transactionId ? amounts.get(e.transactionId) : undefined;
      const lang = o.shop.defaultLanguage === "fr" ? "fr" : "en";
      const text = merchantSmsText(lang, {
        event: e.event,
        shop: o.shop.name,
        amount: Number(t ? t.amount : o.amount),
        currency: t?.currency ?? o.currency,
        reference: o.reference,
      });
      const sms = smsColumns(countSms(text));
      try {
        await debitSmsCredits(tx, { shopId: o.shopId, credits: sms.credits });
      } catch (err) {
        if (isAppError(err) && err.reason === SMS_CREDITS_SHORT) continue;
        throw err;
      }
      messages.push({ orderId: o.id, channel: "SMS", kind: "MERCHANT_SMS", recipient: r.smsPhone, text, sms });
    }
  }
  return messages.length ? queueMessages(tx, messages) : [];
}
