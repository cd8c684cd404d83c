// The Lyra-family hosted form connector end to end over real HTTP (issue 20): our front (pay page,
// return, notification route) and the fake processor (tests/helpers/fake-lyra-form.ts). The signed
// form, the notification recorded once whatever the arrival order, forged or mismatched ones
// refused, the sandbox closed to PRODUCTION, REST validate and refund, "Test the connection".
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createOrder } from "@/lib/orders/create-order";
import { lyraFormConfigSchema } from "@/lib/payments/connectors/lyra-form";
import { hasValidLyraSignature, lyraSignature } from "@/lib/payments/connectors/lyra-signature";
import { verifyShopConnector } from "@/lib/payments/connectors/save-shop-connector";
import { connectorForTransaction } from "@/lib/payments/connectors/shop-connector";
import { payOrder } from "@/lib/payments/pay-order";
import { sendProcessorAlert } from "@/lib/payments/send-processor-alert";
import { DEMO } from "@/prisma/demo-data";
import { create, DEMO_PROD } from "../helpers/api";
import { verifiedConnector } from "../helpers/connectors";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { type FakeLyraForm, startFakeLyraForm } from "../helpers/fake-lyra-form";
import { startFrontServer } from "../helpers/front-server";
import { leaveForProcessor, payOnFake } from "../helpers/hosted-payment";
import { card } from "../helpers/orders";

// APP_URL is read once per process: the notification and return URLs must name our front.
const { appPort } = await vi.hoisted(async () => {
  const net = await import("node:net");
  const port = await new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
  process.env.APP_URL = `http://127.0.0.1:${port}`;
  return { appPort: port };
});

const SHOP = DEMO.shop.id;
let users: Awaited<ReturnType<typeof seedTenants>>;
let fake: FakeLyraForm;
let front: Awaited<ReturnType<typeof startFrontServer>>;
let base: string;
let connectorId: string;

beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
  fake = await startFakeLyraForm();
  front = await startFrontServer(undefined, appPort);
  base = front.base;
  connectorId = await verifiedConnector(db, SHOP, { config: fake.config });
});
afterAll(async () => {
  await front?.stop();
  await fake?.close();
});
beforeEach(async () => {
  await db.rateLimitBucket.deleteMany();
  Object.assign(fake.state, { arrival: "notify-first", signedReturn: true, amountOverride: null, notifyDelayMs: 1500 });
});

const prodOrder = (over: Partial<Parameters<typeof createOrder>[1]> = {}) =>
  createOrder(db, {
    actor: users.operator,
    shopId: SHOP,
    mode: "PRODUCTION",
    amountMinor: 12345,
    currency: "EUR",
    reference: "P-1",
    ...over,
  });
const orderOf = (id: string) => db.paymentOrder.findUniqueOrThrow({ where: { id }, select: { status: true, paidAt: true } });
const countPays = (orderId: string) => db.auditEvent.count({ where: { orderId, action: "order.pay" } });

describe("the signed vads_* form", () => {
  it("signs every vads_* field in name order with HMAC-SHA-256, checked in constant time", () => {
    const fields = { vads_b: "2", vads_a: "1", other: "x" };
    const sig = lyraSignature(fields, "key-123456");
    expect(sig).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(lyraSignature({ vads_a: "1", vads_b: "2" }, "key-123456")).toBe(sig); // order and non-vads fields do not matter
    expect(hasValidLyraSignature({ ...fields, signature: sig }, "key-123456")).toBe(true);
    expect(hasValidLyraSignature({ ...fields, vads_a: "9", signature: sig }, "key-123456")).toBe(false);
    expect(hasValidLyraSignature({ ...fields, signature: sig }, "another-key")).toBe(false);
    expect(hasValidLyraSignature(fields, "key-123456")).toBe(false);
  });

  it("carries the site, context, a per-day transaction id, the UTC date, minor units, the numeric currency and our URLs", async () => {
    const o = await prodOrder({ validationMode: "MANUAL", captureDelay: 3, aliasMode: "AUTOMATIC" });
    const hop = await leaveForProcessor(base, o.token);
    expect(hop.res.status).toBe(200);
    expect(hop.res.headers.get("content-security-policy")).toContain(`form-action 'self' ${fake.base}`);
    expect(hop.action).toBe(fake.formUrl);
    const f = hop.fields;
    expect(f).toMatchObject({
      vads_site_id: "12345678",
      vads_ctx_mode: "PRODUCTION",
      vads_amount: "12345",
      vads_currency: "978",
      vads_validation_mode: "1",
      vads_capture_delay: "3",
      vads_page_action: "REGISTER_PAY",
      vads_action_mode: "INTERACTIVE",
      vads_payment_config: "SINGLE",
      vads_version: "V2",
      vads_order_id: "P-1",
      vads_url_check: `${base}/api/connectors/${connectorId}/notify`,
      vads_url_return: `${base}/pay/${o.token}/return/${f.vads_ext_info_attempt}`,
    });
    expect(f.vads_trans_id).toMatch(/^\d{6}$/);
    expect(f.vads_trans_date).toMatch(/^\d{14}$/);
    expect(
      Math.abs(Date.parse(f.vads_trans_date?.replace(/^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)$/, "$1-$2-$3T$4:$5:$6Z") ?? "") - Date.now()),
    ).toBeLessThan(60_000);
    expect(hasValidLyraSignature(f, fake.config.signatureKey)).toBe(true);
    // No card field on our pages: the card is typed at the processor.
    expect(hop.html).not.toContain("cardNumber");
    // The next attempt (after this one is abandoned) draws the next number of the day.
    await db.paymentAttempt.updateMany({ where: { orderId: o.id }, data: { status: "ABANDONED" } });
    const again = await leaveForProcessor(base, o.token);
    expect(Number(again.fields.vads_trans_id)).toBe(Number(f.vads_trans_id) + 1);
  });
});

