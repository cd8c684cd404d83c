// The Stripe connector against the fake Stripe, through the official SDK: the Checkout Session it
// opens, the webhooks it accepts or refuses, the return, capture, cancel, refunds and off-session
// charges. (Recording outcomes in the database: stripe-payments.test.ts.)
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StripeConfig, stripeConnector as stripe } from "@/lib/payments/connectors/stripe";
import type { NotificationRequest, StartPaymentContext } from "@/lib/payments/connectors/types";
import { type FakeStripe, signStripePayload, startFakeStripe } from "../helpers/fake-stripe";

let fake: FakeStripe;
let hook: http.Server;
const posted: NotificationRequest[] = [];
const config: StripeConfig = { secretKey: "sk_live_fakeKey0123456789", webhookSecret: "whsec_fakeSecret0123456789" };

beforeAll(async () => {
  hook = http.createServer((req, res) => {
    let rawBody = "";
    req.on("data", (c) => {
      rawBody += c;
    });
    req.on("end", () => {
      posted.push({ method: req.method ?? "", headers: req.headers as Record<string, string>, rawBody });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => hook.listen(0, "127.0.0.1", r));
  fake = await startFakeStripe({
    secretKey: config.secretKey,
    webhook: { url: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/`, secret: config.webhookSecret },
  });
  process.env.STRIPE_API_URL = fake.url;
});
afterAll(async () => {
  await fake.stop();
  hook.close();
});

const attemptId = () => crypto.randomUUID().replaceAll("-", "");

function ctx(over: Partial<StartPaymentContext<StripeConfig>> = {}, order: Partial<StartPaymentContext<StripeConfig>["order"]> = {}) {
  return {
    config,
    shopConnectorId: "00000000-0000-4000-8000-000000000001",
    order: {
      id: "a".repeat(32),
      reference: "INV-2026-001",
      shopId: "s1",
      mode: "PRODUCTION" as const,
      validationMode: "AUTOMATIC" as const,
      captureDelay: 0,
      buyerEmail: "buyer@example.com",
      lang: "fr",
      ...order,
    },
    attemptId: attemptId(),
    amount: 12_345,
    currency: "EUR",
    saveCard: false,
    returnUrl: "https://pay.example.com/pay/tok/return/x",
    notifyUrl: "https://pay.example.com/api/connectors/c/notify",
    now: new Date(),
    ...over,
  };
}

/** Opens a session and pays it on the hosted page; the webhooks it caused. */
async function paid(c: StartPaymentContext<StripeConfig>, number = "4242424242424242") {
  const start = await stripe.startPayment(c);
  if (start.type !== "redirect") throw new Error("expected a redirect");
  posted.length = 0;
  const r = await fake.pay(start.processorRef ?? "", { number });
  return { start, redirect: r.redirect, events: [...posted] };
}

const typeOf = (n: NotificationRequest) => JSON.parse(n.rawBody).type as string;

describe("Stripe connector", () => {
  it("verifies the key against its mode, then with Stripe", async () => {
    expect(await stripe.verify(config, "PRODUCTION")).toEqual({ ok: true });
    expect(await stripe.verify(config, "TEST")).toMatchObject({ ok: false, code: "LIVE_KEY" });
    expect(await stripe.verify({ ...config, secretKey: "sk_live_someoneElse0123" }, "PRODUCTION")).toMatchObject({
      ok: false,
      message: expect.stringContaining("Invalid API Key"),
    });
    expect(stripe.configSchema.safeParse({ secretKey: "pk_live_abcdefghij", webhookSecret: "whsec_abcdefghij" }).success).toBe(false);
  });

  it("opens one Checkout Session per attempt with the amount, the ids and the return URLs", async () => {
    const c = ctx({ saveCard: true }, { validationMode: "MANUAL" });
    const start = await stripe.startPayment(c);
    expect(start).toMatchObject({ type: "redirect", url: expect.stringContaining(`${fake.url}/c/pay/cs_live_`) });
    const create = fake.requests.filter((r) => r.path === "/v1/checkout/sessions").at(-1);
    expect(create?.idempotencyKey).toBe(`checkout-${c.attemptId}`);
    expect(create?.params).toMatchObject({
      mode: "payment",
      line_items: [{ quantity: "1", price_data: { currency: "eur", unit_amount: "12345", product_data: { name: "INV-2026-001" } } }],
      client_reference_id: c.attemptId,
      metadata: { orderId: c.order.id, attemptId: c.attemptId },
      payment_intent_data: { capture_method: "manual", setup_future_usage: "off_session", metadata: { attemptId: c.attemptId } },
      customer_creation: "always",
      customer_email: "buyer@example.com",
      locale: "fr",
      success_url: `${c.returnUrl}?stripe=success&session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: `${c.returnUrl}?stripe=cancel`,
    });
    // The same attempt again (a double click): the same session.
    expect(await stripe.startPayment(c)).toEqual(start);
    // Automatic capture, no card kept.
    await stripe.startPayment(ctx());
    const plain = fake.requests.filter((r) => r.path === "/v1/checkout/sessions").at(-1)?.params;
    expect(plain?.payment_intent_data).toMatchObject({ capture_method: "automatic" });
    expect(plain?.payment_intent_data.setup_future_usage).toBeUndefined();
    expect(plain?.customer_creation).toBeUndefined();
    // A test key never opens a PRODUCTION order's session.
    await expect(stripe.startPayment(ctx({ config: { ...config, secretKey: "sk_test_abcdefghij0123" } }))).rejects.toThrow();
  });

  it("reads the paid session's webhooks and its return as the same accepted outcome, card brand and last 4 only", async () => {
    const c = ctx({ saveCard: true });
    const { start, redirect, events } = await paid(c);
    expect(redirect).toBe(`${c.returnUrl}?stripe=success&session_id=${start.processorRef}`);
    expect(events.map(typeOf)).toEqual(["charge.succeeded", "payment_intent.succeeded", "checkout.session.completed"]);
    const results = await Promise.all(events.map((e) => stripe.handleNotification(config, "PRODUCTION", e)));
    expect(results[0]).toMatchObject({ ok: true, ignored: "charge.succeeded" });
    const pi = fake.get(start.processorRef ?? "").payment_intent;
    const accepted = {
      attemptId: c.attemptId,
      status: "ACCEPTED",
      amount: 12_345,
      currency: "EUR",
      processorRef: pi,
      brand: "VISA",
      maskedPan: "XXXXXXXXXXXX4242",
      captured: true,
      aliasToken: expect.stringMatching(/^cus_\w+:pm_\w+$/),
    };
    expect(results[1]).toMatchObject({ ok: true, outcome: accepted });
    expect(results[2]).toMatchObject({ ok: true, outcome: accepted });
    const back = new URL(redirect ?? "");
    const ret = await stripe.handleReturn?.(config, "PRODUCTION", {
      attemptId: c.attemptId,
      processorRef: start.processorRef ?? null,
      query: back.searchParams,
      form: null,
    });
    expect(ret).toMatchObject(accepted);
    // A return naming another session gives nothing.
    const other = await stripe.handleReturn?.(config, "PRODUCTION", {
      attemptId: c.attemptId,
      processorRef: start.processorRef ?? null,
      query: new URLSearchParams("stripe=success&session_id=cs_live_other"),
      form: null,
    });
    expect(other).toBeNull();
  });

  it("refuses unsigned, forged, re-signed, stale and test-mode webhooks", async () => {
    const { events } = await paid(ctx());
    const real = events.at(-1) as NotificationRequest;
    const unsigned = { ...real, headers: { ...real.headers, "stripe-signature": undefined } };
    expect(await stripe.handleNotification(config, "PRODUCTION", unsigned)).toMatchObject({
      ok: false,
      reason: expect.stringContaining("unsigned"),
    });
    const tampered = { ...real, rawBody: real.rawBody.replace('"amount_total": 12345', '"amount_total": 1') };
    expect(tampered.rawBody).not.toBe(real.rawBody);
    expect(await stripe.handleNotification(config, "PRODUCTION", tampered)).toMatchObject({
      ok: false,
      reason: expect.stringContaining("signature"),
    });
    const otherSecret = {
      ...real,
      headers: { ...real.headers, "stripe-signature": signStripePayload(real.rawBody, "whsec_notTheEndpoints") },
    };
    expect(await stripe.handleNotification(config, "PRODUCTION", otherSecret)).toMatchObject({ ok: false });
    const stale = {
      ...real,
      headers: {
        ...real.headers,
        "stripe-signature": signStripePayload(real.rawBody, config.webhookSecret, Math.floor(Date.now() / 1000) - 3600),
      },
    };
    expect(await stripe.handleNotification(config, "PRODUCTION", stale)).toMatchObject({
      ok: false,
      reason: expect.stringContaining("tolerance"),
    });
    const testEvent = JSON.stringify({ ...JSON.parse(real.rawBody), livemode: false });
    const testSigned = {
      ...real,
      rawBody: testEvent,
      headers: { ...real.headers, "stripe-signature": signStripePayload(testEvent, config.webhookSecret) },
    };
    expect(await stripe.handleNotification(config, "PRODUCTION", testSigned)).toMatchObject({
      ok: false,
      reason: expect.stringContaining("test event"),
    });
  });

  it("records nothing for a decline while the session is open; the way back expires it and answers REFUSED", async () => {
    const c = ctx();
    const { start, redirect, events } = await paid(c, "4000000000000002");
    expect(redirect).toBeNull();
    expect(events.map(typeOf)).toEqual(["charge.failed", "payment_intent.payment_failed"]);
    for (const e of events)
      expect(await stripe.handleNotification(config, "PRODUCTION", e)).toMatchObject({ ok: true, ignored: expect.any(String) });
    const ref = start.processorRef ?? null;
    const success = await stripe.handleReturn?.(config, "PRODUCTION", {
      attemptId: c.attemptId,
      processorRef: ref,
      query: new URLSearchParams("stripe=success"),
      form: null,
    });
    expect(success).toBeNull();
    posted.length = 0;
    const back = await stripe.handleReturn?.(config, "PRODUCTION", {
      attemptId: c.attemptId,
      processorRef: ref,
      query: new URLSearchParams("stripe=cancel"),
      form: null,
    });
    expect(back).toMatchObject({ status: "REFUSED", errorCode: "generic_decline", maskedPan: "XXXXXXXXXXXX0002", amount: 12_345 });
    expect(fake.get(ref ?? "").status).toBe("expired");
    // Stripe's checkout.session.expired says the same.
    await expect.poll(() => posted.some((p) => typeOf(p) === "checkout.session.expired")).toBe(true);
    const expired = posted.find((p) => typeOf(p) === "checkout.session.expired") as NotificationRequest;
    expect(await stripe.handleNotification(config, "PRODUCTION", expired)).toMatchObject({ ok: true, outcome: { status: "REFUSED" } });
    // The buyer can no longer pay on it.
    expect(await fake.pay(ref ?? "", { number: "4242424242424242" })).toMatchObject({ redirect: null });
    // Leaving without typing a card: abandoned. Another attempt's return: nothing.
    const l = ctx();
    const left = await stripe.startPayment(l);
    const cancel = new URLSearchParams("stripe=cancel");
    expect(
      await stripe.handleReturn?.(config, "PRODUCTION", {
        attemptId: c.attemptId,
        processorRef: left.processorRef ?? null,
        query: cancel,
        form: null,
      }),
    ).toBeNull();
    const abandoned = await stripe.handleReturn?.(config, "PRODUCTION", {
      attemptId: l.attemptId,
      processorRef: left.processorRef ?? null,
      query: cancel,
      form: null,
    });
    expect(abandoned).toMatchObject({ status: "ABANDONED", amount: 12_345, currency: "EUR" });
  });

  it("captures a manual authorisation, refunds part then the rest, and cancels another", async () => {
    const c = ctx({}, { validationMode: "MANUAL" });
    const { start, events } = await paid(c);
    const outcome = await stripe.handleNotification(config, "PRODUCTION", events.at(-1) as NotificationRequest);
    expect(outcome).toMatchObject({ ok: true, outcome: { status: "ACCEPTED", captured: false } });
    const pi = fake.get(start.processorRef ?? "").payment_intent as string;
    const tx = { config, mode: "PRODUCTION" as const, transactionId: c.attemptId, processorRef: pi, amount: 12_345, currency: "EUR" };
    expect(await stripe.refund({ ...tx, operationId: "r0" })).toMatchObject({ ok: false });
    expect(await stripe.capture(tx)).toEqual({ ok: true, status: "CAPTURED", processorRef: pi });
    expect(await stripe.capture(tx)).toEqual({ ok: true, status: "CAPTURED", processorRef: pi }); // replayed, not captured twice
    const part = await stripe.refund({ ...tx, amount: 2_345, operationId: "r1" });
    expect(part).toMatchObject({ ok: true, status: "REFUNDED", processorRef: expect.stringMatching(/^re_/) });
    expect(await stripe.refund({ ...tx, amount: 10_001, operationId: "r2" })).toMatchObject({ ok: false, code: "amount_too_large" });
    expect(await stripe.refund({ ...tx, amount: 10_000, operationId: "r3" })).toMatchObject({ ok: true, status: "REFUNDED" });
    expect(fake.get(fake.get(pi).latest_charge)).toMatchObject({ amount_refunded: 12_345, refunded: true });

    const d = ctx({}, { validationMode: "MANUAL" });
    const other = await paid(d);
    const pi2 = fake.get(other.start.processorRef ?? "").payment_intent as string;
    expect(await stripe.cancel({ ...tx, transactionId: d.attemptId, processorRef: pi2 })).toMatchObject({ ok: true, status: "CANCELLED" });
    expect(await stripe.capture({ ...tx, transactionId: d.attemptId, processorRef: pi2 })).toMatchObject({
      ok: false,
      code: "payment_intent_unexpected_state",
    });
  });

  it("charges a later instalment off-session on the saved card, and reports a decline", async () => {
    const good = await paid(ctx({ saveCard: true }));
    const ok = await stripe.handleNotification(config, "PRODUCTION", good.events.at(-1) as NotificationRequest);
    const token = ok.ok && "outcome" in ok ? (ok.outcome.aliasToken ?? "") : "";
    const a = attemptId();
    const charged = await stripe.chargeAlias?.({
      config,
      mode: "PRODUCTION",
      aliasToken: token,
      amount: 4_000,
      currency: "EUR",
      orderId: "o",
      attemptId: a,
    });
    expect(charged).toMatchObject({ status: "ACCEPTED", amount: 4_000, currency: "EUR", captured: true, maskedPan: "XXXXXXXXXXXX4242" });
    const off = fake.requests.filter((r) => r.path === "/v1/payment_intents" && r.method === "POST").at(-1);
    expect(off?.params).toMatchObject({ off_session: "true", confirm: "true", metadata: { kind: "instalment" } });
    expect(off?.idempotencyKey).toBe(`instalment-${a}`);

    // One try of one instalment, two attempts (the first's answer lost, the sweep replaced it): the
    // same idempotency key, the same parameters → Stripe answers the first charge, never a second.
    const once = { config, mode: "PRODUCTION" as const, aliasToken: token, amount: 2_500, currency: "EUR", orderId: "o" };
    const first = await stripe.chargeAlias?.({ ...once, attemptId: attemptId(), idempotencyKey: "charge-1-1" });
    const again = await stripe.chargeAlias?.({ ...once, attemptId: attemptId(), idempotencyKey: "charge-1-1" });
    expect(first).toMatchObject({ status: "ACCEPTED", amount: 2_500 });
    expect(again).toMatchObject({ status: "ACCEPTED", processorRef: first?.processorRef });
    const keyed = fake.requests.filter((r) => r.path === "/v1/payment_intents" && r.idempotencyKey === "instalment-charge-1-1");
    expect(keyed).toHaveLength(2);
    expect(new Set(keyed.map((r) => JSON.stringify(r.params))).size).toBe(1);

    const later = await paid(ctx({ saveCard: true }), "4000000000000341");
    const r = await stripe.handleNotification(config, "PRODUCTION", later.events.at(-1) as NotificationRequest);
    const token2 = r.ok && "outcome" in r ? (r.outcome.aliasToken ?? "") : "";
    const declined = await stripe.chargeAlias?.({
      config,
      mode: "PRODUCTION",
      aliasToken: token2,
      amount: 4_000,
      currency: "EUR",
      orderId: "o",
      attemptId: attemptId(),
    });
    expect(declined).toMatchObject({ status: "REFUSED", errorCode: "generic_decline", processorRef: expect.stringMatching(/^pi_/) });
    // A network failure is an unknown outcome: thrown.
    fake.script.push("close", "close");
    await expect(
      stripe.chargeAlias?.({
        config,
        mode: "PRODUCTION",
        aliasToken: token,
        amount: 4_000,
        currency: "EUR",
        orderId: "o",
        attemptId: attemptId(),
      }),
    ).rejects.toThrow();
  });
});
