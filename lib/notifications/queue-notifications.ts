// Raises notification events inside the transaction of the state change that causes them: for
// each enabled "URL call" rule of the shop listening to the event (and to the order's channel), a
// WebhookDelivery row with its signed body and a pg-boss job — both exist iff the change commits.
// An order's own ipnTargetUrl (API) replaces the rules' URL for that order, and receives the
// payment events' IPN even when no rule listens (spec §11.1).
import { queueMerchantSms } from "../channels/queue-merchant-sms";
import type { Db } from "../server/db";
import type { Channel } from "../server/generated/prisma/enums";
import { withRequestId } from "../server/request-context";
import { decryptSecret } from "../server/secrets";
import { uuid7 } from "../server/uuid7";
import { buildKrAnswer, formBody, loadPayloadOrder, restBody } from "./build-payload";
import { type HashKey, IPN_EVENTS, type NotificationEvent } from "./events";
import { webhookQueue } from "./queues";

export type RaisedEvent = { orderId: string; event: NotificationEvent; transactionId?: string | null };

type Target = { ruleId: string | null; url: string; format: "REST" | "FORM"; hashKey: HashKey; retry: boolean; alertEmail: string | null };

/** `requestId`: the HTTP request whose change raised the event (the worker's log lines name it). */
export type { WebhookJob } from "./queues";

/** Queues the notifications of `events` on the caller's transaction; returns the deliveries' ids. */
export async function queueNotifications(tx: Db, events: RaisedEvent[]): Promise<string[]> {
  if (!events.length) return [];
  // The merchant's SMS rules (issue 21) listen to the same events, in the same transaction.
  await queueMerchantSms(tx, events);
  const eventNames = [...new Set(events.map((e) => e.event))];
  // The sweeps raise thousands of events: without a rule listening anywhere, stop at one query.
  if (!events.some((e) => IPN_EVENTS.includes(e.event))) {
    const any = await tx.notificationRule.findFirst({
      where: { kind: "URL_CALL", enabled: true, events: { hasSome: eventNames } },
      select: { id: true },
    });
    if (!any) return [];
  }
  const orderIds = [...new Set(events.map((e) => e.orderId))];
  const orders = await tx.paymentOrder.findMany({
    where: { id: { in: orderIds } },
    select: { id: true, shopId: true, mode: true, channel: true, ipnTargetUrl: true },
  });
  const byId = new Map(orders.map((o) => [o.id, o]));
  const shopIds = [...new Set(orders.map((o) => o.shopId))];
  const rules = await tx.notificationRule.findMany({
    where: { shopId: { in: shopIds }, kind: "URL_CALL", enabled: true, events: { hasSome: eventNames }, sources: { has: "PAYMENT_ORDER" } },
    select: {
      id: true,
      shopId: true,
      events: true,
      channels: true,
      urlTest: true,
      urlProd: true,
      formUrlTest: true,
      formUrlProd: true,
      format: true,
      hashKey: true,
      retry: true,
      alertEmail: true,
    },
  });
  const hasOwnUrl = orders.some((o) => o.ipnTargetUrl);
  if (!rules.length && !hasOwnUrl) return [];

  const planned: { e: RaisedEvent; shopId: string; mode: "TEST" | "PRODUCTION"; target: Target }[] = [];
  for (const e of events) {
    const o = byId.get(e.orderId);
    if (!o) continue;
    const matching = rules.filter(
      (r) => r.shopId === o.shopId && r.events.includes(e.event) && (r.channels.length === 0 || r.channels.includes(o.channel as Channel)),
    );
    const targets = new Map<string, Target>();
    for (const r of matching) {
      const url = o.ipnTargetUrl ?? (o.mode === "TEST" ? r.urlTest : r.urlProd);
      if (!url) continue;
      const hashKey = (r.hashKey === "sha256_hmac" ? "sha256_hmac" : "password") as HashKey;
      const t: Target = { ruleId: r.id, url, format: r.format, hashKey, retry: r.retry, alertEmail: r.alertEmail };
      targets.set(`${t.url}|${t.format}|${t.hashKey}`, t);
      // Issue 21: a REST rule may also call form-format URLs (not when the order names its own URL).
      const formUrl = o.ipnTargetUrl ? null : o.mode === "TEST" ? r.formUrlTest : r.formUrlProd;
      if (formUrl) {
        const f: Target = { ruleId: r.id, url: formUrl, format: "FORM", hashKey: "password", retry: r.retry, alertEmail: r.alertEmail };
        targets.set(`${f.url}|${f.format}|${f.hashKey}`, f);
      }
    }
    if (!matching.length && o.ipnTargetUrl && IPN_EVENTS.includes(e.event)) {
      targets.set(o.ipnTargetUrl, {
        ruleId: null,
        url: o.ipnTargetUrl,
        format: "REST",
        hashKey: "password",
        retry: true,
        alertEmail: null,
      });
    }
    for (const target of targets.values()) planned.push({ e, shopId: o.shopId, mode: o.mode, target });
  }
  if (!planned.length) return [];

  // Bodies: the order as it stands in this transaction, signed with the shop's keys of the mode.
  const now = new Date();
  const keys = new Map<string, { testPassword: string; prodPassword: string; testHmac: string; prodHmac: string }>();
  const shops = await tx.shop.findMany({
    where: { id: { in: [...new Set(planned.map((p) => p.shopId))] } },
    select: { id: true, testPasswordEnc: true, prodPasswordEnc: true, testHmacKeyEnc: true, prodHmacKeyEnc: true },
  });
  for (const s of shops) {
    keys.set(s.id, {
      testPassword: decryptSecret(s.testPasswordEnc),
      prodPassword: decryptSecret(s.prodPasswordEnc),
      testHmac: decryptSecret(s.testHmacKeyEnc),
      prodHmac: decryptSecret(s.prodHmacKeyEnc),
    });
  }
  const payloadOrders = new Map<string, NonNullable<Awaited<ReturnType<typeof loadPayloadOrder>>>>();
  for (const id of new Set(planned.map((p) => p.e.orderId))) {
    const o = await loadPayloadOrder(tx, id);
    if (o) payloadOrders.set(id, o);
  }
  const answers = new Map<string, string>();
  const rows = [];
  for (const p of planned) {
    const order = payloadOrders.get(p.e.orderId);
    const k = keys.get(p.shopId);
    if (!order || !k) continue;
    const test = p.mode === "TEST";
    let payload: string;
    if (p.target.format === "FORM") payload = formBody(order, p.e.event, test ? k.testHmac : k.prodHmac, now);
    else {
      let answer = answers.get(order.id);
      if (!answer) {
        answer = buildKrAnswer(order, now);
        answers.set(order.id, answer);
      }
      const key = p.target.hashKey === "sha256_hmac" ? (test ? k.testHmac : k.prodHmac) : test ? k.testPassword : k.prodPassword;
      payload = restBody(answer, p.target.hashKey, key);
    }
    rows.push({
      id: uuid7(),
      ruleId: p.target.ruleId,
      shopId: p.shopId,
      mode: p.mode,
      orderId: p.e.orderId,
      transactionId: p.e.transactionId ?? null,
      event: p.e.event,
      url: p.target.url,
      format: p.target.format,
      payload,
      retry: p.target.retry,
      alertEmail: p.target.alertEmail,
      nextAttemptAt: now,
    });
  }
  if (!rows.length) return [];
  await tx.webhookDelivery.createMany({ data: rows });
  await tx.enqueue(
    webhookQueue,
    rows.map((r) => withRequestId({ deliveryId: r.id })),
  );
  return rows.map((r) => r.id);
}