describe("the outcome, recorded once whatever the arrival order", () => {
  it("notification before the return: PAID once, the return shows the result", async () => {
    const o = await prodOrder();
    const r = await payOnFake(base, fake, o.token);
    expect(fake.state.notifications.at(-1)?.status).toBe(200);
    expect(r.back.status).toBe(303);
    expect(r.back.headers.get("location")).toContain(`result=${r.attemptId}`);
    expect((await orderOf(o.id)).status).toBe("PAID");
    const t = await db.transaction.findUniqueOrThrow({ where: { id: r.attemptId } });
    expect(t).toMatchObject({
      status: "AUTHORISED",
      amount: 12345n,
      brand: "VISA",
      last4: "0055",
      expiryMonth: 12,
      expiryYear: 2030,
      connectorId,
    });
    expect(t.processorRef).toMatch(/^[0-9a-f]{32}$/);
    expect(await countPays(o.id)).toBe(1);
    const page = await fetch(`${base}${r.back.headers.get("location")}`);
    expect(await page.text()).toContain(t.number);
  });

  it("return (signed) before the notification: the return records it, the late notification changes nothing", async () => {
    fake.state.arrival = "return-first";
    fake.state.notifyDelayMs = 300;
    const o = await prodOrder();
    const r = await payOnFake(base, fake, o.token);
    expect(r.back.status).toBe(303);
    expect((await orderOf(o.id)).status).toBe("PAID");
    await fake.notified();
    expect(fake.state.notifications.at(-1)?.status).toBe(200);
    expect(await db.transaction.count({ where: { orderId: o.id } })).toBe(1);
    expect(await countPays(o.id)).toBe(1);
    expect(await db.webhookDelivery.count({ where: { orderId: o.id } })).toBeLessThanOrEqual(
      (await db.notificationRule.count({ where: { shopId: SHOP } })) + 1,
    );
  });

  it("return without the outcome: the page waits, then shows the notification's result", async () => {
    fake.state.arrival = "return-first";
    fake.state.signedReturn = false;
    fake.state.notifyDelayMs = 300;
    const o = await prodOrder();
    const r = await payOnFake(base, fake, o.token);
    expect(r.back.status).toBe(200);
    expect(r.backHtml).toContain("data-refresh");
    expect((await orderOf(o.id)).status).toBe("RUNNING");
    await fake.notified();
    const again = await fetch(`${base}/pay/${o.token}/return/${r.attemptId}`, { redirect: "manual" });
    expect(again.status).toBe(303);
    expect((await orderOf(o.id)).status).toBe("PAID");
    expect(await countPays(o.id)).toBe(1);
  });

  it("a repeated notification is answered OK and records nothing more", async () => {
    const o = await prodOrder();
    await payOnFake(base, fake, o.token);
    const last = fake.state.notifications.at(-1);
    const res = await fetch(`${base}/api/connectors/${connectorId}/notify`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(last?.fields).toString(),
    });
    expect(res.status).toBe(200);
    expect(await db.transaction.count({ where: { orderId: o.id } })).toBe(1);
    expect(await countPays(o.id)).toBe(1);
  });

  it("a refused card: REFUSED transaction, the order payable again and paid on a retry", async () => {
    const o = await prodOrder();
    const refused = await payOnFake(base, fake, o.token, { pan: "4970100000000014" });
    const t = await db.transaction.findUniqueOrThrow({ where: { id: refused.attemptId } });
    expect(t.status).toBe("REFUSED");
    expect((await orderOf(o.id)).status).toBe("REFUSED");
    const page = await fetch(`${base}${refused.back.headers.get("location")}`);
    expect(await page.text()).toContain('data-outcome="error"');
    const ok = await payOnFake(base, fake, o.token);
    expect(ok.back.status).toBe(303);
    expect((await orderOf(o.id)).status).toBe("PAID");
  });

  it("the buyer cancels on the processor's page: no transaction, the order payable again", async () => {
    const o = await prodOrder();
    const r = await payOnFake(base, fake, o.token, { cancel: true });
    expect(r.back.headers.get("location")).toContain("result=abandoned");
    expect(await db.transaction.count({ where: { orderId: o.id } })).toBe(0);
    expect((await db.paymentAttempt.findUniqueOrThrow({ where: { id: r.attemptId } })).status).toBe("ABANDONED");
    const ok = await payOnFake(base, fake, o.token);
    expect(ok.back.status).toBe(303);
    expect((await orderOf(o.id)).status).toBe("PAID");
  });
});

