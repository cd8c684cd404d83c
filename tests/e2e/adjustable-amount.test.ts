// The amount a buyer may adjust (issue 12) in a real browser: the field with its bounds, an amount
// outside them refused next to the field (nothing charged), one within them paid and shown.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { newOrder } from "../helpers/orders";
import { axeViolations, type Harness, signIn, startHarness } from "./harness";

const ACCEPTED = "4970100000000055";

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

async function fillCard(page: Page, cvc = "123") {
  await page.fill("#cardNumber", ACCEPTED);
  await page.fill("#expiry", "12/30");
  await page.fill("#cvc", cvc);
}

describe("an amount the buyer may adjust", () => {
  it("outside the bounds: a field error and no transaction; within: paid, and the success page shows it", async () => {
    const o = await newOrder(users.operator, {
      reference: "DON-1",
      locale: "en_GB",
      amountUpdate: { mode: "RANGE", min: 1000, max: 6000 },
    });
    const page = await h.page("en-GB");
    await page.goto(`${h.base}/pay/${o.token}`);
    const field = page.locator("#amount");
    expect(await field.inputValue()).toBe("49.90");
    expect(await field.getAttribute("inputmode")).toBe("decimal");
    expect(await page.textContent('label[for="amount"]')).toBe("Amount to pay (EUR)");
    expect(await page.textContent("#amount-help")).toBe("Between €10.00 and €60.00. You may change it.");
    expect(await axeViolations(page)).toEqual([]);

    // Out of bounds: refused next to the field, nothing charged.
    await field.fill("75");
    await fillCard(page);
    await page.click('button[type="submit"]');
    await page.waitForSelector("#amount-error");
    expect(await page.textContent("#amount-error")).toBe("Enter an amount within the limits shown.");
    expect(await field.getAttribute("aria-invalid")).toBe("true");
    expect(await field.getAttribute("aria-describedby")).toBe("amount-help amount-error");
    expect(await field.inputValue()).toBe("75");
    expect(await db.transaction.count({ where: { orderId: o.id } })).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    // A card error with an amount within the bounds: the pay button shows the chosen amount.
    await field.fill("42,50");
    await fillCard(page, "1");
    await page.click('button[type="submit"]');
    await page.waitForSelector("#cvc-error");
    expect(await page.textContent('button[type="submit"]')).toContain("€42.50");
    expect(await page.locator("#amount-error").count()).toBe(0);

    await fillCard(page);
    await Promise.all([page.waitForURL(/result=/), page.click('button[type="submit"]')]);
    expect(await page.textContent("main")).toContain("€42.50");
    expect(await axeViolations(page)).toEqual([]);
    const tx = await db.transaction.findFirstOrThrow({ where: { orderId: o.id } });
    expect(tx.amount).toBe(4250n);
    expect((await db.paymentOrder.findUniqueOrThrow({ where: { id: o.id } })).amount).toBe(4250n);

    // The order's detail: the paid amount, the authorisation and the amount first requested.
    const bo = await h.page();
    await signIn(bo, h.base, "operator@demo.test", "demo-operator-1");
    await bo.goto(`${h.base}/orders/${o.id}`);
    const detail = (await bo.textContent("main")) ?? "";
    expect(detail).toMatch(/42,50\s€/);
    expect(detail).toMatch(/Entre 10,00\s€ et 60,00\s€ \(montant demandé : 49,90\s€\)/);
  });
});
