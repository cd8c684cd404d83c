// SSRF through notifications, with ALLOW_PRIVATE_WEBHOOKS unset (production's default): a rule URL
// and an order's ipnTargetUrl whose name resolves to a private address are refused at the socket
// (the receiver never called); ipnTargetUrl is checked by the API at creation and update (INT_926
// naming the field, nothing created or changed), https for PRODUCTION. With
// ALLOW_PRIVATE_WEBHOOKS=1 the same delivery reaches the receiver.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BLOCKED_WEBHOOK_ERROR, deliverWebhooks } from "@/lib/notifications/deliver-webhooks";
import { createRule } from "@/lib/notifications/rules/create-rule";
import { stopBoss } from "@/lib/server/jobs/boss";
import { DEMO } from "@/prisma/demo-data";
import { callApi, create, DEMO_PROD } from "../helpers/api";
import { verifiedConnectorsForAllShops } from "../helpers/connectors";
import { db, dumpDatabaseText, resetDatabase, seedTenants } from "../helpers/db";
import { card, payNow } from "../helpers/orders";
import { closePrivateTargets, fakeDns, type InternalService, SECRET, startInternalService } from "../helpers/ssrf";

let users: Awaited<ReturnType<typeof seedTenants>>;
let rx: InternalService;
let restorePrivate: () => void;
let restoreDns: () => void;

beforeAll(async () => {
  restorePrivate = closePrivateTargets();
  await resetDatabase();
  users = await seedTenants();
  await verifiedConnectorsForAllShops(db); // PRODUCTION orders need a processor (issue 20)
  rx = await startInternalService(200);
  restoreDns = fakeDns({
    "rule.rebind.test": "127.0.0.1",
    "ipn-mapped.rebind.test": "::ffff:10.0.0.1",
    "ipn-metadata.rebind.test": "169.254.169.254",
    "rule-open.rebind.test": "127.0.0.1",
  });
});
afterAll(async () => {
  restoreDns();
  restorePrivate();
  await stopBoss();
  await rx.stop();
});

const update = (paymentOrderId: string, over: Record<string, unknown>, creds?: typeof DEMO_PROD) =>
  callApi("Charge/PaymentOrder/Update", { paymentOrderId, amount: 1000, currency: "EUR", ...over }, { creds });

/** Pays a TEST order and runs its notification deliveries once, as the worker does. */
async function payAndDeliver(orderId: string) {
  const { token } = await db.paymentOrder.findUniqueOrThrow({ where: { id: orderId }, select: { token: true } });
  await payNow({ token, card: card("4970100000000055") });
  const deliveries = await db.webhookDelivery.findMany({ where: { orderId }, select: { id: true } });
  expect(deliveries).toHaveLength(1);
  await deliverWebhooks(
    db,
    deliveries.map((d) => ({ deliveryId: d.id })),
  );
  return db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveries[0]!.id }, include: { log: true } });
}

describe("a rule URL whose name resolves to 127.0.0.1", () => {
  it("passes the form check, but the delivery is blocked at the socket: receiver untouched", async () => {
    const { rule } = await createRule(db, {
      actor: users.admin,
      shopId: DEMO.shop.id,
      rule: {
        kind: "URL_CALL",
        label: "ERP",
        events: ["PAYMENT_ACCEPTED"],
        retry: false,
        urlTest: `http://rule.rebind.test:${rx.port}/ipn`,
      },
    });
    const o = await create({ amount: 1000, currency: "EUR", orderId: "RULE-1" });
    const d = await payAndDeliver(o.answer.paymentOrderId);
    expect(d).toMatchObject({ status: "FAILED", lastError: BLOCKED_WEBHOOK_ERROR });
    expect(d.log.map((a) => [a.statusCode, a.error])).toEqual([[null, BLOCKED_WEBHOOK_ERROR]]);
    expect(rx.hits).toEqual([]);
    await db.notificationRule.delete({ where: { id: rule.id } });
  });
});