describe("notifications that are not the processor's", () => {
  const post = (body: Record<string, string>, id = connectorId) =>
    fetch(`${base}/api/connectors/${id}/notify`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(body).toString(),
    });

  it("forged (another key), unsigned, tampered or for an unknown connector: refused, nothing recorded", async () => {
    const o = await prodOrder();
    const hop = await leaveForProcessor(base, o.token);
    const attemptId = hop.fields.vads_ext_info_attempt ?? "";
    const answer: Record<string, string> = {
      vads_site_id: "12345678",
      vads_ctx_mode: "PRODUCTION",
      vads_amount: "12345",
      vads_currency: "978",
      vads_ext_info_attempt: attemptId,
      vads_trans_status: "AUTHORISED",
      vads_trans_uuid: "f".repeat(32),
      vads_card_brand: "VISA",
      vads_card_number: "497010XXXXXX0003",
    };
    expect((await post({ ...answer, signature: lyraSignature(answer, "not-the-shop-key") })).status).toBe(400);
    expect((await post(answer)).status).toBe(400);
    const signed = fake.sign(answer);
    expect((await post({ ...signed, vads_amount: "1" })).status).toBe(400);
    expect((await post(signed, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await post({ ...fake.sign({ ...answer, vads_ctx_mode: "TEST" }) })).status).toBe(400);
    expect(await db.transaction.count({ where: { orderId: o.id } })).toBe(0);
    expect((await db.paymentAttempt.findUniqueOrThrow({ where: { id: attemptId } })).status).toBe("PENDING");
    // The genuine one then records it.
    expect((await post(signed)).status).toBe(200);
    expect((await orderOf(o.id)).status).toBe("PAID");
  });

  it("amount not the attempt's: refused, the transaction flagged, the merchant alerted", async () => {
    fake.state.amountOverride = 100;
    const o = await prodOrder();
    const r = await payOnFake(base, fake, o.token);
    const t = await db.transaction.findUniqueOrThrow({ where: { id: r.attemptId } });
    expect(t.status).toBe("REFUSED");
    expect(t.flaggedReason).toContain("100 EUR");
    expect((await orderOf(o.id)).status).toBe("RUNNING");
    const jobs = await db.$queryRaw<
      { n: bigint }[]
    >`SELECT count(*) AS n FROM pgboss.job WHERE name = 'payments.processor-alert' AND data->>'transactionId' = ${t.id}`;
    expect(Number(jobs[0]?.n)).toBe(1);
    const sent = await sendProcessorAlert(db, { transactionId: t.id });
    expect(sent.sent).toBe(true);
    expect(await db.auditEvent.count({ where: { orderId: o.id, action: "order.processor.alert" } })).toBe(1);
    // Sent once.
    expect((await sendProcessorAlert(db, { transactionId: t.id })).sent).toBe(false);
  });
});

