// The fake Stripe speaks Stripe's wire format well enough for the official SDK: sessions,
// PaymentIntents, refunds, errors, idempotency replays, and webhooks that constructEvent accepts.
import http from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeStripe, startFakeStripe } from "../helpers/fake-stripe";

let fake: FakeStripe;
let stripe: Stripe;
let hook: http.Server;
const received: { body: string; signature: string }[] = [];
const secret = "whsec_fake_0123456789";

beforeAll(async () => {
  hook = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      received.push({ body, signature: String(req.headers["stripe-signature"]) });
      res.writeHead(200).end("{}");
    });
  });
  await new Promise<void>((r) => hook.listen(0, "127.0.0.1", r));
  fake = await startFakeStripe({ webhook: { url: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/`, secret } });
  stripe = new Stripe(fake.secretKey, { host: fake.host, port: fake.port, protocol: "http", maxNetworkRetries: 0 });
});
afterAll(async () => {
  await fake.stop();
  hook.close();
});

async function session(extra: Partial<Stripe.Checkout.SessionCreateParams> = {}) {
  return stripe.checkout.sessions.create({
    mode: "payment",
    line_items: [{ quantity: 1, price_data: { currency: "eur", unit_amount: 12_345, product_data: { name: "Order 42" } } }],
    success_url: "http://shop.test/ok?s={CHECKOUT_SESSION_ID}",
    cancel_url: "http://shop.test/back",
    metadata: { orderId: "o1", attemptId: "a1" },
    ...extra,
  });
}

describe("fake Stripe", () => {
  it("refuses a wrong key with Stripe's envelope", async () => {
    const other = new Stripe("sk_test_wrong", { host: fake.host, port: fake.port, protocol: "http", maxNetworkRetries: 0 });
    await expect(other.balance.retrieve()).rejects.toMatchObject({ type: "StripeAuthenticationError", statusCode: 401 });
    expect((await stripe.balance.retrieve()).object).toBe("balance");
  });

  it("creates a session, pays it with a test card and signs the webhooks as Stripe does", async () => {
    received.length = 0;
    const s = await session({ payment_intent_data: { capture_method: "manual", setup_future_usage: "off_session" } });
    expect(s).toMatchObject({ status: "open", amount_total: 12_345, currency: "eur", metadata: { orderId: "o1" } });
    expect(s.url).toContain(fake.url);
    const declined = await fake.pay(s.id, { number: "4000 0000 0000 0002" });
    expect(declined).toMatchObject({ redirect: null, error: "Your card was declined." });
    const paid = await fake.pay(s.id, { number: "4242424242424242", email: "b@example.com" });
    expect(paid.redirect).toBe(`http://shop.test/ok?s=${s.id}`);
    const types = received.map((r) => stripe.webhooks.constructEvent(r.body, r.signature, secret).type);
    expect(types).toEqual([
      "charge.failed",
      "payment_intent.payment_failed",
      "charge.succeeded",
      "payment_intent.amount_capturable_updated",
      "checkout.session.completed",
    ]);
    expect(() => stripe.webhooks.constructEvent(received[0]!.body, received[0]!.signature, "whsec_other")).toThrow();
    const full = await stripe.checkout.sessions.retrieve(s.id, { expand: ["payment_intent.latest_charge"] });
    const pi = full.payment_intent as Stripe.PaymentIntent;
    expect(full.payment_status).toBe("unpaid");
    expect(pi.status).toBe("requires_capture");
    expect((pi.latest_charge as Stripe.Charge).payment_method_details?.card).toMatchObject({ brand: "visa", last4: "4242" });
    await expect(stripe.refunds.create({ payment_intent: pi.id })).rejects.toMatchObject({ statusCode: 400 });
    const captured = await stripe.paymentIntents.capture(pi.id);
    expect(captured).toMatchObject({ status: "succeeded", amount_received: 12_345 });
    const r1 = await stripe.refunds.create({ payment_intent: pi.id, amount: 2_345 }, { idempotencyKey: "refund-1" });
    const again = await stripe.refunds.create({ payment_intent: pi.id, amount: 2_345 }, { idempotencyKey: "refund-1" });
    expect(again.id).toBe(r1.id);
    await expect(stripe.refunds.create({ payment_intent: pi.id, amount: 1 }, { idempotencyKey: "refund-1" })).rejects.toMatchObject({
      type: "StripeIdempotencyError",
    });
    await expect(stripe.refunds.create({ payment_intent: pi.id, amount: 10_001 })).rejects.toMatchObject({ code: "amount_too_large" });
    await stripe.refunds.create({ payment_intent: pi.id });
    await expect(stripe.refunds.create({ payment_intent: pi.id })).rejects.toMatchObject({ code: "charge_already_refunded" });

    // The saved card, charged off-session.
    const off = await stripe.paymentIntents.create({
      amount: 5_000,
      currency: "eur",
      customer: full.customer as string,
      payment_method: pi.payment_method as string,
      off_session: true,
      confirm: true,
    });
    expect(off.status).toBe("succeeded");
  });

  it("declines an off-session charge on a card that fails later, with the PaymentIntent in the error", async () => {
    const s = await session({ payment_intent_data: { setup_future_usage: "off_session" } });
    await fake.pay(s.id, { number: "4000000000000341" });
    const pi = await stripe.paymentIntents.retrieve(fake.get(s.id).payment_intent);
    expect(pi.status).toBe("succeeded");
    const err = await stripe.paymentIntents
      .create({
        amount: 5_000,
        currency: "eur",
        customer: pi.customer as string,
        payment_method: pi.payment_method as string,
        off_session: true,
        confirm: true,
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect((err as Stripe.errors.StripeCardError).payment_intent?.status).toBe("requires_payment_method");
  });

  it("cancels an authorisation, not an open session's PaymentIntent", async () => {
    const s = await session({ payment_intent_data: { capture_method: "manual" } });
    await fake.pay(s.id, { number: "4000000000000002" });
    await expect(stripe.paymentIntents.cancel(fake.get(s.id).payment_intent)).rejects.toMatchObject({ statusCode: 400 });
    const expired = await stripe.checkout.sessions.expire(s.id);
    expect(expired.status).toBe("expired");
    const s2 = await session({ payment_intent_data: { capture_method: "manual" } });
    await fake.pay(s2.id, { number: "5555555555554444" });
    const canceled = await stripe.paymentIntents.cancel(fake.get(s2.id).payment_intent);
    expect(canceled.status).toBe("canceled");
  });
});
