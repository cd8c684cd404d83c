// Payment in instalments in the browser (issue 12): the buyer sees the schedule, must consent to
// keeping the card, pays the first instalment through the challenge; the order's detail then shows
// the schedule's progress and lets the operator cancel the remainder. Pages axe-clean.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { newOrder } from "../helpers/orders";
import { axeViolations, type Harness, signIn, startHarness } from "./harness";

let h: Harness;
let users: Awaited<ReturnType<typeof seedTenants>>;
beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

async function fillCard(page: Page) {
  await page.fill("#cardNumber", "4970100000000055");
  await page.fill("#expiry", "12/30");
  await page.fill("#cvc", "123");
}

describe("paying in instalments", () => {
  it("the buyer sees the schedule, consents, pays the first instalment; the detail shows the progress", async () => {
    const o = await newOrder(users.operator, {
      reference: "INST-E2E",
      amountMinor: 10_000,
      locale: "en_GB",
      installmentPlan: { kind: "PERIOD", count: 3, period: 30 },
    });
    const page = await h.page("en-GB");
    await page.goto(`${h.base}/pay/${o.token}`);
    const schedule = await page.textContent("[data-testid=instalment-schedule]");
    expect(schedule).toContain("Payment in 3 instalments");
    expect(schedule).toContain("€33.34 today");
    expect((await page.$$("[data-testid=instalment-schedule] li")).length).toBe(3);
    expect(await page.textContent('button[type="submit"]')).toContain("33.34");
    expect(await axeViolations(page)).toEqual([]);

    // Without consent: refused with the field's error, nothing charged.
    await fillCard(page);
    await page.$eval("#instalmentConsent", (el) => el.removeAttribute("required"));
    await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
    expect(await page.textContent("#instalmentConsent-error")).toContain("Tick the box");
    expect(await db.transaction.count({ where: { orderId: o.id } })).toBe(0);

    await fillCard(page);
    await page.check("#instalmentConsent");
    await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
    await page.waitForSelector("[data-outcome=challenge]");
    const code = /(\d{6})/.exec((await page.textContent("[data-testid=challenge-test-code]")) ?? "")?.[1] ?? "";
    await page.fill("#code", code);
    await Promise.all([page.waitForNavigation(), page.click('button[value="confirm"]')]);
    await page.waitForSelector("[data-outcome=success]");
    const tx = await db.transaction.findFirstOrThrow({ where: { orderId: o.id } });
    expect(tx).toMatchObject({ amount: 3334n, installmentIndex: 0, status: "AUTHORISED" });
    expect(tx.aliasId).not.toBeNull();
    expect(await db.instalmentCharge.count({ where: { orderId: o.id, status: "PENDING" } })).toBe(2);

    const bo = await h.page("en-GB");
    await signIn(bo, h.base, "operator@demo.test", "demo-operator-1");
    await bo.goto(`${h.base}/orders/${o.id}`);
    expect(await bo.textContent("[data-testid=instalment-progress]")).toMatch(/1 (of|sur) 3/);
    expect(await bo.$$eval("[data-instalment-status]", (rows) => rows.map((r) => r.getAttribute("data-instalment-status")))).toEqual([
      "PAID",
      "PENDING",
      "PENDING",
    ]);
    expect(await bo.textContent("[data-testid=transaction-instalment]")).toMatch(/(Instalment|Échéance) 1\/3/);
    expect(await axeViolations(bo)).toEqual([]);
    await Promise.all([bo.waitForNavigation(), bo.click("[data-testid=order-instalments] button[type=submit]")]);
    expect(await bo.$$eval("[data-instalment-status]", (rows) => rows.map((r) => r.getAttribute("data-instalment-status")))).toEqual([
      "PAID",
      "CANCELLED",
      "CANCELLED",
    ]);
  });
});
