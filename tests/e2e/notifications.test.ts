// Notifications in the browser (F-SET-3): an administrator creates a URL-call rule, a buyer pays,
// the merchant's server (a real HTTP receiver) gets the signed IPN, the log shows the delivery
// and an operator replays it. Pages axe-clean.
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "@/prisma/demo-data";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { newOrder } from "../helpers/orders";
import { axeViolations, type Harness, signIn, startHarness } from "./harness";

const hits: { body: Record<string, string>; at: number }[] = [];
const receiver = http.createServer((req, res) => {
  let raw = "";
  req.on("data", (c) => (raw += c));
  req.on("end", () => {
    hits.push({ body: Object.fromEntries(new URLSearchParams(raw)), at: Date.now() });
    res.end("OK");
  });
});
let h: Harness;
let users: Awaited<ReturnType<typeof seedTenants>>;
let rx = "";
beforeAll(async () => {
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  rx = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/ipn`;
  await resetDatabase();
  users = await seedTenants();
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
  await new Promise<void>((r) => receiver.close(() => r()));
});

async function until(check: () => boolean | Promise<boolean>, ms = 15_000) {
  const t0 = Date.now();
  while (!(await check())) {
    if (Date.now() - t0 > ms) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("notification rules and the delivery log", () => {
  it("create a rule → pay → the IPN arrives signed → the log shows it → replay sends it again", async () => {
    const admin = await h.page();
    await signIn(admin, h.base, "admin@demo.test", "demo-admin-1");
    await admin.goto(`${h.base}/settings/notification-rules/new?shop=12345678&kind=URL_CALL`);
    await admin.fill("#label", "Mon ERP");
    await admin.check("#events-PAYMENT_ACCEPTED");
    await admin.fill("#urlTest", rx);
    expect(await axeViolations(admin)).toEqual([]);
    await Promise.all([admin.waitForURL(/done=created/), admin.click("[data-testid=rule-submit]")]);
    expect(await admin.textContent("[data-testid=rules]")).toContain("Mon ERP");

    const o = await newOrder(users.operator, { reference: "E2E-IPN", locale: "fr_FR" });
    const buyer = await h.page();
    await buyer.goto(`${h.base}/pay/${o.token}`);
    await buyer.fill("#cardNumber", "4970100000000055");
    await buyer.fill("#expiry", "12/30");
    await buyer.fill("#cvc", "123");
    await Promise.all([buyer.waitForNavigation(), buyer.click('button[type="submit"]')]);
    await buyer.waitForSelector("[data-outcome=success]");
    await until(() => hits.length === 1);
    const answer = hits[0]!.body["kr-answer"]!;
    expect(hits[0]!.body["kr-hash"]).toBe(crypto.createHmac("sha256", DEMO.shop.keys.testPassword).update(answer).digest("hex"));
    expect(JSON.parse(answer)).toMatchObject({ orderStatus: "PAID", orderDetails: { orderId: "E2E-IPN" } });

    const operator = await h.page();
    await signIn(operator, h.base, "operator@demo.test", "demo-operator-1");
    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { orderId: o.id } });
    await until(async () => (await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).status === "DELIVERED");
    await operator.goto(`${h.base}/notifications/deliveries`);
    const row = operator.locator(`[data-delivery-id="${delivery.id}"]`);
    expect(await row.getAttribute("data-status")).toBe("DELIVERED");
    expect(await axeViolations(operator)).toEqual([]);
    await operator.goto(`${h.base}/notifications/deliveries/${delivery.id}`);
    expect(await operator.textContent("[data-testid=delivery-answer]")).toContain("E2E-IPN");
    expect(await axeViolations(operator)).toEqual([]);
    await Promise.all([operator.waitForURL(/done=replayed/), operator.click("[data-testid=replay]")]);
    await until(() => hits.length === 2);
    expect(hits[1]!.body).toEqual(hits[0]!.body);
    await until(async () => (await db.webhookAttempt.count({ where: { deliveryId: delivery.id } })) === 2);
    await operator.reload();
    expect(await operator.locator("[data-testid=delivery-attempts] [data-replay=true]").count()).toBe(1);

    // The order's timeline lists the delivery.
    await operator.goto(`${h.base}/orders/${o.id}`);
    expect(await operator.locator(`[data-event="notification.delivery"][data-delivery-id="${delivery.id}"]`).count()).toBe(1);
  });
});
