// The retention sweep (lib/retention) on a controlled clock: which orders go, which are anonymised
// and kept for their transactions, what goes with them, the audit trail, reruns, batches and locks.
import { subMonths, subYears } from "date-fns";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { cancelOrder } from "@/lib/orders/cancel-order";
import { createMailOrders } from "@/lib/orders/create-mail-orders";
import { sweepRetention } from "@/lib/retention/sweep-retention";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { card, newOrder, payNow } from "../helpers/orders";

const NOW = new Date();
const CONFIG = { months: 15, transactionYears: 10 };
const monthsAgo = (n: number) => subMonths(NOW, n);
const sweep = (over: Partial<Parameters<typeof sweepRetention>[1]> = {}) => sweepRetention(db, { now: NOW, config: CONFIG, ...over });

let users: Awaited<ReturnType<typeof seedTenants>>;

/** Moves an order (and its transactions) back in time: validity, payment, last change. */
async function backdate(id: string, at: { validUntil?: Date; paidAt?: Date; updatedAt?: Date; transactionsAt?: Date }) {
  await db.paymentOrder.update({
    where: { id },
    // updatedAt null unless given: a refusal or a cancellation "now" would otherwise date the end.
    data: { validUntil: at.validUntil, paidAt: at.paidAt, updatedAt: at.updatedAt ?? null, createdAt: at.paidAt ?? at.validUntil },
  });
  if (at.transactionsAt)
    await db.transaction.updateMany({ where: { orderId: id }, data: { createdAt: at.transactionsAt, capturedAt: at.transactionsAt } });
}

async function mailOrder(actor: typeof users.operator, reference: string, to: string) {
  const { ids } = await createMailOrders(db, {
    actor,
    values: { shopId: actor.shopIds[0]!, mode: "TEST", amount: "12.50", currency: "EUR", reference, recipients: to },
  });
  return db.paymentOrder.findUniqueOrThrow({ where: { id: ids[0]! }, select: { id: true, token: true } });
}

