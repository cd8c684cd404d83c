import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decryptSecret } from "@/lib/server/secrets";
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

const prodHmac = async () =>
  decryptSecret((await db.shop.findUniqueOrThrow({ where: { id: "12345678" }, select: { prodHmacKeyEnc: true } })).prodHmacKeyEnc);

describe("Settings › REST API keys and the REST API page", () => {
  it("an administrator reveals the TEST password and rotates the PRODUCTION HMAC key through the confirmation", async () => {
    const page = await h.page();
    await signIn(page, h.base, "admin@demo.test", "demo-admin-1");
    await Promise.all([page.waitForURL(`${h.base}/settings/api-keys`), page.click("nav >> text=Clés d'API REST")]);
    expect(await page.textContent("[data-testid=rest-user]")).toBe("12345678");
    expect(await page.inputValue("#key-TEST_PASSWORD")).toBe("testpassword_••••••••0001");
    expect(await page.inputValue("#key-PRODUCTION_HMAC")).toBe("••••••••0001");
    expect(await page.textContent("main")).not.toContain("DEMOSHOPKEY");
    expect(await axeViolations(page)).toEqual([]);

    const test = page.locator("li[data-key=TEST_PASSWORD]");
    await test.getByRole("button", { name: "Afficher Mot de passe de TEST" }).click();
    await page.waitForSelector("#key-TEST_PASSWORD[data-revealed=true]");
    expect(await page.inputValue("#key-TEST_PASSWORD")).toBe("testpassword_DEMOSHOPKEY0000000001");
    expect(await test.getByRole("button", { name: "Copier Mot de passe de TEST" }).count()).toBe(1);
    const reveals = await db.auditEvent.findMany({ where: { action: "shop.key.reveal" } });
    expect(reveals.map((e) => e.after)).toEqual([{ key: "TEST_PASSWORD" }]);

    // Rotation, with the keyboard only: open, Escape cancels; open again, Tab to confirm, Enter.
    const row = page.locator("li[data-key=PRODUCTION_HMAC]");
    const dialog = row.locator("dialog");
    await row.getByRole("button", { name: "Régénérer Clé HMAC-SHA-256 de PRODUCTION" }).focus();
    await page.keyboard.press("Enter");
    await dialog.waitFor({ state: "visible" });
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    expect(await prodHmac()).toBe("prodhmac_DEMOSHOPKEY0000000001");

    await page.keyboard.press("Enter");
    await dialog.waitFor({ state: "visible" });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Annuler");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Oui, régénérer");
    await page.keyboard.press("Enter");
    await page.waitForSelector("#key-PRODUCTION_HMAC[data-revealed=true]");
    const shown = await page.inputValue("#key-PRODUCTION_HMAC");
    expect(shown).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await prodHmac()).toBe(shown);
    expect(await row.getByRole("status").textContent()).toContain("L'ancienne ne fonctionne plus");
    expect(await dialog.isVisible()).toBe(false);
    const rotations = await db.auditEvent.findMany({ where: { action: "shop.key.rotate" } });
    expect(rotations.map((e) => e.after)).toEqual([{ key: "PRODUCTION_HMAC" }]);
    expect(JSON.stringify(rotations)).not.toContain(shown);

    // After a reload the new key is masked like the others.
    await page.reload();
    expect(await page.inputValue("#key-PRODUCTION_HMAC")).toBe(`••••••••${shown.slice(-4)}`);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("an operator has no link to the keys and gets a 404 on the page", async () => {
    const page = await h.page();
    await signIn(page, h.base, "operator@demo.test", "demo-operator-1");
    expect(await page.locator("nav >> text=Clés d'API REST").count()).toBe(0);
    const res = await page.goto(`${h.base}/settings/api-keys`);
    expect(res?.status()).toBe(404);
    expect(await page.textContent("main")).toContain("Introuvable");
    expect(await page.textContent("main")).not.toContain("testpassword_");
  });

  it("the REST API page shows the base URL and a curl example with the shop's id, for every role", async () => {
    const page = await h.page();
    await signIn(page, h.base, "viewer@demo.test", "demo-viewer-1");
    await Promise.all([page.waitForURL(`${h.base}/settings/api`), page.click("nav >> text=API REST")]);
    expect(await page.textContent("[data-testid=api-base-url]")).toBe(`${h.base}/api-payment/V4/`);
    const curl = await page.inputValue("#curl-example");
    expect(curl).toContain("curl -u 12345678:testpassword_…");
    expect(curl).toContain(`'{"amount":1990,"currency":"EUR","orderId":"CMD-42"}'`);
    expect(curl).toContain(`${h.base}/api-payment/V4/Charge/CreatePaymentOrder`);
    const main = await page.textContent("main");
    for (const s of [
      "Charge/PaymentOrder/Get",
      "Charge/PaymentOrder/Update",
      "Charge/SDKTest",
      "Order/Get",
      "Charge/PaymentOrder/Cancel",
    ]) {
      expect(main).toContain(s);
    }
    expect(main).toContain("Charge/PaymentOrder/Reactivate");
    expect(main).toContain("Idempotency-Key");
    expect(await page.getAttribute("a[href='/api-payment/openapi.json']", "href")).toBe("/api-payment/openapi.json");
    expect(await axeViolations(page)).toEqual([]);

    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: h.base });
    await page.getByRole("button", { name: "Copier" }).click();
    await page.waitForSelector("text=Copié dans le presse-papiers.");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(curl);
  });

  it("reads in English too", async () => {
    const page = await h.page("en-GB");
    await signIn(page, h.base, "admin@demo.test", "demo-admin-1");
    await page.goto(`${h.base}/settings/api`);
    expect(await page.textContent("h1")).toBe("REST API");
    expect(await page.textContent("main")).toContain("Settings › REST API keys");
    await page.goto(`${h.base}/settings/api-keys`);
    expect(await page.textContent("h1")).toBe("REST API keys");
    expect(await page.getByRole("button", { name: "Reveal TEST password" }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  });
});
