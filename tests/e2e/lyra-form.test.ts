// PRODUCTION payments through the Lyra hosted form in the browser (issue 20), against the fake
// processor (tests/helpers/fake-lyra-form.ts): paid end to end with the notification before and
// after the return, a refused card then a retry, a shop without a processor whose PRODUCTION link
// cannot be paid, and Settings › Payment processor (save, test the connection). Axe-clean pages.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrder } from "@/lib/orders/create-order";
import { DEMO } from "@/prisma/demo-data";
import { verifiedConnector } from "../helpers/connectors";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { type FakeLyraForm, startFakeLyraForm } from "../helpers/fake-lyra-form";
import { axeViolations, type Harness, signIn, startHarness } from "./harness";

let h: Harness;
let fake: FakeLyraForm;
let users: Awaited<ReturnType<typeof seedTenants>>;
const SHOP = DEMO.shop.id;

beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
  fake = await startFakeLyraForm();
  await verifiedConnector(db, SHOP, { config: fake.config });
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
  await fake?.close();
});

let n = 0;
async function prodLink(shopId: string = SHOP, actor = users.operator) {
  const o = await createOrder(db, {
    actor,
    shopId,
    mode: "PRODUCTION",
    amountMinor: 4200,
    currency: "EUR",
    reference: `LYRA-${++n}`,
    locale: "en_GB",
  });
  return { id: o.id, url: `${h.base}/pay/${o.token}` };
}

/** Our page's button, the processor's card page, its Pay (or Cancel) button: back on our page. */
async function payOnProcessor(page: Page, pan: string, opts: { cancel?: boolean } = {}) {
  await Promise.all([page.waitForURL(`${fake.base}/vads-payment/`), page.click("[data-hosted-form] button[type=submit]")]);
  expect(await page.textContent("[data-testid=fake-amount]")).toContain("42.00");
  await page.fill("#pan", pan);
  await Promise.all([page.waitForURL(`${h.base}/pay/**`), page.click(opts.cancel ? "button[value=cancel]" : "button[value=pay]")]);
}

const orderStatus = async (id: string) => (await db.paymentOrder.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;

describe("a PRODUCTION order paid on the processor's page", () => {
  it("notification before the return: accepted, the card's last 4 digits shown, no card field on our pages", async () => {
    fake.state.arrival = "notify-first";
    const { id, url } = await prodLink();
    const page = await h.page("en-GB");
    await page.goto(url);
    expect(await page.locator("#cardNumber").count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await payOnProcessor(page, "4970100000000055");
    await page.waitForSelector("[data-outcome=success]");
    expect(await page.textContent("main")).toContain("0055");
    expect(await axeViolations(page)).toEqual([]);
    expect(await orderStatus(id)).toBe("PAID");
    expect(await db.transaction.count({ where: { orderId: id } })).toBe(1);
  });

  it("return before the notification: the page waits, then shows the payment accepted", async () => {
    Object.assign(fake.state, { arrival: "return-first", signedReturn: false, notifyDelayMs: 2500 });
    try {
      const { id, url } = await prodLink();
      const page = await h.page("en-GB");
      await page.goto(url);
      await payOnProcessor(page, "4970100000000055");
      await page.waitForSelector("[data-refresh]");
      expect(await axeViolations(page)).toEqual([]);
      await page.waitForSelector("[data-outcome=success]", { timeout: 20_000 });
      expect(await orderStatus(id)).toBe("PAID");
      await fake.notified();
      expect(await db.auditEvent.count({ where: { orderId: id, action: "order.pay" } })).toBe(1);
    } finally {
      Object.assign(fake.state, { arrival: "notify-first", signedReturn: true });
    }
  });

  it("return (signed) before the notification: accepted at once, recorded once", async () => {
    Object.assign(fake.state, { arrival: "return-first", signedReturn: true, notifyDelayMs: 1000 });
    try {
      const { id, url } = await prodLink();
      const page = await h.page("en-GB");
      await page.goto(url);
      await payOnProcessor(page, "4970100000000055");
      await page.waitForSelector("[data-outcome=success]");
      await fake.notified();
      expect(fake.state.notifications.at(-1)?.status).toBe(200);
      expect(await db.transaction.count({ where: { orderId: id } })).toBe(1);
      expect(await db.auditEvent.count({ where: { orderId: id, action: "order.pay" } })).toBe(1);
    } finally {
      fake.state.arrival = "notify-first";
    }
  });

  it("a refused card, then a retry with another card: paid", async () => {
    const { id, url } = await prodLink();
    const page = await h.page("en-GB");
    await page.goto(url);
    await payOnProcessor(page, "4970100000000014");
    await page.waitForSelector("[data-outcome=error]");
    expect(await axeViolations(page)).toEqual([]);
    expect(await orderStatus(id)).toBe("REFUSED");
    await payOnProcessor(page, "4970100000000055");
    await page.waitForSelector("[data-outcome=success]");
    expect(await orderStatus(id)).toBe("PAID");
  });

  it("the buyer cancels on the processor's page: back on ours, payable again", async () => {
    const { id, url } = await prodLink();
    const page = await h.page("en-GB");
    await page.goto(url);
    await payOnProcessor(page, "", { cancel: true });
    await page.waitForSelector("[data-hosted-form]");
    expect(await page.textContent("main")).toContain("interrupted");
    expect(await orderStatus(id)).toBe("RUNNING");
  });
});

describe("a shop without a processor", () => {
  it("its PRODUCTION link says payments are not available yet and cannot be paid", async () => {
    const other = DEMO.other.shop.id;
    await verifiedConnector(db, other, { config: fake.config });
    const { id, url } = await prodLink(other, users.other);
    await db.shopConnector.deleteMany({ where: { shopId: other } });
    const page = await h.page("en-GB");
    await page.goto(url);
    expect(await page.textContent("main")).toContain("not available yet");
    expect(await page.locator("form[method=post]").count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(await orderStatus(id)).toBe("RUNNING");
  });
});

describe("Settings › Payment processor", () => {
  it("an administrator saves the TEST mode's credentials (never shown again) and tests the connection", async () => {
    const page = await h.page("en-GB");
    await signIn(page, h.base, "admin@demo.test", "demo-admin-1");
    await page.goto(`${h.base}/settings/payment-processor?shop=${SHOP}`);
    expect(await page.getAttribute("[data-testid=processor-PRODUCTION]", "data-verified")).toBe("true");
    const test = page.locator("[data-testid=processor-TEST]");
    await test.locator("#TEST-siteId").fill(fake.config.siteId);
    await test.locator("#TEST-formUrl").fill(fake.config.formUrl);
    await test.locator("#TEST-restUrl").fill(fake.config.restUrl);
    await test.locator("#TEST-signatureKey").fill("testkey-0123456789abcdef");
    await test.locator("#TEST-restPassword").fill(fake.config.restPassword);
    await test.locator("button[data-intent=save]").click();
    await page.waitForSelector("[data-testid=processor-TEST] [role=status]");
    expect(await page.inputValue("#TEST-restPassword")).toBe("");
    expect(await page.content()).not.toContain(fake.config.restPassword);
    await page.locator("[data-testid=processor-TEST] button[data-intent=verify]").click();
    await page.waitForSelector("[data-testid=processor-TEST][data-verified=true]");
    expect(await page.textContent("[data-testid=processor-notify-url-TEST]")).toMatch(/\/api\/connectors\/[0-9a-f-]{36}\/notify$/);
    expect(await axeViolations(page)).toEqual([]);
    await db.shopConnector.deleteMany({ where: { shopId: SHOP, mode: "TEST" } });
  });
});