describe("ipnTargetUrl through the API", () => {
  it.each([
    ["loopback", "http://127.0.0.1/ipn"],
    ["localhost", "http://localhost/ipn"],
    ["IPv4-mapped", "http://[::ffff:10.0.0.1]/ipn"],
    ["IPv4-mapped, hex", "http://[::ffff:7f00:1]/ipn"],
    ["metadata", "http://169.254.169.254/latest/meta-data/"],
    ["credentials", "https://user:secret@shop.example/ipn"],
    ["not http", "ftp://shop.example/ipn"],
  ])("creation refuses %s (%s): INT_926 naming the field, nothing created", async (_name, url) => {
    const before = await db.paymentOrder.count();
    const r = await create({ amount: 1000, currency: "EUR", ipnTargetUrl: url });
    expect([r.status, r.answer.errorCode]).toEqual(["ERROR", "INT_926"]);
    expect(r.answer.detailedErrorMessage).toContain("ipnTargetUrl");
    expect(await db.paymentOrder.count()).toBe(before);
  });

  it("PRODUCTION needs https: http refused, https to a public name accepted", async () => {
    const before = await db.paymentOrder.count();
    const http = await create({ amount: 1000, currency: "EUR", ipnTargetUrl: "http://shop.example/ipn" }, { creds: DEMO_PROD });
    expect([http.answer.errorCode, http.answer.detailedErrorMessage]).toEqual(["INT_926", expect.stringMatching(/ipnTargetUrl.*https/)]);
    expect(await db.paymentOrder.count()).toBe(before);
    const ok = await create({ amount: 1000, currency: "EUR", ipnTargetUrl: "https://shop.example/ipn" }, { creds: DEMO_PROD });
    expect(ok.status).toBe("SUCCESS");
    expect(ok.answer.ipnTargetUrl).toBe("https://shop.example/ipn");
    // Update: the same rules, against the order's mode; the order keeps its URL.
    const id = ok.answer.paymentOrderId;
    expect((await update(id, { ipnTargetUrl: "http://shop.example/ipn" }, DEMO_PROD)).answer.errorCode).toBe("INT_926");
    expect((await update(id, { ipnTargetUrl: "https://127.0.0.1/ipn" }, DEMO_PROD)).answer.errorCode).toBe("INT_926");
    expect((await db.paymentOrder.findUniqueOrThrow({ where: { id } })).ipnTargetUrl).toBe("https://shop.example/ipn");
  });

  it("update of a TEST order refuses a private URL, changing nothing", async () => {
    const o = await create({ amount: 1000, currency: "EUR", ipnTargetUrl: "http://shop.example/ipn" });
    const r = await update(o.answer.paymentOrderId, { ipnTargetUrl: "http://localhost:8080/ipn" });
    expect([r.answer.errorCode, r.answer.detailedErrorMessage]).toEqual(["INT_926", expect.stringContaining("ipnTargetUrl")]);
    const row = await db.paymentOrder.findUniqueOrThrow({ where: { id: o.answer.paymentOrderId } });
    expect([row.ipnTargetUrl, row.updatedAt]).toEqual(["http://shop.example/ipn", null]);
  });

  it.each([
    ["::ffff:10.0.0.1", "ipn-mapped.rebind.test"],
    ["169.254.169.254", "ipn-metadata.rebind.test"],
  ])("a name resolving to %s is accepted, then blocked at the socket", async (_address, host) => {
    const o = await create({ amount: 1000, currency: "EUR", ipnTargetUrl: `http://${host}:${rx.port}/ipn` });
    expect(o.status).toBe("SUCCESS");
    const d = await payAndDeliver(o.answer.paymentOrderId);
    expect(d.log.map((a) => a.error)).toEqual([BLOCKED_WEBHOOK_ERROR]);
    expect(d.log[0]!.responseHead).toBeNull();
    expect(rx.hits).toEqual([]);
    expect(await dumpDatabaseText()).not.toContain(SECRET);
  });
});

describe("with ALLOW_PRIVATE_WEBHOOKS=1", () => {
  it("the receiver behind a name resolving to 127.0.0.1 is reached", async () => {
    process.env.ALLOW_PRIVATE_WEBHOOKS = "1";
    try {
      const o = await create({ amount: 1000, currency: "EUR", ipnTargetUrl: `http://rule-open.rebind.test:${rx.port}/ipn` });
      const d = await payAndDeliver(o.answer.paymentOrderId);
      expect(d.status).toBe("DELIVERED");
      expect(rx.hits).toEqual(["POST /ipn"]);
      expect(d.log[0]!.responseHead).toContain(SECRET);
    } finally {
      delete process.env.ALLOW_PRIVATE_WEBHOOKS;
    }
  });
});
