// The "order by e-mail" dialog in the browser: invalid addresses listed exactly, preview, three
// orders sent by the worker through the built-in SMTP catcher, and the order's Messages section.
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

const flat = (s: string | null) => (s ?? "").replace(/\s/g, " ");
const THREE = "anne@buyer.test; bob@buyer.test;carla@buyer.test";

/** Signed in as the operator, on the e-mail dialog (reached by keyboard from the URL dialog), editor ready. */
async function openMailDialog(): Promise<Page> {
  const page = await h.page();
  await signIn(page, h.base, "operator@demo.test", "demo-operator-1");
  await page.goto(`${h.base}/orders/new?mode=TEST`);
  await page.focus("text=Par e-mail");
  await Promise.all([page.waitForURL(/\/orders\/new\?mode=TEST&channel=MAIL$/), page.keyboard.press("Enter")]);
  await page.waitForSelector("#message[contenteditable=true]");
  return page;
}

describe("create payment orders by e-mail in the browser (F-CH-MAIL)", () => {
  it("lists the invalid address, previews in French, creates three orders that the worker sends", async () => {
    const page = await openMailDialog();
    expect(await page.getAttribute("a[aria-current=page]", "href")).toContain("channel=MAIL");
    expect(await page.textContent("#message")).toContain("Bonjour");
    expect(await page.textContent("label[for=bccManager]")).toContain("boutique@demo.test");
    expect(await axeViolations(page)).toEqual([]);

    // An untouched body follows the language.
    await page.selectOption("#language", "en");
    await page.waitForFunction(() => document.querySelector("#message")?.textContent?.includes("Hello"));
    expect(await page.inputValue("#subject")).toContain("your payment link");
    await page.selectOption("#language", "fr");
    await page.waitForFunction(() => document.querySelector("#message")?.textContent?.includes("Bonjour"));

    // Unknown variables are flagged, not blocking.
    const subject = await page.inputValue("#subject");
    await page.fill("#subject", `${subject} %montant%`);
    await page.waitForSelector("[data-testid=unknown-variables] code");
    expect(await page.textContent("[data-testid=unknown-variables]")).toContain("%montant%");
    await page.fill("#subject", subject);
    await page.waitForFunction(() => !document.querySelector("[data-testid=unknown-variables] code"));

    await page.fill("#recipients", `${THREE}; pas-une-adresse`);
    await page.fill("#reference", "REF");
    await page.fill("#amount", "15,90");
    await page.click('main button[type="submit"]');
    await page.waitForSelector("[data-testid=invalid-recipients]");
    expect(await page.locator("[data-testid=invalid-recipients] li").allTextContents()).toEqual(["pas-une-adresse"]);
    expect(await page.getAttribute("#recipients", "aria-invalid")).toBe("true");
    expect(await page.inputValue("#amount")).toBe("15,90");
    expect(await db.paymentOrder.count({ where: { channel: "MAIL" } })).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    await page.fill("#recipients", THREE);
    await page.click("text=Aperçu");
    await page.waitForSelector("[data-testid=mail-preview]");
    expect(await page.textContent("[data-testid=preview-recipient]")).toBe("anne@buyer.test");
    expect(flat(await page.textContent("[data-testid=preview-subject]"))).toContain("15,90 €");
    expect(await page.getAttribute("[data-testid=mail-preview] iframe", "sandbox")).toBe("");
    const frame = page.frameLocator('iframe[title="Aperçu du message mis en forme"]');
    expect(flat(await frame.locator("body").textContent())).toContain("15,90 €");
    expect(await frame.locator("body").textContent()).toContain("REF-001");
    expect(flat(await page.textContent("[data-testid=preview-text]"))).toContain("15,90 €");

    await Promise.all([page.waitForURL(/\/test-orders\?created=3$/), page.click('main button[type="submit"]')]);
    expect(await page.textContent("[data-notice=created]")).toContain("3 ordres de paiement créés");
    const orders = await db.paymentOrder.findMany({ where: { channel: "MAIL" }, orderBy: { reference: "asc" } });
    expect(orders.map((o) => [o.reference, o.recipient])).toEqual([
      ["REF-001", "anne@buyer.test"],
      ["REF-002", "bob@buyer.test"],
      ["REF-003", "carla@buyer.test"],
    ]);
    for (const o of orders) expect(await page.locator(`tr[data-order-id="${o.id}"]`).textContent()).toContain(o.reference);

    // The worker sends them through the built-in catcher: "Envoyé" in the list within ~20 s.
    const t0 = Date.now();
    for (;;) {
      const sent = await page.locator("tr[data-order-id] [data-status=SENT]").count();
      if (sent === 3) break;
      if (Date.now() - t0 > 25_000) throw new Error(`only ${sent} of 3 orders sent`);
      await page.waitForTimeout(1000);
      await page.reload();
    }
    expect(await page.locator(`tr[data-order-id="${orders[0]!.id}"]`).textContent()).toContain("Envoyé");
    const caught = await db.caughtMail.findMany({ where: { envelopeTo: { has: "anne@buyer.test" } } });
    expect(caught).toHaveLength(1);
    expect(flat(caught[0]!.html)).toContain("15,90 €");

    await page.goto(`${h.base}/orders/${orders[0]!.id}`);
    const row = page.locator("[data-testid=order-messages] tbody tr");
    expect(await row.count()).toBe(1);
    expect(await row.getAttribute("data-message-status")).toBe("SENT");
    expect(await row.textContent()).toContain("Envoyé");
    expect(await row.textContent()).toContain("anne@buyer.test");
    const message = await db.message.findFirstOrThrow({ where: { orderId: orders[0]!.id } });
    expect(message.providerMessageId).toMatch(/^<.+@.+>$/);
    expect(await row.locator("[data-testid=message-id]").textContent()).toBe(message.providerMessageId);
    expect(caught[0]!.messageId).toBe(message.providerMessageId);
    expect(await axeViolations(page)).toEqual([]);

    // The catcher's Mailbox: the message as the buyer would get it, HTML and text.
    await Promise.all([page.waitForURL(`${h.base}/mailbox`), page.click("nav >> text=Boîte de test")]);
    expect(await page.locator("tbody tr").count()).toBe(3);
    expect(await axeViolations(page)).toEqual([]);
    await Promise.all([
      page.waitForURL(`${h.base}/mailbox/${caught[0]!.id}`),
      page.locator("tbody tr", { hasText: "anne@buyer.test" }).locator("a").click(),
    ]);
    expect(flat(await page.textContent("pre"))).toContain("15,90 €");
    expect(flat(await page.textContent("pre"))).toContain(`/pay/${orders[0]!.token}`);
    expect(await page.locator('iframe[sandbox=""]').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("one recipient opens the new order's page", async () => {
    const page = await openMailDialog();
    await page.fill("#recipients", "dora@buyer.test");
    await page.fill("#reference", "SOLO");
    await page.fill("#amount", "7");
    // The advanced dialog: options folded until asked for, keyboard reachable, axe-clean when open.
    await page.click("[data-testid=advanced-options] summary");
    await page.fill("#description", "Acompte atelier");
    await page.selectOption("#validationMode", "MANUAL");
    await page.fill("#captureDelay", "2");
    await page.selectOption("#threeDsPreference", "CHALLENGE");
    expect(await axeViolations(page)).toEqual([]);
    await Promise.all([page.waitForURL(/\/orders\/[a-f0-9]{32}\?created=1$/), page.click('main button[type="submit"]')]);
    expect(await page.textContent("[role=status]")).toContain("son e-mail part");
    expect(
      await db.paymentOrder.count({
        where: {
          reference: "SOLO",
          recipient: "dora@buyer.test",
          channel: "MAIL",
          description: "Acompte atelier",
          validationMode: "MANUAL",
          captureDelay: 2,
          threeDsPreference: "CHALLENGE",
        },
      }),
    ).toBe(1);
  });
});
