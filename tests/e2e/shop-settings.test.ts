import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCalendarDays, dayInZone } from "@/lib/time/shop-time";
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

const SHOP = "12345678";
const shop = () => db.shop.findUniqueOrThrow({ where: { id: SHOP }, select: { defaultValidityDays: true, timeZone: true } });
const audits = () => db.auditEvent.findMany({ where: { shopId: SHOP, action: "shop.settings.update" } });

describe("Settings › Shop (F-SET-1)", () => {
  it("an administrator is told about an invalid validity, then saves 14 days in Tahiti; the new order form proposes it", async () => {
    const page = await h.page();
    await signIn(page, h.base, "admin@demo.test", "demo-admin-1");
    await Promise.all([page.waitForURL(`${h.base}/settings/shop`), page.click("nav >> text=Boutique")]);
    expect(await page.textContent("h1")).toBe("Paramètres de la boutique");
    expect(await page.inputValue("#name")).toBe("Boutique Démo");
    expect(await page.inputValue("#defaultValidityDays")).toBe("7");
    expect(await page.inputValue("#timeZone")).toBe("Europe/Paris");
    expect(await page.isChecked("#languages-fr")).toBe(true);
    expect(await page.isChecked("#currencies-EUR")).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    // 95 days, submitted with the keyboard (Enter in the field): the error is shown next to it, nothing is saved.
    await page.fill("#defaultValidityDays", "95");
    await page.press("#defaultValidityDays", "Enter");
    await page.waitForSelector("#defaultValidityDays-error");
    expect(await page.textContent("#defaultValidityDays-error")).toBe("Un nombre entier de jours, de 1 à 90.");
    expect(await page.getAttribute("#defaultValidityDays", "aria-invalid")).toBe("true");
    expect(await page.getAttribute("#defaultValidityDays", "aria-describedby")).toContain("defaultValidityDays-error");
    expect(await page.locator("form [role=alert]").textContent()).toContain("Le formulaire contient des erreurs");
    expect(await page.inputValue("#defaultValidityDays")).toBe("95");
    expect(await shop()).toEqual({ defaultValidityDays: 7, timeZone: "Europe/Paris" });
    expect(await audits()).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);

    await page.fill("#defaultValidityDays", "14");
    await page.selectOption("#timeZone", "Pacific/Tahiti");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await page.waitForSelector("[role=status] >> text=Paramètres enregistrés.");
    expect(await page.locator("#defaultValidityDays-error").count()).toBe(0);
    expect(await page.locator("form [role=alert]").count()).toBe(0);
    expect(await page.inputValue("#defaultValidityDays")).toBe("14");
    expect(await page.inputValue("#timeZone")).toBe("Pacific/Tahiti");
    expect(await shop()).toEqual({ defaultValidityDays: 14, timeZone: "Pacific/Tahiti" });
    const events = await audits();
    expect(events.map((e) => [e.before, e.after])).toEqual([
      [
        { defaultValidityDays: 7, timeZone: "Europe/Paris" },
        { defaultValidityDays: 14, timeZone: "Pacific/Tahiti" },
      ],
    ]);

    await page.reload();
    expect(await page.inputValue("#defaultValidityDays")).toBe("14");
    expect(await page.inputValue("#timeZone")).toBe("Pacific/Tahiti");

    await page.goto(`${h.base}/orders/new?mode=TEST`);
    const proposed = await page.inputValue("#validUntil");
    const now = new Date();
    // Either side of midnight in Tahiti while the page was rendered.
    expect([
      addCalendarDays(dayInZone(now, "Pacific/Tahiti"), 14),
      addCalendarDays(dayInZone(new Date(now.getTime() - 60_000), "Pacific/Tahiti"), 14),
    ]).toContain(proposed);
  });

  it("an operator sees the same values read-only: disabled fields, no save button", async () => {
    const page = await h.page();
    await signIn(page, h.base, "operator@demo.test", "demo-operator-1");
    await page.goto(`${h.base}/settings/shop`);
    expect(await page.textContent("[data-testid=read-only-note]")).toContain("Seuls les administrateurs");
    expect(await page.inputValue("#defaultValidityDays")).toBe("14");
    expect(await page.inputValue("#timeZone")).toBe("Pacific/Tahiti");
    for (const id of ["#name", "#url", "#managerEmail", "#defaultValidityDays", "#defaultCaptureDelay", "#timeZone", "#defaultLanguage"]) {
      expect(await page.isDisabled(id)).toBe(true);
    }
    expect(await page.isDisabled("#languages-fr")).toBe(true);
    expect(await page.isDisabled("#currencies-EUR")).toBe(true);
    expect(await page.getByRole("button", { name: "Enregistrer" }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("reads in English too", async () => {
    const page = await h.page("en-GB");
    await signIn(page, h.base, "viewer@demo.test", "demo-viewer-1");
    await page.goto(`${h.base}/settings/shop`);
    expect(await page.textContent("h1")).toBe("Shop settings");
    expect(await page.textContent("label[for=defaultValidityDays]")).toBe("Default validity (days)");
    expect(await page.textContent("[data-testid=read-only-note]")).toContain("Only administrators");
    expect(await axeViolations(page)).toEqual([]);
  });
});
