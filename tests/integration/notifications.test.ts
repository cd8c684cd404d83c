// Notifications (F-SET-3) and the IPN (API spec §11) against real HTTP receivers and a real SMTP
// server, with the real worker in this process: signatures checked with the spec's recipe for both
// keys, retries on a shortened schedule, the alert e-mail, replay, the per-order URL, the FORM
// format, the events of the other state changes, and the SSRF guard.
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startWorker } from "@/lib/composition/worker";
import { BLOCKED_WEBHOOK_ERROR } from "@/lib/notifications/deliver-webhooks";
import { replayDeliveries } from "@/lib/notifications/replay-deliveries";
import { cancelOrder } from "@/lib/orders/cancel-order";
import { expireOrders } from "@/lib/orders/expire-orders";
import { sweepTransactions } from "@/lib/payments/sweep-transactions";
import type { Prisma } from "@/lib/server/generated/prisma/client";
import { stopBoss } from "@/lib/server/jobs/boss";
import { closeMailer } from "@/lib/server/mailer";
import { DEMO } from "@/prisma/demo-data";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { card, newOrder, payNow } from "../helpers/orders";
import { type SmtpSink, startSmtpSink } from "../helpers/smtp-sink";

type Hit = { path: string; body: string; form: Record<string, string>; at: number };
/** A merchant server: records every POST; `answer` decides the status per path. */
function receiver() {
  const hits: Hit[] = [];
  const plan = new Map<string, number[]>();
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      hits.push({ path: req.url ?? "", body, form: Object.fromEntries(new URLSearchParams(body)), at: Date.now() });
      const queue = plan.get(req.url ?? "") ?? [];
      const status = queue.length > 1 ? queue.shift()! : (queue[0] ?? 200);
      if (status === 0) return; // never answers
      res.writeHead(status, status === 302 ? { location: "http://127.0.0.1:1/elsewhere" } : {});
      res.end(status === 200 ? "OK" : `status ${status}`);
    });
  });
  return {
    hits,
    plan,
    url: "",
    async start() {
      await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
      this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    stop: () => new Promise<void>((r) => server.close(() => r())),
    at(path: string) {
      return hits.filter((h) => h.path === path);
    },
  };
}

const rx = receiver();
let sink: SmtpSink;
let users: Awaited<ReturnType<typeof seedTenants>>;
const SHOP = { id: DEMO.shop.id, ...DEMO.shop.keys };

beforeAll(async () => {
  process.env.WEBHOOK_RETRY_SCHEDULE = "1,1";
  process.env.WEBHOOK_TIMEOUT_MS = "500";
  process.env.ALLOW_PRIVATE_WEBHOOKS = "1";
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
  await rx.start();
  await resetDatabase();
  users = await seedTenants();
  await startWorker();
});
afterAll(async () => {
  await stopBoss();
  await closeMailer();
  await rx.stop();
  await sink.stop();
  for (const k of ["WEBHOOK_RETRY_SCHEDULE", "WEBHOOK_TIMEOUT_MS", "ALLOW_PRIVATE_WEBHOOKS", "SMTP_URL"]) delete process.env[k];
});
beforeEach(async () => {
  await db.notificationRule.deleteMany();
  await db.rateLimitBucket.deleteMany();
});

