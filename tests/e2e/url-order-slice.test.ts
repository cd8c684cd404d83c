import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { axeViolations, type Harness, signIn, startHarness } from "./harness";

let h: Harness;
beforeAll(async () => {
  await resetDatabase();
  await seedTenants();
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

/** As the operator: create a TEST order by URL, return its payment link and order id. */
async function createOrder(page: Page, reference: string, amount: string) {
  await page.goto(`${h.base}/test-orders`);
  await page.click("text=Créer un ordre par URL");
  await page.waitForURL(/\/orders\/new\?mode=TEST/);
  await page.fill("#reference", reference);
  await page.fill("#amount", amount);
  await page.fill("#buyerEmail", "buyer@example.com");
  await Promise.all([page.waitForURL(/\/orders\/[a-f0-9]{32}\?created=1/), page.click('main button[type="submit"]')]);
  const url = await page.inputValue("[data-testid=payment-url]");
  const orderId = /\/orders\/([a-f0-9]{32})/.exec(page.url())![1]!;
  return { url, orderId };
}

async function pay(page: Page, url: string, cardNumber: string, expiry = "12/30", cvc = "123") {
  await page.goto(url);
  await page.fill('input[autocomplete="cc-number"]', cardNumber);
  await page.fill('input[autocomplete="cc-exp"]', expiry);
  await page.fill('input[autocomplete="cc-csc"]', cvc);
  await page.fill('input[autocomplete="cc-name"]', "Jeanne Martin");
  await page.click('button[type="submit"]');
}

describe("the URL order slice in the browser", () => {
  it("sign in → create → open link → pay with the accepted card → finalized/accepted in the list", async () => {
    const merchant = await h.page();
    await signIn(merchant, h.base, "operator@demo.test", "demo-operator-1");
    const { url, orderId } = await createOrder(merchant, "E2E-ACCEPT", "25,50");
    expect(url).toMatch(new RegExp(`^${h.base}/pay/[A-Za-z0-9_-]{32}$`));
    expect(await merchant.textContent("#payment-text")).toContain("25,50");
    expect(await merchant.getAttribute("figure img", "src")).toMatch(/^data:image\/png;base64,/);
    const qr = await merchant.request.get(`${h.base}/orders/${orderId}/qr.png`);
    expect(qr.headers()["content-type"]).toBe("image/png");

    const buyer = await h.page();
    await buyer.goto(url);
    expect((await buyer.textContent("[data-testid=pay-amount]"))?.replace(/\s/g, " ")).toBe("25,50 €");
    expect(await buyer.getAttribute("html", "lang")).toBe("fr");
    expect(await axeViolations(buyer)).toEqual([]);
    await pay(buyer, url, "4970100000000055");
    await buyer.waitForSelector("[data-outcome=success]");
    expect(await buyer.textContent("[data-outcome=success]")).toContain("Paiement accepté");
    expect(await axeViolations(buyer)).toEqual([]);

    // the link is now spent
    await buyer.goto(url);
    expect(await buyer.textContent("main")).toContain("Déjà payé");
    expect(await buyer.locator("form").count()).toBe(0);

    await merchant.goto(`${h.base}/test-orders`);
    const row = merchant.locator(`tr[data-order-id="${orderId}"]`);
    expect(await row.locator("[data-status=PAID]").count()).toBe(1);
    expect(await row.textContent()).toContain("Finalisé (accepté)");
    await merchant.goto(`${h.base}/transactions`);
    expect(await merchant.textContent("main")).toContain("•••• 0055");
  });

  it("the refused card → finalized/refused, and the buyer may retry on the same link", async () => {
    const merchant = await h.page();
    await signIn(merchant, h.base, "operator@demo.test", "demo-operator-1");
    const { url, orderId } = await createOrder(merchant, "E2E-REFUSE", "10");
    const buyer = await h.page();
    await pay(buyer, url, "4970100000000097");
    await buyer.waitForSelector("[data-outcome=error]");
    expect(await buyer.textContent("[data-outcome=error]")).toContain("Paiement refusé");
    expect(await axeViolations(buyer)).toEqual([]);
    expect(await buyer.locator('input[autocomplete="cc-number"]').count()).toBe(1);

    await merchant.goto(`${h.base}/test-orders`);
    expect(await merchant.locator(`tr[data-order-id="${orderId}"] [data-status=REFUSED]`).count()).toBe(1);

    await pay(buyer, url, "5970100300000026");
    await buyer.waitForSelector("[data-outcome=success]");
    await merchant.reload();
    expect(await merchant.locator(`tr[data-order-id="${orderId}"] [data-status=PAID]`).count()).toBe(1);
  });

  it("rejects a Luhn-invalid or expired card on the page, with no attempt", async () => {
    const merchant = await h.page();
    await signIn(merchant, h.base, "operator@demo.test", "demo-operator-1");
    const { url, orderId } = await createOrder(merchant, "E2E-INVALID", "5");
    const buyer = await h.page();
    await pay(buyer, url, "4970100000000056");
    await buyer.waitForSelector("#cardNumber-error");
    expect(await buyer.getAttribute("#cardNumber", "aria-invalid")).toBe("true");
    expect(await axeViolations(buyer)).toEqual([]);
    await pay(buyer, url, "4970100000000055", "01/21");
    await buyer.waitForSelector("#expiry-error");
    expect(await db.transaction.count({ where: { orderId } })).toBe(0);
  });

  it("shows field errors on the create form and stores nothing", async () => {
    const page = await h.page();
    await signIn(page, h.base, "operator@demo.test", "demo-operator-1");
    const before = await db.paymentOrder.count();
    await page.goto(`${h.base}/orders/new?mode=TEST`);
    await page.fill("#reference", "R".repeat(64));
    await page.fill("#amount", "10.999");
    await page.click('main button[type="submit"]');
    await page.waitForSelector("#amount-error");
    expect(await page.textContent("#amount-error")).toBe("Trop de décimales pour cette devise.");
    expect(await page.inputValue("#reference")).toBe("R".repeat(64));
    expect(await db.paymentOrder.count()).toBe(before);
  });

  it("isolation over HTTP: another company's user gets 404 on the order page and its QR code", async () => {
    const demo = await db.paymentOrder.findFirstOrThrow({ where: { shopId: "12345678" }, select: { id: true } });
    const other = await h.page();
    await signIn(other, h.base, "other@demo.test", "demo-other-1");
    const res = await other.goto(`${h.base}/orders/${demo.id}`);
    expect(res?.status()).toBe(404);
    expect(await other.textContent("main")).toContain("Introuvable");
    expect((await other.request.get(`${h.base}/orders/${demo.id}/qr.png`)).status()).toBe(404);
    await other.goto(`${h.base}/test-orders`);
    expect(await other.locator("tr[data-order-id]").count()).toBe(0);
  });

  it("refuses a wrong password, and switches the back office to English", async () => {
    const page = await h.page();
    await page.goto(`${h.base}/signin`);
    await page.fill("#email", "admin@demo.test");
    await page.fill("#password", "wrong");
    await page.click('button[type="submit"]');
    await page.waitForSelector("[role=alert]");
    expect(page.url()).toContain("/signin");
    await signIn(page, h.base, "admin@demo.test", "demo-admin-1");
    await page.click('button[name="lang"][value="en"]');
    await page.waitForSelector("text=TEST payment orders");
    await page.goto(`${h.base}/settings/users`);
    expect(await page.textContent("h1")).toBe("Users");
    // No SMTP_URL in the tests: the Mailbox of the built-in catcher is in the menu, in English.
    await Promise.all([page.waitForURL(`${h.base}/mailbox`), page.click("nav >> text=Test mailbox")]);
    expect(await page.textContent("h1")).toBe("Test mailbox");
  });

  it("an expired link shows a clear page and no form", async () => {
    const o = await db.paymentOrder.findFirstOrThrow({ where: { reference: "E2E-INVALID" }, select: { id: true, token: true } });
    await db.paymentOrder.update({ where: { id: o.id }, data: { validUntil: new Date(Date.now() - 1000) } });
    const buyer = await h.page();
    await buyer.goto(`${h.base}/pay/${o.token}`);
    expect(await buyer.textContent("main")).toContain("Lien expiré");
    expect(await buyer.locator("form").count()).toBe(0);
    expect(await axeViolations(buyer)).toEqual([]);
    const unknown = await buyer.goto(`${h.base}/pay/${"z".repeat(32)}`);
    expect(unknown?.status()).toBe(404);
    expect(await buyer.textContent("main")).toContain("Lien indisponible");
  });
});
