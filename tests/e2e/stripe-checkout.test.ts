// PRODUCTION orders paid in the browser through the fake Stripe's hosted Checkout page (issue 20):
// our page sends the buyer to Stripe (no card field on our side), Stripe's page takes the card and
// redirects back; the outcome is recorded once whether the signed webhooks come before or after
// the buyer's return; a declined card, the way back, and a retry with another card. Our pages
// are axe-clean; a forged webhook is refused.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { type FakeStripe, signStripePayload } from "../helpers/fake-stripe";
import { newOrder } from "../helpers/orders";
import { configureStripeShop, type StripeShop, startFakeStripeFor } from "../helpers/stripe-shop";
import { axeViolations, type Harness, signIn, startHarness } from "./harness";

const SHOP = "12345678";
let h: Harness;
let fake: FakeStripe;
let stripe: StripeShop;
let users: Awaited<ReturnType<typeof seedTenants>>;

beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
  // The server reads STRIPE_API_URL when it starts: the fake listens first.
  fake = await startFakeStripeFor("PRODUCTION");
  process.env.STRIPE_API_URL = fake.url;
  h = await startHarness();
  stripe = await configureStripeShop(db, { admin: users.admin, shopId: SHOP, base: h.base, fake });
});
afterAll(async () => {
  await h?.stop();
  await fake?.stop();
});

let n = 0;
async function link(over: Parameters<typeof newOrder>[1] = {}) {
  const o = await newOrder(users.operator, {
    mode: "PRODUCTION",
    reference: `STRIPE-${++n}`,
    locale: "en_GB",
    amountMinor: 4_990,
    ...over,
  });
  return { id: o.id, url: `${h.base}/pay/${o.token}` };
}

/** From our page to Stripe's: our page has no card field, only the button to the processor. */
async function toStripe(page: Page, url: string, checkA11y = false) {
  await page.goto(url);
  expect(await page.locator("#cardNumber").count()).toBe(0);
  if (checkA11y) expect(await axeViolations(page)).toEqual([]);
  await Promise.all([
    page.waitForURL((u) => u.toString().startsWith(`${fake.url}/c/pay/`)),
    page.click("form[data-hosted-form] button[type=submit]"),
  ]);
  expect(await page.textContent("h1")).toBe("Pay €49.90");
}

async function typeCard(page: Page, pan: string) {
  await page.fill("#cardNumber", pan);
  await page.fill("#cardExpiry", "12 / 30");
  await page.fill("#cardCvc", "123");
  await page.fill("#billingName", "Jeanne Martin");
  await page.click("button[type=submit]");
}

const transactions = (orderId: string) =>
  db.transaction.findMany({
    where: { orderId },
    orderBy: { createdAt: "asc" },
    select: { status: true, brand: true, last4: true, processorRef: true, errorCode: true },
  });