async function rule(over: Partial<Prisma.NotificationRuleUncheckedCreateInput> = {}) {
  return db.notificationRule.create({
    data: {
      shopId: SHOP.id,
      kind: "URL_CALL",
      label: "ERP",
      events: ["PAYMENT_ACCEPTED", "PAYMENT_REFUSED"],
      urlTest: `${rx.url}/ipn`,
      urlProd: null,
      ...over,
    },
  });
}
async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 10_000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() - t0 > ms) throw new Error(`condition not met in ${ms} ms: ${JSON.stringify(v).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
const deliveriesOf = (orderId: string) =>
  db.webhookDelivery.findMany({ where: { orderId }, include: { log: { orderBy: { createdAt: "asc" } } }, orderBy: { createdAt: "asc" } });
const hmac = (key: string, msg: string) => crypto.createHmac("sha256", key).update(msg, "utf8").digest("hex");

describe("the IPN (REST format)", () => {
  it("a payment → kr-answer signed with the TEST REST password (the spec's recipe), delivered and logged", async () => {
    await rule({ urlTest: `${rx.url}/ipn-password` });
    const o = await newOrder(users.operator, { reference: "IPN-1", metadata: { erpId: "A/42" } });
    const paid = await payNow({ token: o.token, card: card("4970100000000055") });
    const [hit] = await until(
      async () => rx.at("/ipn-password"),
      (h) => h.length === 1,
    );
    const f = hit!.form;
    expect(f["kr-hash-algorithm"]).toBe("sha256_hmac");
    expect(f["kr-hash-key"]).toBe("password");
    expect(f["kr-answer-type"]).toBe("V4/Payment");
    // §11.2: HMAC-SHA-256 of the kr-answer string as received, keyed with the mode's REST password.
    expect(f["kr-hash"]).toBe(hmac(SHOP.testPassword, f["kr-answer"]!));
    expect(f["kr-hash"]).not.toBe(hmac(SHOP.testHmacKey, f["kr-answer"]!));
    expect(f["kr-answer"]).not.toContain("\\/");
    const answer = JSON.parse(f["kr-answer"]!);
    expect(answer).toMatchObject({
      shopId: SHOP.id,
      orderCycle: "CLOSED",
      orderStatus: "PAID",
      orderDetails: {
        orderTotalAmount: 4990,
        orderEffectiveAmount: 4990,
        orderCurrency: "EUR",
        mode: "TEST",
        orderId: "IPN-1",
        _type: "V4/OrderDetails",
      },
      paymentOrderId: o.id,
      _type: "V4/Payment",
    });
    expect(answer.serverDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
    expect(answer.transactions).toHaveLength(1);
    expect(answer.transactions[0]).toMatchObject({
      uuid: paid.transactionId,
      amount: 4990,
      currency: "EUR",
      status: "PAID",
      detailedStatus: "AUTHORISED",
      metadata: { erpId: "A/42" },
    });
    const [d] = await until(
      () => deliveriesOf(o.id),
      (ds) => ds[0]?.status === "DELIVERED",
    );
    expect(d).toMatchObject({
      event: "PAYMENT_ACCEPTED",
      transactionId: paid.transactionId,
      attempts: 1,
      lastStatusCode: 200,
      mode: "TEST",
    });
    expect(d!.log).toHaveLength(1);
    expect(d!.log[0]).toMatchObject({ statusCode: 200, responseHead: "OK", replay: false, url: `${rx.url}/ipn-password` });
    expect(d!.log[0]!.latencyMs).toBeGreaterThanOrEqual(0);
    expect(d!.payload).toBe(hit!.body);
  });

  it("hashKey sha256_hmac → signed with the HMAC key; a refused payment is notified too", async () => {
    await rule({ urlTest: `${rx.url}/ipn-hmac`, hashKey: "sha256_hmac" });
    const o = await newOrder(users.operator, { reference: "IPN-2" });
    await payNow({ token: o.token, card: card("4970100000000097") });
    const [hit] = await until(
      async () => rx.at("/ipn-hmac"),
      (h) => h.length === 1,
    );
    expect(hit!.form["kr-hash-key"]).toBe("sha256_hmac");
    expect(hit!.form["kr-hash"]).toBe(hmac(SHOP.testHmacKey, hit!.form["kr-answer"]!));
    expect(JSON.parse(hit!.form["kr-answer"]!)).toMatchObject({
      orderCycle: "OPEN",
      orderStatus: "RUNNING",
      transactions: [{ status: "UNPAID", detailedStatus: "REFUSED" }],
    });
  });

  it("500 then 200 → retried on the schedule, both attempts logged", async () => {
    rx.plan.set("/flaky", [500, 200]);
    await rule({ urlTest: `${rx.url}/flaky` });
    const o = await newOrder(users.operator, { reference: "IPN-3" });
    await payNow({ token: o.token, card: card("4970100000000055") });
    const [d] = await until(
      () => deliveriesOf(o.id),
      (ds) => ds[0]?.status === "DELIVERED",
    );
    expect(d!.log.map((a) => a.statusCode)).toEqual([500, 200]);
    expect(d!.log[0]!.responseHead).toBe("status 500");
    const [first, second] = rx.at("/flaky");
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(900);
    expect(second!.body).toBe(first!.body);
  });

  it("down through the whole schedule → FAILED and the alert e-mail; replay then delivers the same payload as a new attempt", async () => {
    rx.plan.set("/down", [503, 503, 503, 200]);
    await rule({ urlTest: `${rx.url}/down`, alertEmail: "ops@merchant.test", label: "Shop ERP" });
    const o = await newOrder(users.operator, { reference: "IPN-4" });
    await payNow({ token: o.token, card: card("4970100000000055") });
    const [d] = await until(
      () => deliveriesOf(o.id),
      (ds) => ds[0]?.status === "FAILED" && ds[0].alertedAt !== null,
      15_000,
    );
    expect(d!.log.map((a) => a.statusCode)).toEqual([503, 503, 503]);
    const mail = await until(
      async () => sink.messages.filter((m) => m.rcptTo.includes("ops@merchant.test")),
      (m) => m.length === 1,
    );
    expect(mail[0]!.parsed.subject).toContain("PAYMENT_ACCEPTED");
    expect(mail[0]!.parsed.text).toContain(`${rx.url}/down`);
    expect(mail[0]!.parsed.text).toContain("Shop ERP");

    expect(await replayDeliveries(db, { actor: users.operator, deliveryIds: [d!.id] })).toEqual({ queued: 1 });
    const [again] = await until(
      () => deliveriesOf(o.id),
      (ds) => ds[0]?.status === "DELIVERED",
    );
    expect(again!.log).toHaveLength(4);
    expect(again!.log[3]).toMatchObject({ statusCode: 200, replay: true });
    const hits = rx.at("/down");
    expect(hits).toHaveLength(4);
    expect(new Set(hits.map((h) => h.body)).size).toBe(1);
    // Viewers and other tenants cannot replay.
    await expect(replayDeliveries(db, { actor: users.viewer, deliveryIds: [d!.id] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(replayDeliveries(db, { actor: users.other, deliveryIds: [d!.id] })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("no retry on the rule: the first failure is the last (alert); a redirect is not followed nor a delivery; a silent server times out", async () => {
    rx.plan.set("/moved", [302]);
    rx.plan.set("/silent", [0]);
    await rule({ urlTest: `${rx.url}/moved`, retry: false });
    await rule({ urlTest: `${rx.url}/silent`, retry: false, label: "silent" });
    const o = await newOrder(users.operator, { reference: "IPN-5" });
    await payNow({ token: o.token, card: card("4970100000000055") });
    const ds = await until(
      () => deliveriesOf(o.id),
      (list) => list.length === 2 && list.every((d) => d.status === "FAILED"),
    );
    const moved = ds.find((d) => d.url.endsWith("/moved"))!;
    const silent = ds.find((d) => d.url.endsWith("/silent"))!;
    expect(moved.log.map((a) => a.statusCode)).toEqual([302]);
    expect(silent.log[0]!.error).toMatch(/timeout/);
    expect(rx.hits.filter((h) => h.path === "/elsewhere")).toHaveLength(0);
  });
});

describe("targets and events", () => {
  it("an order's ipnTargetUrl replaces the rule's URL, and gets the payment IPN even without a rule", async () => {
    await rule({ urlTest: `${rx.url}/rule-url` });
    const o = await newOrder(users.operator, { reference: "IPN-6", ipnTargetUrl: `${rx.url}/own` });
    await payNow({ token: o.token, card: card("4970100000000055") });
    await until(
      async () => rx.at("/own"),
      (h) => h.length === 1,
    );
    expect(rx.at("/rule-url")).toHaveLength(0);
    await db.notificationRule.deleteMany();
    const lone = await newOrder(users.operator, { reference: "IPN-7", ipnTargetUrl: `${rx.url}/own-lone` });
    await payNow({ token: lone.token, card: card("4970100000000055") });
    const [hit] = await until(
      async () => rx.at("/own-lone"),
      (h) => h.length === 1,
    );
    expect(hit!.form["kr-hash"]).toBe(hmac(SHOP.testPassword, hit!.form["kr-answer"]!));
  });

  it("FORM format: vads_* fields signed with the HMAC key (sorted values joined with '+', the key appended)", async () => {
    await rule({ urlTest: `${rx.url}/form`, format: "FORM" });
    const o = await newOrder(users.operator, { reference: "IPN-8" });
    const paid = await payNow({ token: o.token, card: card("4970100000000055") });
    const [hit] = await until(
      async () => rx.at("/form"),
      (h) => h.length === 1,
    );
    const { signature, ...vads } = hit!.form;
    expect(vads).toMatchObject({
      vads_site_id: SHOP.id,
      vads_ctx_mode: "TEST",
      vads_amount: "4990",
      vads_currency: "978",
      vads_order_id: "IPN-8",
      vads_trans_uuid: paid.transactionId,
      vads_trans_status: "AUTHORISED",
      vads_card_number: "XXXXXXXXXXXX0055",
    });
    const message = `${Object.keys(vads)
      .sort()
      .map((k) => vads[k])
      .join("+")}+${SHOP.testHmacKey}`;
    expect(signature).toBe(crypto.createHmac("sha256", SHOP.testHmacKey).update(message).digest("base64"));
  });

  it("cancel, expiry and capture raise their events for the rules listening; the channel filter applies", async () => {
    await rule({ urlTest: `${rx.url}/lifecycle`, events: ["ORDER_CANCELLED", "ORDER_EXPIRED", "TRANSACTION_CAPTURED"] });
    await rule({ urlTest: `${rx.url}/mail-only`, events: ["ORDER_CANCELLED"], channels: ["MAIL"] });
    const cancelled = await newOrder(users.operator, { reference: "EV-1" });
    await cancelOrder(db, { actor: users.operator, orderId: cancelled.id });
    const late = await newOrder(users.operator, { reference: "EV-2" });
    await db.paymentOrder.update({ where: { id: late.id }, data: { validUntil: new Date(Date.now() - 1000) } });
    await expireOrders(db);
    const captured = await newOrder(users.operator, { reference: "EV-3" });
    await payNow({ token: captured.token, card: card("4970100000000055") });
    await sweepTransactions(db, new Date(Date.now() + 60_000));
    // (The capture sweep also captures the earlier tests' payments: only this test's orders are looked at.)
    const ours = () => rx.at("/lifecycle").filter((h) => /"orderId":"EV-\d"/.test(h.form["kr-answer"]!));
    const hits = await until(
      async () => ours(),
      (h) => h.length === 3,
    );
    const byOrder = Object.fromEntries(
      hits.map((h) => [JSON.parse(h.form["kr-answer"]!).orderDetails.orderId, JSON.parse(h.form["kr-answer"]!)]),
    );
    expect(byOrder["EV-1"]).toMatchObject({ orderCycle: "CLOSED", orderStatus: "UNPAID" });
    expect(byOrder["EV-2"]).toMatchObject({ orderStatus: "UNPAID" });
    expect(byOrder["EV-3"].transactions[0]).toMatchObject({ detailedStatus: "CAPTURED" });
    const ids = [cancelled.id, late.id, captured.id];
    expect(
      (await db.webhookDelivery.findMany({ where: { url: { endsWith: "/lifecycle" }, orderId: { in: ids } }, select: { event: true } }))
        .map((d) => d.event)
        .sort(),
    ).toEqual(["ORDER_CANCELLED", "ORDER_EXPIRED", "TRANSACTION_CAPTURED"]);
    expect(rx.at("/mail-only")).toHaveLength(0);
  });

  it("SSRF guard: with private targets off, a loopback URL is never called and the attempt says why", async () => {
    process.env.ALLOW_PRIVATE_WEBHOOKS = "0";
    try {
      await rule({ urlTest: `${rx.url}/private`, retry: false });
      const o = await newOrder(users.operator, { reference: "IPN-9" });
      await payNow({ token: o.token, card: card("4970100000000055") });
      const [d] = await until(
        () => deliveriesOf(o.id),
        (ds) => ds[0]?.status === "FAILED",
      );
      // The resolved address stays in the server's log: a tenant does not map the internal network.
      expect(d!.log[0]!.error).toBe(BLOCKED_WEBHOOK_ERROR);
      expect(rx.at("/private")).toHaveLength(0);
    } finally {
      process.env.ALLOW_PRIVATE_WEBHOOKS = "1";
    }
  });
});

describe("e-mail rules", () => {
  const receipts = (orderId: string) =>
    db.message.findMany({
      where: { orderId, kind: { in: ["RECEIPT_BUYER", "RECEIPT_MERCHANT"] } },
      select: { kind: true, recipient: true },
      orderBy: { kind: "asc" },
    });

  it("no e-mail rule: both receipts; with rules, they decide (buyer only, an address, a disabled one sends nothing)", async () => {
    const a = await newOrder(users.operator, { reference: "MAIL-1", buyerEmail: "buyer@buyer.test" });
    await payNow({ token: a.token, card: card("4970100000000055") });
    expect(await receipts(a.id)).toEqual([
      { kind: "RECEIPT_BUYER", recipient: "buyer@buyer.test" },
      { kind: "RECEIPT_MERCHANT", recipient: DEMO.shop.managerEmail },
    ]);

    await db.notificationRule.create({
      data: { shopId: SHOP.id, kind: "EMAIL", label: "Buyer", events: ["PAYMENT_ACCEPTED"], emailTarget: "BUYER" },
    });
    await db.notificationRule.create({
      data: { shopId: SHOP.id, kind: "EMAIL", label: "Accounts", events: ["PAYMENT_ACCEPTED"], emailTarget: "accounts@merchant.test" },
    });
    await db.notificationRule.create({
      data: { shopId: SHOP.id, kind: "EMAIL", label: "Off", enabled: false, events: ["PAYMENT_ACCEPTED"], emailTarget: "MERCHANT" },
    });
    const b = await newOrder(users.operator, { reference: "MAIL-2", buyerEmail: "buyer@buyer.test" });
    await payNow({ token: b.token, card: card("4970100000000055") });
    expect(await receipts(b.id)).toEqual([
      { kind: "RECEIPT_BUYER", recipient: "buyer@buyer.test" },
      { kind: "RECEIPT_MERCHANT", recipient: "accounts@merchant.test" },
    ]);
  });

  it("a rule's template renders its receipt; the order's own template is never used for a receipt", async () => {
    await db.notificationRule.deleteMany();
    const tpl = await db.template.create({
      data: {
        shopId: SHOP.id,
        channel: "MAIL",
        kind: "RECEIPT_BUYER",
        name: "Thanks",
        language: "fr",
        subject: "Merci pour %reference%",
        body: "<p>Reçu %amount%</p>",
      },
    });
    const orderTpl = await db.template.create({
      data: {
        shopId: SHOP.id,
        channel: "MAIL",
        kind: "ORDER",
        name: "Order",
        language: "fr",
        subject: "Ordre %reference%",
        body: "<p>Payez %url%</p>",
      },
    });
    await db.notificationRule.create({
      data: { shopId: SHOP.id, kind: "EMAIL", label: "Buyer", events: ["PAYMENT_ACCEPTED"], emailTarget: "BUYER", templateId: tpl.id },
    });
    const o = await newOrder(users.operator, { reference: "MAIL-3", buyerEmail: "tpl@buyer.test", locale: "fr_FR" });
    await db.paymentOrder.update({ where: { id: o.id }, data: { templateId: orderTpl.id } });
    await payNow({ token: o.token, card: card("4970100000000055") });
    const mail = await until(
      async () => sink.messages.filter((m) => m.rcptTo.includes("tpl@buyer.test")),
      (m) => m.length === 1,
    );
    expect(mail[0]!.parsed.subject).toBe("Merci pour MAIL-3");
  });
});
