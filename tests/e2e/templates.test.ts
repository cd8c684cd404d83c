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

const SHOP = "12345678";
const flat = (s: string | null) => (s ?? "").replace(/\s/g, " ");
const templates = () =>
  db.template.findMany({
    where: { shopId: SHOP },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, isDefault: true, body: true },
  });

describe("Settings › Templates (F-TPL-1…4)", () => {
  it("an operator writes an e-mail template, sees an unknown variable and the preview, duplicates and deletes; the administrator makes the default", async () => {
    const page = await h.page();
    await signIn(page, h.base, "operator@demo.test", "demo-operator-1");
    await Promise.all([page.waitForURL(`${h.base}/settings/templates`), page.click("nav >> text=Modèles")]);
    expect(await page.textContent("h1")).toBe("Modèles de messages");
    const mailOrder = page.locator('[data-group="MAIL/ORDER"]');
    expect(await mailOrder.locator("tr[data-builtin]").count()).toBe(2);
    expect(await mailOrder.locator("tr[data-builtin=fr]").textContent()).toContain("Utilisé");
    expect(await axeViolations(page)).toEqual([]);

    // The form, prefilled with the built-in e-mail in French.
    await Promise.all([page.waitForURL(/\/settings\/templates\/new\?shop=12345678$/), page.click("text=Nouveau modèle")]);
    await page.waitForSelector("#body[contenteditable=true]");
    expect(await page.textContent("#body")).toContain("Bonjour");
    expect(await page.inputValue("#subject")).toContain("%shop_name%");
    expect(await axeViolations(page)).toEqual([]);

    await page.fill("#name", "Rappel courtois");
    await page.fill("#subject", "Commande %reference% chez %shop_name%");
    await page.focus("#body");
    await page.keyboard.press("Control+End");
    await page.keyboard.type(" Merci pour %montant_ttc%.");
    // Flagged while typing, and the live preview follows the text.
    await page.waitForSelector("[data-testid=unknown-live] code");
    expect(await page.textContent("[data-testid=unknown-live]")).toContain("%montant_ttc%");
    const frame = page.frameLocator("[data-testid=preview] iframe");
    await frame.locator("body >> text=Merci pour").waitFor();

    // Save: the template page opens, the variable is flagged again, the preview is in French.
    await Promise.all([
      page.waitForURL(/\/settings\/templates\/[0-9a-f-]{36}\?done=created$/),
      page.click("main form button[type=submit]"),
    ]);
    expect(await page.textContent("[data-notice=done]")).toContain("Modèle créé");
    expect(await page.textContent("[data-testid=unknown-saved]")).toContain("%montant_ttc%");
    expect(await page.getAttribute("[data-testid=preview] iframe", "sandbox")).toBe("");
    expect(flat(await frame.locator("body").textContent())).toContain("15,90 €");
    expect(flat(await frame.locator("body").textContent())).toContain("Merci pour %montant_ttc%.");
    expect(await page.textContent("[data-testid=preview-subject]")).toBe("Commande CMD-2026-001 chez Boutique Démo");
    expect(flat(await page.textContent("[data-testid=preview-text]"))).toContain("15,90 €");
    const [created] = await templates();
    expect(created).toMatchObject({ name: "Rappel courtois", isDefault: false });
    expect(created!.body).toContain("%montant_ttc%");
    expect(await db.auditEvent.count({ where: { action: "template.create", shopId: SHOP } })).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    // Edit: saving shows the warning again and the saved notice, without leaving the page.
    await page.fill("#name", "Rappel courtois FR");
    await page.click("main form button[type=submit]");
    await page.waitForSelector("[role=status] >> text=Modèle enregistré.");
    expect(await page.textContent("[data-testid=unknown-saved]")).toContain("%montant_ttc%");
    expect((await templates())[0]!.name).toBe("Rappel courtois FR");

    // Duplicate from the list.
    await page.click("text=Retour aux modèles");
    await page.waitForURL(`${h.base}/settings/templates?shop=${SHOP}`);
    await Promise.all([page.waitForURL(/done=duplicate$/), page.click(`tr[data-template="${created!.id}"] button:has-text("Dupliquer")`)]);
    expect(await page.textContent("[data-notice=duplicate]")).toContain("Copie créée");
    const [, copy] = await templates();
    expect(copy).toMatchObject({ name: "Rappel courtois FR (copie)", isDefault: false, body: created!.body });
    expect(await mailOrder.locator(`tr[data-template="${copy!.id}"]`).textContent()).toContain("Rappel courtois FR (copie)");

    // Defaults, receipts and built-ins are administrators' settings: the operator is told, and offered none of it.
    expect(await page.textContent("[data-testid=admin-only-note]")).toContain("réservés aux administrateurs");
    for (const action of ["Rendre par défaut", "Personnaliser"])
      expect(await page.locator(`main button:has-text("${action}")`).count()).toBe(0);
    const receipts = page.locator('[data-group="MAIL/RECEIPT_BUYER"]');
    expect(await receipts.locator("button").count()).toBe(0);

    // The administrator makes the copy the default: badge, and the built-in French e-mail is no longer used.
    const admin = await h.page();
    await signIn(admin, h.base, "admin@demo.test", "demo-admin-1");
    await admin.goto(`${h.base}/settings/templates?shop=${SHOP}`);
    expect(await admin.locator("[data-testid=admin-only-note]").count()).toBe(0);
    await Promise.all([
      admin.waitForURL(/done=default$/),
      admin.click(`tr[data-template="${copy!.id}"] button:has-text("Rendre par défaut")`),
    ]);
    const adminMailOrder = admin.locator('[data-group="MAIL/ORDER"]');
    expect(await adminMailOrder.locator(`tr[data-template="${copy!.id}"]`).textContent()).toContain("Par défaut");
    expect(await adminMailOrder.locator("tr[data-builtin=fr]").textContent()).toContain("Remplacé");
    expect(await adminMailOrder.locator("tr[data-builtin=en]").textContent()).toContain("Utilisé");
    expect((await templates()).map((t) => t.isDefault)).toEqual([false, true]);

    // Now a setting, the copy is read-only for the operator (no delete); their own template is still theirs.
    await page.reload();
    const copyRow = page.locator(`tr[data-template="${copy!.id}"]`);
    expect(await copyRow.locator("text=Consulter").count()).toBe(1);
    expect(await copyRow.getByRole("button", { name: /^Supprimer/ }).count()).toBe(0);

    // Delete the original, after the confirmation.
    const row = page.locator(`tr[data-template="${created!.id}"]`);
    await row.getByRole("button", { name: "Supprimer Rappel courtois FR", exact: true }).click();
    const dialog = page.locator(`dialog[aria-labelledby="delete-${created!.id}-title"]`);
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain("Rappel courtois FR");
    await dialog.locator("text=Annuler").click();
    expect(await dialog.isVisible()).toBe(false);
    expect(await templates()).toHaveLength(2);
    await row.getByRole("button", { name: "Supprimer Rappel courtois FR", exact: true }).click();
    await Promise.all([page.waitForURL(/done=delete$/), dialog.locator("text=Supprimer définitivement").click()]);
    expect(await page.textContent("[data-notice=delete]")).toContain("Modèle supprimé");
    expect(await page.locator(`tr[data-template="${created!.id}"]`).count()).toBe(0);
    expect((await templates()).map((t) => t.id)).toEqual([copy!.id]);
    expect(
      (await db.auditEvent.findMany({ where: { shopId: SHOP, action: { startsWith: "template." } }, orderBy: { createdAt: "asc" } })).map(
        (e) => e.action,
      ),
    ).toEqual(["template.create", "template.update", "template.duplicate", "template.default", "template.delete"]);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("an SMS starts from the built-in text and shows its length; Customise copies a built-in template", async () => {
    const page = await h.page();
    await signIn(page, h.base, "admin@demo.test", "demo-admin-1");
    await page.goto(`${h.base}/settings/templates/new?shop=${SHOP}`);
    await page.waitForSelector("#body[contenteditable=true]");
    await page.selectOption("#channel", "SMS");
    await page.waitForSelector("textarea#body");
    expect(await page.inputValue("#body")).toContain("réglez %amount%");
    expect(await page.locator("#subject").count()).toBe(0);
    expect(await page.locator("#kind option").allTextContents()).toEqual(["Ordre de paiement", "Relance avant expiration"]);
    await page.waitForSelector("[data-testid=preview-length]");
    await page.waitForFunction(() => document.querySelector("[data-testid=preview-text]")?.textContent?.includes("15,90"));
    expect(await page.textContent("[data-testid=preview-length]")).toMatch(/^\d+ caractères \/ 500$/);
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${h.base}/settings/templates?shop=${SHOP}`);
    await Promise.all([
      page.waitForURL(/\/settings\/templates\/[0-9a-f-]{36}\?done=customize$/),
      page.click('[data-group="URL/ORDER"] tr[data-builtin=en] button:has-text("Personnaliser")'),
    ]);
    expect(await page.inputValue("#name")).toBe("Modèle standard EN (copie)");
    expect(await page.inputValue("#channel")).toBe("URL");
    expect(await page.inputValue("#language")).toBe("en");
    expect(await page.inputValue("#body")).toContain("Hello");
    expect(await page.isChecked("#isDefault")).toBe(false);
  });

  it("a viewer reads the templates without any action", async () => {
    const page = await h.page();
    await signIn(page, h.base, "viewer@demo.test", "demo-viewer-1");
    await page.goto(`${h.base}/settings/templates`);
    expect(await page.textContent("[data-testid=read-only-note]")).toContain("pas de les modifier");
    expect(await page.locator("text=Nouveau modèle").count()).toBe(0);
    for (const action of ["Dupliquer", "Rendre par défaut", "Supprimer", "Personnaliser"]) {
      expect(await page.locator(`main button:has-text("${action}")`).count()).toBe(0);
    }
    expect(await axeViolations(page)).toEqual([]);
    const [copy] = await templates();
    await page.click(`tr[data-template="${copy!.id}"] >> text=Consulter`);
    await page.waitForURL(`${h.base}/settings/templates/${copy!.id}`);
    expect(await page.locator("main form").count()).toBe(0);
    expect(await page.textContent("[data-testid=template-body]")).toContain("%montant_ttc%");
    expect(flat(await page.frameLocator("[data-testid=preview] iframe").locator("body").textContent())).toContain("15,90 €");
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${h.base}/settings/templates/new`);
    expect(await page.textContent("h1")).not.toBe("Nouveau modèle de message");
  });
});