describe("Stripe Checkout in the browser", () => {
  for (const timing of ["before-redirect", "manual"] as const) {
    it(`pays a PRODUCTION order on Stripe's page (webhooks ${timing === "before-redirect" ? "before" : "after"} the return)`, async () => {
      // "manual": the webhooks are held until the buyer is back on our result page.
      fake.webhookTiming = timing;
      const l = await link();
      const page = await h.page("en-GB");
      await toStripe(page, l.url, timing === "before-redirect");
      const deliveredBefore = fake.deliveries.length;
      await typeCard(page, "4242 4242 4242 4242");
      await page.waitForURL((u) => u.toString().startsWith(`${h.base}/pay/`));
      await page.waitForSelector("[data-outcome=success]");
      if (timing === "manual") {
        // Recorded by the return; the webhooks then change nothing.
        expect(fake.deliveries.length).toBe(deliveredBefore);
        expect(await transactions(l.id)).toHaveLength(1);
        await fake.flushWebhooks();
      } else {
        expect(await axeViolations(page)).toEqual([]);
      }
      await expect.poll(() => fake.deliveries.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(deliveredBefore + 3);
      expect(fake.deliveries.slice(deliveredBefore).map((d) => d.status)).toEqual([200, 200, 200]);
      const txs = await transactions(l.id);
      expect(txs).toEqual([
        { status: "CAPTURED", brand: "VISA", last4: "4242", processorRef: expect.stringMatching(/^pi_/), errorCode: null },
      ]);
      expect((await db.paymentOrder.findUniqueOrThrow({ where: { id: l.id } })).status).toBe("PAID");
      await page.close();
    });
  }

  it("a declined card: Stripe's page says so, the buyer comes back, sees the refusal and pays with another card", async () => {
    fake.webhookTiming = "before-redirect";
    const l = await link();
    const page = await h.page("en-GB");
    await toStripe(page, l.url);
    await typeCard(page, "4000 0000 0000 0002");
    await page.waitForSelector("#card-errors");
    expect(await page.textContent("#card-errors")).toBe("Your card was declined.");
    expect(await transactions(l.id)).toEqual([]);
    await Promise.all([page.waitForURL((u) => u.toString().startsWith(`${h.base}/pay/`)), page.click("text=← Back to the merchant")]);
    await page.waitForSelector("[data-outcome=error]");
    expect(await axeViolations(page)).toEqual([]);
    expect(await transactions(l.id)).toMatchObject([{ status: "REFUSED", errorCode: "generic_decline", last4: "0002" }]);
    await Promise.all([
      page.waitForURL((u) => u.toString().startsWith(`${fake.url}/c/pay/`)),
      page.click("form[data-hosted-form] button[type=submit]"),
    ]);
    await typeCard(page, "5555 5555 5555 4444");
    await page.waitForSelector("[data-outcome=success]");
    expect(await transactions(l.id)).toMatchObject([{ status: "REFUSED" }, { status: "CAPTURED", brand: "MASTERCARD", last4: "4444" }]);
    await page.close();
  });

  it("refuses a forged webhook at the notification URL", async () => {
    const body = JSON.stringify({
      id: "evt_forged",
      object: "event",
      type: "checkout.session.completed",
      livemode: true,
      data: { object: {} },
    });
    expect((await fake.post(body, signStripePayload(body, "whsec_notTheEndpoints0"))).status).toBe(400);
    expect((await fake.post(body, null)).status).toBe(400);
    // Signed with the endpoint's secret, but not these bytes.
    const altered = body.replace("evt_forged", "evt_altered");
    expect((await fake.post(altered, signStripePayload(body, stripe.webhookSecret))).status).toBe(400);
  });

  it("Settings › Payment processor: Stripe's secrets never shown again, a wrong key fails the test, the right one passes", async () => {
    const page = await h.page("en-GB");
    await signIn(page, h.base, "admin@demo.test", "demo-admin-1");
    await page.goto(`${h.base}/settings/payment-processor?shop=${SHOP}`);
    const prod = page.locator("[data-testid=processor-PRODUCTION]");
    expect(await prod.getAttribute("data-verified")).toBe("true");
    expect(await page.inputValue("#PRODUCTION-kind")).toBe("STRIPE");
    expect(await page.inputValue("#PRODUCTION-secretKey")).toBe("");
    expect(await page.content()).not.toContain(fake.secretKey);
    expect(await page.content()).not.toContain(stripe.webhookSecret);
    expect(await page.textContent("[data-testid=processor-notify-url-PRODUCTION]")).toBe(fake.webhook?.url);
    expect(await axeViolations(page)).toEqual([]);
    // Another account's key (the webhook secret left empty: the saved one is kept).
    await page.fill("#PRODUCTION-secretKey", "sk_live_notThisAccount0123456789");
    await prod.locator("button", { hasText: "Save" }).click();
    await page.waitForSelector("[data-testid=processor-PRODUCTION][data-verified=false]");
    await prod.locator("button", { hasText: "Test the connection" }).click();
    await page.waitForSelector("[data-testid=processor-PRODUCTION] [role=alert]");
    expect(await prod.locator("[role=alert]").textContent()).toContain("Invalid API Key");
    expect(await prod.getAttribute("data-verified")).toBe("false");
    // The account's own key: verified again, the webhook secret still the saved one.
    await page.fill("#PRODUCTION-secretKey", fake.secretKey);
    await prod.locator("button", { hasText: "Save" }).click();
    await page.waitForSelector("[data-testid=processor-PRODUCTION] [role=status]");
    await prod.locator("button", { hasText: "Test the connection" }).click();
    await page.waitForSelector("[data-testid=processor-PRODUCTION][data-verified=true]");
    fake.webhookTiming = "before-redirect";
    const l = await link();
    const buyer = await h.page("en-GB");
    await toStripe(buyer, l.url);
    await typeCard(buyer, "4242424242424242");
    await buyer.waitForSelector("[data-outcome=success]");
    expect(fake.deliveries.at(-1)?.status).toBe(200);
    await page.close();
    await buyer.close();
  });
});
