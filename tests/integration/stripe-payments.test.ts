// PRODUCTION orders paid through Stripe Checkout (issue 20), against the fake Stripe over real
// HTTP: the server front receives the signed webhooks and the buyer's return, recordProcessorOutcome
// records the outcome once whatever their order; forged webhooks are refused and logged; manual
// capture and refunds go through the connector; later instalments are off-session PaymentIntents.
import { addMinutes } from "date-fns";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { chargeInstalment } from "@/lib/instalments/charge-instalment";
import { connectorForTransaction, getPayingConnector } from "@/lib/payments/connectors/shop-connector";
import { CONNECTOR_ATTEMPT_MINUTES, settleConnectorAttempts } from "@/lib/payments/settle-connector-attempts";
import { startConnectorPayment } from "@/lib/payments/start-connector-payment";
import { ATTEMPT_ANSWER_MINUTES, sweepPaymentAttempts } from "@/lib/payments/sweep-attempts";
import { setLogDestination } from "@/lib/server/logger";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { signStripePayload } from "../helpers/fake-stripe";
import { startFrontServer } from "../helpers/front-server";
import { newOrder } from "../helpers/orders";
import { type StripeShop, startStripeShop } from "../helpers/stripe-shop";

const SHOP = "12345678";
let users: Awaited<ReturnType<typeof seedTenants>>;
let front: Awaited<ReturnType<typeof startFrontServer>>;
let stripe: StripeShop;
const logs: string[] = [];

beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
  front = await startFrontServer();
  stripe = await startStripeShop(db, { admin: users.admin, shopId: SHOP, base: front.base });
  await db.notificationRule.create({
    data: {
      shopId: SHOP,
      kind: "URL_CALL",
      label: "ERP",
      events: ["PAYMENT_ACCEPTED", "PAYMENT_REFUSED"],
      urlTest: null,
      urlProd: "https://erp.example.com/ipn",
    },
  });
  setLogDestination({ write: (s: string) => void logs.push(s) }, "info");
});
afterAll(async () => {
  setLogDestination(null);
  await stripe.fake.stop();
  await front.stop();
});
beforeEach(async () => {
  await db.rateLimitBucket.deleteMany();
  stripe.fake.webhookTiming = "before-redirect";
});

let ref = 0;
const order = (over: Parameters<typeof newOrder>[1] = {}) =>
  newOrder(users.operator, { mode: "PRODUCTION", amountMinor: 12_345, reference: `STRIPE-${++ref}`, ...over });

/** The buyer leaves for Stripe's page: the attempt and its Checkout Session. */
async function leave(token: string, saveCard = false) {
  const connector = await getPayingConnector(db, { shopId: SHOP, mode: "PRODUCTION" });
  if (!connector) throw new Error("no paying connector");
  const next = await startConnectorPayment(db, { token, connector, lang: "en", saveCard });
  if (next.type !== "redirect" || !next.processorRef) throw new Error("expected a redirect to Stripe");
  return { attemptId: next.attemptId, sessionId: next.processorRef, url: next.url };
}

/** The buyer's browser following Stripe's redirect to our return route (APP_URL's path on the test server). */
async function buyerReturns(url: string) {
  const u = new URL(url);
  const res = await fetch(`${front.base}${u.pathname}${u.search}`, { redirect: "manual" });
  return { status: res.status, location: res.headers.get("location") ?? "" };
}

const consequences = async (orderId: string) => ({
  order: (await db.paymentOrder.findUniqueOrThrow({ where: { id: orderId }, select: { status: true } })).status,
  transactions: await db.transaction.findMany({
    where: { orderId },
    select: { id: true, status: true, amount: true, brand: true, last4: true, processorRef: true, connectorId: true, errorCode: true },
  }),
  ipns: (await db.webhookDelivery.findMany({ where: { orderId }, select: { event: true } })).map((d) => d.event),
  pays: await db.auditEvent.count({ where: { orderId, action: "order.pay" } }),
});