/** What a purged order must no longer have anywhere, and the personal strings to look for. */
async function personalTraces(orderId: string) {
  const [messages, reminders, challenges, deliveries, events] = await Promise.all([
    db.message.count({ where: { orderId } }),
    db.orderReminder.count({ where: { orderId } }),
    db.paymentChallenge.count({ where: { orderId } }),
    db.webhookDelivery.count({ where: { orderId } }),
    db.auditEvent.findMany({
      where: { orderId },
      select: { action: true, before: true, after: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
  ]);
  return { messages, reminders, challenges, deliveries, events, eventsText: JSON.stringify(events) };
}

async function addChildren(orderId: string, shopId: string, email: string) {
  await db.orderReminder.create({ data: { orderId, step: 3 } });
  const d = await db.webhookDelivery.create({
    data: { shopId, orderId, event: "PAYMENT_ACCEPTED", url: "https://merchant.test/ipn", payload: `kr-answer={"email":"${email}"}` },
  });
  await db.webhookAttempt.create({ data: { deliveryId: d.id, latencyMs: 12, statusCode: 200 } });
  await db.paymentChallenge.create({
    data: {
      id: `${orderId.slice(0, 24)}c0ffee00`,
      orderId,
      brand: "VISA",
      last4: "0014",
      expiryMonth: 12,
      expiryYear: 2030,
      cardName: "Jeanne Buyer",
      codeDigest: "x",
      acquirerState: {},
      threeDs: {},
      expiresAt: NOW,
    },
  });
  await recordAuditEvent(db, {
    actor: users.operator,
    action: "order.update",
    shopId,
    orderId,
    before: { recipient: email, amount: 1250, merchantComment: "call Jeanne at home" },
    after: { recipient: `new.${email}`, amount: 1300 },
  });
}

const statsTotals = () =>
  db.$queryRaw<{ created: bigint; paid: bigint }[]>`SELECT sum(created) AS created, sum(paid) AS paid FROM "ShopDailyStats"`;

describe("retention sweep", () => {
  beforeAll(async () => {
    await resetDatabase();
    users = await seedTenants();
  });

  it("deletes ended orders past RETENTION_MONTHS, anonymises those with kept transactions, leaves the rest", async () => {
    // Unpaid e-mail order, validity ended 16 months ago: deleted with its messages and children.
    const old = await mailOrder(users.operator, "OLD", "jeanne.old@buyer.test");
    await addChildren(old.id, "12345678", "jeanne.old@buyer.test");
    await backdate(old.id, { validUntil: monthsAgo(16) });
    // Ended 14 months ago: kept whole.
    const recent = await mailOrder(users.operator, "RECENT", "paul.recent@buyer.test");
    await backdate(recent.id, { validUntil: monthsAgo(14) });
    // Cancelled 16 months ago but valid until 14 months ago: it ends with its validity, kept.
    const cancelled = await newOrder(users.operator, { reference: "CANCELLED-LATE" });
    await cancelOrder(db, { actor: users.operator, orderId: cancelled.id });
    await backdate(cancelled.id, { validUntil: monthsAgo(14), updatedAt: monthsAgo(16) });
    // Cancelled and valid until 16 months ago: deleted.
    const cancelledOld = await newOrder(users.operator, { reference: "CANCELLED-OLD" });
    await cancelOrder(db, { actor: users.operator, orderId: cancelledOld.id });
    await backdate(cancelledOld.id, { validUntil: monthsAgo(16), updatedAt: monthsAgo(17) });
    // Paid 16 months ago: its transaction is an accounting record for 10 years → anonymised.
    const paid = await mailOrder(users.operator, "PAID", "marie.paid@buyer.test");
    await db.paymentOrder.update({
      where: { id: paid.id },
      data: {
        buyerEmail: "marie.paid@buyer.test",
        merchantComment: "Marie, 3 rue des Lilas",
        collectedData: { name: "Marie Payeur", phone: "+33612345678" },
        metadata: { customerNote: "Marie" },
        apiData: { customer: { email: "marie.paid@buyer.test" }, returnUrl: "https://shop.test/back" },
      },
    });
    await payNow({ token: paid.token, card: card("4970100000000055") });
    await db.transaction.updateMany({ where: { orderId: paid.id }, data: { buyerData: { name: "Marie Payeur" } } });
    await addChildren(paid.id, "12345678", "marie.paid@buyer.test");
    await backdate(paid.id, { paidAt: monthsAgo(16), validUntil: monthsAgo(15), transactionsAt: monthsAgo(16) });
    // Refused once 16 months ago, then expired: a transaction too, so anonymised rather than deleted.
    const refused = await newOrder(users.operator, { reference: "REFUSED", buyerEmail: "rita.refused@buyer.test" });
    await payNow({ token: refused.token, card: card("4970100000000097") });
    await backdate(refused.id, { validUntil: monthsAgo(16), transactionsAt: monthsAgo(16) });
    // Paid 11 years ago: past both periods → deleted with its transaction.
    const ancient = await newOrder(users.operator, { reference: "ANCIENT", buyerEmail: "old.timer@buyer.test" });
    await payNow({ token: ancient.token, card: card("4970100000000055") });
    await backdate(ancient.id, { paidAt: subYears(NOW, 11), validUntil: subYears(NOW, 11), transactionsAt: subYears(NOW, 11) });
    // Another tenant's orders, recent: untouched, events included.
    const otherRecent = await mailOrder(users.other, "OTHER", "olga.other@buyer.test");
    await addChildren(otherRecent.id, "87654321", "olga.other@buyer.test");
    // Rows past their use, and fresh ones.
    await db.idempotencyKey.createMany({
      data: [
        { shopId: "12345678", mode: "TEST", key: "stale", requestHash: "h", response: {}, createdAt: subMonths(NOW, 1) },
        { shopId: "12345678", mode: "TEST", key: "fresh", requestHash: "h", response: {}, createdAt: NOW },
      ],
    });
    await db.rateLimitBucket.createMany({
      data: [
        { key: "signin:email:stale@buyer.test", count: 3, windowStart: subMonths(NOW, 1) },
        { key: "signin:email:fresh@buyer.test", count: 3, windowStart: NOW },
      ],
    });
    await db.caughtMail.createMany({
      data: [
        { shopId: "12345678", to: "jeanne.old@buyer.test", size: 10, receivedAt: monthsAgo(16) },
        { shopId: "12345678", to: "paul.recent@buyer.test", size: 10, receivedAt: monthsAgo(1) },
      ],
    });
    await db.sandboxMessage.createMany({
      data: [
        { channel: "SMS", to: "+33600000001", body: "old", providerMessageId: "SMold", receivedAt: monthsAgo(16) },
        { channel: "SMS", to: "+33600000002", body: "new", providerMessageId: "SMnew", receivedAt: monthsAgo(1) },
      ],
    });
    const statsBefore = await statsTotals();
    const otherBefore = await personalTraces(otherRecent.id);

    const r = await sweep();

    expect(r).toMatchObject({
      complete: true,
      ordersDeleted: 3, // old, cancelledOld, ancient
      ordersAnonymised: 2, // paid, refused
      transactionsDeleted: 1,
      transactionsAnonymised: 1,
      remindersDeleted: 2,
      challengesDeleted: 2,
      idempotencyKeysDeleted: 1,
      rateLimitBucketsDeleted: 1,
      caughtMailsDeleted: 1,
      sandboxMessagesDeleted: 1,
    });
    const left = new Set((await db.paymentOrder.findMany({ select: { id: true } })).map((o) => o.id));
    for (const o of [old, cancelledOld, ancient]) expect(left.has(o.id)).toBe(false);
    for (const o of [recent, cancelled, paid, refused, otherRecent]) expect(left.has(o.id)).toBe(true);
    expect(await db.transaction.count({ where: { orderId: ancient.id } })).toBe(0);
    expect(r.webhookDeliveriesDeleted).toBeGreaterThanOrEqual(2); // ours, and any the seeded rules queued
    expect(await db.webhookAttempt.count()).toBe(1); // the other tenant's

    // Deleted and anonymised orders: no message, child row or personal detail in their events.
    for (const o of [old, paid, ancient]) {
      const t = await personalTraces(o.id);
      expect(t).toMatchObject({ messages: 0, reminders: 0, challenges: 0, deliveries: 0 });
      expect(t.eventsText).not.toMatch(/@buyer\.test|Jeanne|Marie|Lilas/);
      expect(t.events.length).toBeGreaterThan(0); // the history is kept
    }
    const update = (await personalTraces(paid.id)).events.find((e) => e.action === "order.update");
    expect(update).toMatchObject({ before: { amount: 1250 }, after: { amount: 1300 } });
    expect((await personalTraces(old.id)).events.find((e) => e.action === "order.create")?.after).toMatchObject({
      reference: "OLD",
      status: "RUNNING",
    });

    const kept = await db.paymentOrder.findUniqueOrThrow({ where: { id: paid.id } });
    expect(kept).toMatchObject({
      status: "PAID",
      reference: "PAID",
      amount: 1250n,
      recipient: null,
      bcc: null,
      buyerEmail: null,
      subject: null,
      message: null,
      merchantComment: null,
      collectedData: null,
      metadata: {},
      apiData: { returnUrl: "https://shop.test/back" },
      anonymisedAt: NOW,
    });
    const tx = await db.transaction.findFirstOrThrow({ where: { orderId: paid.id } });
    expect(tx).toMatchObject({ amount: 1250n, currency: "EUR", brand: "VISA", last4: "0055", buyerData: null });
    expect(await db.transaction.count({ where: { orderId: refused.id, status: "REFUSED" } })).toBe(1);

    // Untouched: the recent order, the late-ending cancelled one, the other tenant's.
    expect(await db.message.count({ where: { orderId: recent.id } })).toBe(1);
    expect((await db.paymentOrder.findUniqueOrThrow({ where: { id: recent.id } })).recipient).toBe("paul.recent@buyer.test");
    expect(await personalTraces(otherRecent.id)).toEqual(otherBefore);
    expect(await db.idempotencyKey.count()).toBe(1);
    const buckets = (await db.rateLimitBucket.findMany()).map((b) => b.key);
    expect(buckets).toContain("signin:email:fresh@buyer.test");
    expect(buckets).not.toContain("signin:email:stale@buyer.test");
    expect((await db.caughtMail.findMany()).map((m) => m.to)).toEqual(["paul.recent@buyer.test"]);
    expect((await db.sandboxMessage.findMany()).map((m) => m.body)).toEqual(["new"]);
    // The dashboard's counters are aggregates: the history stays.
    expect(await statsTotals()).toEqual(statsBefore);

    // One audit event per run, by the system, with the counts and the cutoffs.
    const runs = await db.auditEvent.findMany({ where: { action: "retention.sweep" } });
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ actorType: "SYSTEM", companyId: null, shopId: null, orderId: null });
    expect(runs[0]!.after).toMatchObject({
      ordersDeleted: 3,
      ordersAnonymised: 2,
      complete: true,
      retentionMonths: 15,
      transactionYears: 10,
      ordersEndedBefore: monthsAgo(15).toISOString(),
    });

    // A rerun finds nothing left to do (its own audit event says so) and changes nothing.
    const again = await sweep();
    expect(Object.entries(again).filter(([k, v]) => k !== "complete" && v !== 0)).toEqual([]);
    expect(await db.auditEvent.count({ where: { action: "retention.sweep" } })).toBe(2);
    expect((await db.paymentOrder.findUniqueOrThrow({ where: { id: paid.id } })).anonymisedAt).toEqual(NOW);

    // Ten years after its payment, the anonymised order goes with its transaction.
    const later = await sweepRetention(db, { now: subMonths(subYears(NOW, -10), -1), config: CONFIG });
    expect(later).toMatchObject({ ordersDeleted: 5, transactionsDeleted: 2, ordersAnonymised: 0 });
    expect(await db.paymentOrder.count({ where: { id: { in: [paid.id, refused.id] } } })).toBe(0);
  });

  it("works in bounded batches and skips orders locked by someone else, for the next run", async () => {
    await resetDatabase();
    users = await seedTenants();
    const orders = await Promise.all(Array.from({ length: 7 }, (_, i) => newOrder(users.operator, { reference: `B-${i}` })));
    await db.paymentOrder.updateMany({ data: { validUntil: monthsAgo(20), createdAt: monthsAgo(20) } });
    const paid = await newOrder(users.operator, { reference: "B-PAID" });
    await payNow({ token: paid.token, card: card("4970100000000055") });
    await backdate(paid.id, { paidAt: monthsAgo(20), validUntil: monthsAgo(20), transactionsAt: monthsAgo(20) });

    // A payment attempt (or anything else) holding one order's row: the sweep does not wait for it.
    const holder = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await holder.connect();
    try {
      await holder.query("BEGIN");
      await holder.query(`SELECT 1 FROM "PaymentOrder" WHERE id = $1 FOR UPDATE`, [orders[0]!.id]);
      const r = await sweep({ batchSize: 3 });
      expect(r).toMatchObject({ ordersDeleted: 6, ordersAnonymised: 1, complete: true });
      expect(await db.paymentOrder.count({ where: { id: orders[0]!.id } })).toBe(1);
      await holder.query("COMMIT");
    } finally {
      await holder.end();
    }
    expect(await sweep({ batchSize: 3 })).toMatchObject({ ordersDeleted: 1, ordersAnonymised: 0 });
    expect(await db.paymentOrder.count()).toBe(1);
  });

  it("a run stopped by the worker's shutdown records what it did and leaves the rest to the next run", async () => {
    await resetDatabase();
    users = await seedTenants();
    await Promise.all(Array.from({ length: 4 }, (_, i) => newOrder(users.operator, { reference: `S-${i}` })));
    await db.paymentOrder.updateMany({ data: { validUntil: monthsAgo(20), createdAt: monthsAgo(20) } });
    const stop = new AbortController();
    stop.abort();
    const r = await sweep({ batchSize: 2, signal: stop.signal });
    expect(r).toMatchObject({ complete: false, ordersDeleted: 0 });
    const run = await db.auditEvent.findFirstOrThrow({ where: { action: "retention.sweep" } });
    expect(run.after).toMatchObject({ complete: false });
    expect(await sweep({ batchSize: 2 })).toMatchObject({ complete: true, ordersDeleted: 4 });
  });

  it("an order paid in instalments ends with its last instalment", async () => {
    await resetDatabase();
    users = await seedTenants();
    const o = await newOrder(users.operator, { reference: "INSTALMENTS", buyerEmail: "ivan.instalments@buyer.test" });
    await payNow({ token: o.token, card: card("4970100000000055") });
    await backdate(o.id, { paidAt: monthsAgo(20), validUntil: monthsAgo(20), transactionsAt: monthsAgo(20) });
    const charge = (index: number, status: "PAID" | "PENDING", at: Date) => ({
      orderId: o.id,
      index,
      amount: 1000n,
      dueDate: at,
      nextAttemptAt: at,
      status,
      updatedAt: at,
    });
    await db.instalmentCharge.createMany({ data: [charge(1, "PAID", monthsAgo(20)), charge(2, "PENDING", monthsAgo(19))] });
    const state = () => db.paymentOrder.findUnique({ where: { id: o.id }, select: { buyerEmail: true, anonymisedAt: true } });

    // One still pending (a retry, say): the order has not ended.
    expect(await sweep()).toMatchObject({ ordersDeleted: 0, ordersAnonymised: 0 });
    // The last one settled 14 months ago: not yet.
    await db.instalmentCharge.updateMany({ where: { orderId: o.id, index: 2 }, data: { status: "PAID", updatedAt: monthsAgo(14) } });
    expect(await sweep()).toMatchObject({ ordersDeleted: 0, ordersAnonymised: 0 });
    expect(await state()).toEqual({ buyerEmail: "ivan.instalments@buyer.test", anonymisedAt: null });
    // 16 months ago: anonymised (its transactions are still kept), the schedule with them.
    await db.instalmentCharge.updateMany({ where: { orderId: o.id, index: 2 }, data: { updatedAt: monthsAgo(16) } });
    expect(await sweep()).toMatchObject({ ordersDeleted: 0, ordersAnonymised: 1 });
    expect(await state()).toEqual({ buyerEmail: null, anonymisedAt: NOW });
    expect(await db.instalmentCharge.count({ where: { orderId: o.id } })).toBe(2);
    // Past the accounting retention: order, transactions and schedule go together.
    const later = await sweepRetention(db, { now: subYears(NOW, -11), config: CONFIG });
    expect(later).toMatchObject({ ordersDeleted: 1, transactionsDeleted: 1, instalmentsDeleted: 2 });
    expect(await state()).toBeNull();
  });

  it("refuses a malformed retention period with one line naming it", async () => {
    const { retentionConfig } = await import("@/lib/retention/retention-config");
    expect(() => retentionConfig({ RETENTION_MONTHS: "fifteen" })).toThrow(/^Invalid configuration: RETENTION_MONTHS/);
    expect(() => retentionConfig({ RETENTION_TRANSACTION_YEARS: "0" })).toThrow(/RETENTION_TRANSACTION_YEARS/);
    expect(retentionConfig({})).toEqual({ months: 15, transactionYears: 10 });
    expect(retentionConfig({ RETENTION_MONTHS: "24", RETENTION_TRANSACTION_YEARS: "6" })).toEqual({ months: 24, transactionYears: 6 });
  });
});