describe("PRODUCTION without a verified processor", () => {
  const OTHER = DEMO.other.shop.id;

  it("the API's PRODUCTION create answers PSP_109; TEST is unchanged", async () => {
    await db.shopConnector.deleteMany({ where: { shopId: SHOP, mode: "PRODUCTION" } });
    try {
      const r = await create({ amount: 1000, currency: "EUR", orderId: "no-psp" }, { creds: DEMO_PROD });
      expect(r.status).toBe("ERROR");
      expect(r.answer.errorCode).toBe("PSP_109");
      expect((await create({ amount: 1000, currency: "EUR", orderId: "test-ok" })).status).toBe("SUCCESS");
    } finally {
      connectorId = await verifiedConnector(db, SHOP, { config: fake.config });
    }
    expect((await create({ amount: 1000, currency: "EUR", orderId: "psp-ok" }, { creds: DEMO_PROD })).status).toBe("SUCCESS");
  });

  it("an unverified connector is no connector; instalments the form cannot honour answer PSP_1060", async () => {
    await verifiedConnector(db, OTHER, { verified: false });
    await expect(
      createOrder(db, { actor: users.other, shopId: OTHER, mode: "PRODUCTION", amountMinor: 100, currency: "EUR" }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      reason: "no_production_connector",
    });
    const r = await create(
      { amount: 3000, currency: "EUR", orderId: "inst", transactionOptions: { installmentOptions: { count: 3, period: 30 } } },
      { creds: DEMO_PROD },
    );
    expect(r.answer.errorCode).toBe("PSP_1060");
  });

  it("a PRODUCTION order of a shop that lost its processor: the page says so and a card is refused", async () => {
    const o = await prodOrder();
    await db.shopConnector.deleteMany({ where: { shopId: SHOP, mode: "PRODUCTION" } });
    try {
      const page = await (await fetch(`${base}/pay/${o.token}?lang=en`)).text();
      expect(page).toContain("not available yet");
      expect(page).not.toContain('name="cardNumber"');
      await expect(payOrder(db, { token: o.token, card: card("4970100000000055") })).rejects.toMatchObject({ code: "ORDER_NOT_PAYABLE" });
      const posted = await fetch(`${base}/pay/${o.token}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ cardNumber: "4970100000000055", expiry: "12/30", cvc: "123" }).toString(),
        redirect: "manual",
      });
      expect(posted.status).toBe(303);
      expect((await orderOf(o.id)).status).toBe("RUNNING");
      expect(await db.transaction.count({ where: { orderId: o.id } })).toBe(0);
    } finally {
      connectorId = await verifiedConnector(db, SHOP, { config: fake.config });
    }
  });
});

describe("the processor's REST services", () => {
  it("Test the connection: good credentials verify, a wrong REST password does not", async () => {
    expect(await verifyShopConnector(db, { actor: users.admin, shopId: SHOP, mode: "PRODUCTION" })).toEqual({ ok: true });
    await verifiedConnector(db, SHOP, { mode: "TEST", config: { ...fake.config, restPassword: "wrong-password-123" }, verified: false });
    const bad = await verifyShopConnector(db, { actor: users.admin, shopId: SHOP, mode: "TEST" });
    expect(bad).toMatchObject({ ok: false, code: "INT_905" });
    const row = await db.shopConnector.findUniqueOrThrow({ where: { shopId_mode: { shopId: SHOP, mode: "TEST" } } });
    expect(row.verifiedAt).toBeNull();
    expect(row.verifyError).toContain("INT_905");
    await expect(verifyShopConnector(db, { actor: users.operator, shopId: SHOP, mode: "TEST" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await db.shopConnector.delete({ where: { id: row.id } });
  });

  it("validate a manual authorisation, then partial and full refunds over Basic auth", async () => {
    const o = await prodOrder({ validationMode: "MANUAL" });
    const r = await payOnFake(base, fake, o.token);
    const t = await db.transaction.findUniqueOrThrow({ where: { id: r.attemptId } });
    expect(t.status).toBe("AUTHORISED_TO_VALIDATE");
    const callsBefore = fake.state.restCalls.length;
    const c = await connectorForTransaction(db, t.id);
    if (!c) throw new Error("no connector");
    expect(await c.connector.capture(c.ctx)).toMatchObject({ ok: true, status: "VALIDATED", processorRef: t.processorRef });
    const part = await connectorForTransaction(db, t.id, { amount: 2345, operationId: "r1" });
    expect(await part?.connector.refund(part.ctx)).toMatchObject({ ok: true, status: "REFUNDED" });
    const rest = await connectorForTransaction(db, t.id, { amount: 10000 });
    expect(await rest?.connector.refund(rest.ctx)).toMatchObject({ ok: true, status: "REFUNDED" });
    const over = await connectorForTransaction(db, t.id, { amount: 1 });
    expect(await over?.connector.refund(over.ctx)).toMatchObject({ ok: false, code: "PSP_011" });
    const calls = fake.state.restCalls.slice(callsBefore);
    expect(calls.map((call) => call.service)).toEqual([
      "Transaction/Validate",
      "Transaction/CancelOrRefund",
      "Transaction/CancelOrRefund",
      "Transaction/CancelOrRefund",
    ]);
    expect(calls.every((call) => call.authorized)).toBe(true);
    expect(fake.transactions.get(t.processorRef ?? "")?.refunded).toBe(12345);
  });

  it("a sandbox transaction has no connector", async () => {
    const o = await createOrder(db, { actor: users.operator, shopId: SHOP, mode: "TEST", amountMinor: 500, currency: "EUR" });
    const r = await payOrder(db, { token: o.token, card: card("4970100000000055") });
    if (r.outcome === "CHALLENGE") throw new Error("challenge");
    expect(await connectorForTransaction(db, r.transactionId)).toBeNull();
  });

  it("the config schema refuses a bad site id and short secrets", () => {
    const r = lyraFormConfigSchema.safeParse({ ...fake.config, siteId: "12", signatureKey: "x" });
    expect(r.success).toBe(false);
  });
});