async function expectPaidOnce(orderId: string, attemptId: string) {
  const c = await consequences(orderId);
  const pi = stripe.fake.get(
    stripe.fake.get((await db.paymentAttempt.findUniqueOrThrow({ where: { id: attemptId } })).processorRef ?? "").payment_intent,
  );
  expect(c).toMatchObject({ order: "PAID", ipns: ["PAYMENT_ACCEPTED"], pays: 1 });
  expect(c.transactions).toEqual([
    {
      id: attemptId,
      status: "CAPTURED",
      amount: 12_345n,
      brand: "VISA",
      last4: "4242",
      processorRef: pi.id,
      connectorId: stripe.connectorId,
      errorCode: null,
    },
  ]);
}

describe("a PRODUCTION order paid on Stripe Checkout", () => {
  it("opens a session for the order's amount and ids; webhooks before the return are recorded once", async () => {
    const o = await order();
    const { attemptId, sessionId, url } = await leave(o.token);
    expect(url).toBe(`${stripe.fake.url}/c/pay/${sessionId}`);
    expect(stripe.fake.get(sessionId)).toMatchObject({
      amount_total: 12_345,
      currency: "eur",
      metadata: { orderId: o.id, attemptId, shopConnectorId: stripe.connectorId },
      success_url: expect.stringContaining(`/pay/${o.token}/return/${attemptId}?stripe=success`),
    });
    const paid = await stripe.fake.pay(sessionId, { number: "4242 4242 4242 4242" });
    // Every webhook was answered 200 before the browser was redirected: the order is PAID already.
    expect(stripe.fake.deliveries.filter((d) => d.event.data.object.metadata?.attemptId === attemptId).map((d) => d.status)).toEqual([
      200, 200, 200,
    ]);
    expect((await consequences(o.id)).order).toBe("PAID");
    const back = await buyerReturns(paid.redirect ?? "");
    expect(back).toMatchObject({ status: 303, location: expect.stringContaining(`result=${attemptId}`) });
    await expectPaidOnce(o.id, attemptId);
  });

  it("the return before the webhooks records it; the webhooks (and a duplicate) change nothing", async () => {
    stripe.fake.webhookTiming = "manual";
    const o = await order();
    const { attemptId, sessionId } = await leave(o.token);
    const paid = await stripe.fake.pay(sessionId, { number: "4242424242424242" });
    expect((await consequences(o.id)).order).toBe("RUNNING");
    expect(await buyerReturns(paid.redirect ?? "")).toMatchObject({
      status: 303,
      location: expect.stringContaining(`result=${attemptId}`),
    });
    await expectPaidOnce(o.id, attemptId);
    const before = stripe.fake.deliveries.length;
    await stripe.fake.flushWebhooks();
    const mine = stripe.fake.deliveries.slice(before);
    expect(mine.map((d) => d.status)).toEqual([200, 200, 200]);
    expect((await stripe.fake.resend(mine.at(-1)?.event.id)).status).toBe(200);
    await expectPaidOnce(o.id, attemptId);
  });

  it("the return and the webhooks at the same time: recorded once", async () => {
    stripe.fake.webhookTiming = "manual";
    const o = await order();
    const { attemptId, sessionId } = await leave(o.token);
    const paid = await stripe.fake.pay(sessionId, { number: "4242424242424242" });
    const events = [...stripe.fake.pending];
    stripe.fake.pending.length = 0;
    await Promise.all([
      buyerReturns(paid.redirect ?? ""),
      ...events.map((e) => stripe.fake.resend(e.id)),
      buyerReturns(paid.redirect ?? ""),
    ]);
    await expectPaidOnce(o.id, attemptId);
  });

  it("refuses a forged, unsigned or other-secret webhook (400, logged) and records nothing", async () => {
    stripe.fake.webhookTiming = "manual";
    const o = await order();
    const { attemptId, sessionId } = await leave(o.token);
    await stripe.fake.pay(sessionId, { number: "4242424242424242" });
    const completed = stripe.fake.pending.find((e) => e.type === "checkout.session.completed");
    stripe.fake.pending.length = 0;
    const body = JSON.stringify(completed, null, 2);
    logs.length = 0;
    expect((await stripe.fake.post(body, null)).status).toBe(400);
    expect((await stripe.fake.post(body, signStripePayload(body, "whsec_someoneElse0123"))).status).toBe(400);
    const forged = body.replace('"amount_total": 12345', '"amount_total": 100');
    expect((await stripe.fake.post(forged, signStripePayload(body, stripe.webhookSecret))).status).toBe(400);
    const refusals = logs.map((l) => JSON.parse(l)).filter((l) => l.msg === "processor notification refused");
    expect(refusals).toHaveLength(3);
    expect(refusals[0]).toMatchObject({ shopConnectorId: stripe.connectorId, reason: expect.stringContaining("unsigned") });
    expect(refusals[1].reason).toContain("signature");
    expect(logs.join("")).not.toContain(stripe.webhookSecret);
    expect(await consequences(o.id)).toMatchObject({ order: "RUNNING", transactions: [], ipns: [] });
    expect((await db.paymentAttempt.findUniqueOrThrow({ where: { id: attemptId } })).status).toBe("PENDING");
  });

  it("a declined card: the buyer comes back, the refusal is recorded (session expired), another card pays", async () => {
    const o = await order();
    const first = await leave(o.token);
    expect(await stripe.fake.pay(first.sessionId, { number: "4000000000009995" })).toMatchObject({
      redirect: null,
      error: expect.stringContaining("insufficient"),
    });
    expect((await consequences(o.id)).transactions).toEqual([]);
    const back = await buyerReturns(stripe.fake.get(first.sessionId).cancel_url);
    expect(back).toMatchObject({ status: 303, location: expect.stringContaining(`result=${first.attemptId}`) });
    expect(stripe.fake.get(first.sessionId).status).toBe("expired");
    const refused = await consequences(o.id);
    expect(refused).toMatchObject({ order: "REFUSED", ipns: ["PAYMENT_REFUSED"] });
    expect(refused.transactions).toMatchObject([{ status: "REFUSED", errorCode: "insufficient_funds", last4: "9995" }]);
    const second = await leave(o.token);
    const paid = await stripe.fake.pay(second.sessionId, { number: "4242424242424242" });
    await buyerReturns(paid.redirect ?? "");
    const c = await consequences(o.id);
    expect(c.order).toBe("PAID");
    expect(c.ipns.sort()).toEqual(["PAYMENT_ACCEPTED", "PAYMENT_REFUSED"]);
  });

  it("manual validation: authorised at Stripe, captured through the connector, refunded in part then in full", async () => {
    const o = await order({ validationMode: "MANUAL" });
    const { attemptId, sessionId } = await leave(o.token);
    await stripe.fake.pay(sessionId, { number: "5555555555554444" });
    const t = await db.transaction.findUniqueOrThrow({
      where: { id: attemptId },
      select: { status: true, processorRef: true, brand: true },
    });
    expect(t).toMatchObject({ status: "AUTHORISED_TO_VALIDATE", brand: "MASTERCARD" });
    expect(stripe.fake.get(t.processorRef ?? "")).toMatchObject({ status: "requires_capture", capture_method: "manual" });
    const c = await connectorForTransaction(db, attemptId);
    if (!c) throw new Error("expected a connector transaction");
    expect(await c.connector.capture(c.ctx)).toMatchObject({ ok: true, status: "CAPTURED" });
    expect(stripe.fake.get(t.processorRef ?? "")).toMatchObject({ status: "succeeded", amount_received: 12_345 });
    const part = await connectorForTransaction(db, attemptId, { amount: 2_345, operationId: "refund-part" });
    expect(await part?.connector.refund(part.ctx)).toMatchObject({ ok: true, status: "REFUNDED" });
    const rest = await connectorForTransaction(db, attemptId, { amount: 10_000, operationId: "refund-rest" });
    expect(await rest?.connector.refund(rest.ctx)).toMatchObject({ ok: true, status: "REFUNDED" });
    const more = await connectorForTransaction(db, attemptId, { amount: 1, operationId: "refund-more" });
    expect(await more?.connector.refund(more.ctx)).toMatchObject({ ok: false, code: "charge_already_refunded" });
    const charge = stripe.fake.get(stripe.fake.get(t.processorRef ?? "").latest_charge);
    expect(charge).toMatchObject({ amount_captured: 12_345, amount_refunded: 12_345, refunded: true });
  });

  it("instalments: the first on Checkout keeps the card at Stripe, the next charged off-session, a decline retried", async () => {
    const plan = { kind: "PERIOD" as const, count: 3, period: 30 };
    for (const [number, expected] of [
      ["4242424242424242", "ACCEPTED"],
      ["4000000000000341", "RETRY"],
    ] as const) {
      const o = await order({ amountMinor: 9_000, installmentPlan: plan });
      const { attemptId, sessionId } = await leave(o.token);
      // The first instalment now (not the whole amount), the card kept at Stripe for the others.
      expect(stripe.fake.get(sessionId)).toMatchObject({ customer_creation: "always", amount_total: 3_000 });
      await stripe.fake.pay(sessionId, { number });
      const alias = await db.cardAlias.findFirstOrThrow({
        where: { transactions: { some: { id: attemptId } } },
        select: { processorToken: true, connectorId: true, last4: true },
      });
      expect(alias).toMatchObject({ processorToken: expect.stringMatching(/^cus_\w+:pm_\w+$/), connectorId: stripe.connectorId });
      const next = await db.instalmentCharge.findFirstOrThrow({ where: { orderId: o.id, index: 1 }, select: { id: true, dueDate: true } });
      const at = new Date(next.dueDate.getTime() + 60_000);
      await db.instalmentCharge.update({ where: { id: next.id }, data: { nextAttemptAt: next.dueDate } });
      expect(await chargeInstalment(db, { chargeId: next.id, now: at })).toBe(expected);
      const off = stripe.fake.requests.filter((r) => r.method === "POST" && r.path === "/v1/payment_intents").at(-1);
      const [customer, pm] = (alias.processorToken ?? "").split(":");
      expect(off?.params).toMatchObject({
        amount: "3000",
        currency: "eur",
        customer,
        payment_method: pm,
        off_session: "true",
        confirm: "true",
      });
      const t = await db.transaction.findFirstOrThrow({
        where: { orderId: o.id, installmentIndex: 1 },
        select: { status: true, processorRef: true, connectorId: true, last4: true },
      });
      expect(t).toMatchObject({
        status: expected === "ACCEPTED" ? "CAPTURED" : "REFUSED",
        processorRef: expect.stringMatching(/^pi_/),
        connectorId: stripe.connectorId,
        last4: alias.last4,
      });
    }
  });

  it("the sweep: a session still open is left alone, then expired at Stripe and abandoned; lost webhooks of a paid one are made up", async () => {
    stripe.fake.webhookTiming = "manual";
    const left = await order();
    const a = await leave(left.token);
    const lost = await order();
    const b = await leave(lost.token);
    await stripe.fake.pay(b.sessionId, { number: "4242424242424242" });
    stripe.fake.pending.length = 0; // never delivered
    const created = (await db.paymentAttempt.findUniqueOrThrow({ where: { id: a.attemptId } })).createdAt;
    // The plain sweep no longer abandons them: the buyer may still be on Stripe's page.
    expect(await sweepPaymentAttempts(db, addMinutes(created, ATTEMPT_ANSWER_MINUTES + 1))).toBe(0);
    expect(await settleConnectorAttempts(db, addMinutes(created, CONNECTOR_ATTEMPT_MINUTES - 1))).toEqual({ settled: 0, waiting: 0 });
    // These two, and the one the forged webhooks left PENDING.
    const pending = await db.paymentAttempt.count({ where: { status: "PENDING", connectorId: { not: null } } });
    expect(pending).toBeGreaterThanOrEqual(2);
    expect(await settleConnectorAttempts(db, addMinutes(created, CONNECTOR_ATTEMPT_MINUTES + 1))).toEqual({ settled: pending, waiting: 0 });
    expect(stripe.fake.get(a.sessionId).status).toBe("expired");
    expect((await db.paymentAttempt.findUniqueOrThrow({ where: { id: a.attemptId } })).status).toBe("ABANDONED");
    expect(await consequences(left.id)).toMatchObject({ order: "RUNNING", transactions: [] });
    await expectPaidOnce(lost.id, b.attemptId);
  });
});
