// Settings › Company in the browser (F-SET-2): field errors, the write-only SMS password, test
// credits, read-only for operators; and the sandbox path end to end: an SMS and a WhatsApp order
// sent by the server's worker to the built-in gateways, shown in the test outbox of their tenant.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrder } from "@/lib/orders/create-order";
import { decryptSecret } from "@/lib/server/secrets";
import { db, resetDatabase, seedTenants } from "../helpers/db";
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

const company = () => db.company.findUniqueOrThrow({ where: { id: users.admin.companyId }, omit: { smsPasswordEnc: false } });

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, maxMs = 20_000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() - t0 > maxMs) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("Settings › Company (F-SET-2)", () => {
  it("an administrator fixes the named fields, saves the SMS account, changes nothing of the password by default, adds test credits", async () => {
    const page = await h.page();
    await signIn(page, h.base, "admin@demo.test", "demo-admin-1");
    await Promise.all([page.waitForURL(`${h.base}/settings/company`), page.click("nav >> text=Société (compte SMS)")]);
    expect(await page.textContent("h1")).toBe("Société et compte SMS");
    expect(await page.inputValue("#name")).toBe("Démo SARL");
    expect(await page.textContent("[data-testid=sms-credits]")).toBe("100");
    expect(await page.textContent("[data-testid=sms-gateway]")).toContain("passerelle de test");
    expect(await axeViolations(page)).toEqual([]);

    await page.fill("#smsProviderUrl", "https://api.sms.example");
    await page.fill("#smsSender", "TOO LONG NAME");
    await page.fill("#smsNotifyPhone", "06 12 34 56 78");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await page.waitForSelector("#smsSender-error");
    expect(await page.textContent("#smsNotifyPhone-error")).toContain("format international");
    expect(await page.textContent("#smsLogin-error")).toContain("identifiant");
    expect(await page.getAttribute("#smsSender", "aria-invalid")).toBe("true");
    expect(await page.locator("form [role=alert]").textContent()).toContain("Le formulaire contient des erreurs");
    expect(await page.inputValue("#smsSender")).toBe("TOO LONG NAME");
    expect(await axeViolations(page)).toEqual([]);

    await page.fill("#smsLogin", "AC42");
    await page.fill("#smsPassword", "provider-secret-1");
    await page.fill("#smsSender", "DEMO");
    await page.fill("#smsNotifyPhone", "+33 6 12 34 56 78");
    await page.fill("#smsLowCreditThreshold", "15");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await page.waitForSelector("[role=status] >> text=Paramètres enregistrés.");
    let c = await company();
    expect(c).toMatchObject({
      smsProviderUrl: "https://api.sms.example",
      smsLogin: "AC42",
      smsSender: "DEMO",
      smsNotifyPhone: "+33612345678",
    });
    expect(c.smsLowCreditThreshold).toBe(15);
    expect(decryptSecret(c.smsPasswordEnc!)).toBe("provider-secret-1");

    // Write-only: a mask and a "change" button; saving again keeps the stored password.
    await page.reload();
    expect(await page.locator("#smsPassword").count()).toBe(0);
    expect(await page.textContent("[data-testid=sms-password-mask]")).toContain("••••");
    expect(await page.content()).not.toContain("provider-secret-1");
    expect(await page.textContent("[data-testid=sms-gateway]")).toContain("votre propre compte");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Changer le mot de passe" }).click();
    await page.waitForSelector("#smsPassword");
    await page.getByRole("button", { name: "Garder le mot de passe actuel" }).click();
    expect(await page.locator("#smsPassword").count()).toBe(0);
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await page.waitForSelector("[role=status] >> text=Aucune modification à enregistrer.");
    expect((await company()).smsPasswordEnc).toBe(c.smsPasswordEnc);

    // Back to the sandbox: test credits.
    await page.fill("#smsProviderUrl", "");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await page.waitForSelector("[role=status] >> text=Paramètres enregistrés.");
    c = await company();
    expect(c).toMatchObject({ smsProviderUrl: null, smsLogin: null, smsPasswordEnc: null });
    await page.reload();
    await page.getByRole("button", { name: "Ajouter 100 crédits de test" }).click();
    await page.waitForSelector("text=100 crédits de test ajoutés.");
    expect(await page.textContent("[data-testid=sms-credits]")).toBe("200");
    expect(await axeViolations(page)).toEqual([]);
    expect(await db.auditEvent.count({ where: { companyId: c.id, action: "company.settings.update" } })).toBe(2);
  });

  it("an operator reads it without credentials: disabled fields, no save, no password button", async () => {
    await db.company.update({
      where: { id: users.admin.companyId },
      data: { smsLogin: "AC42", smsProviderUrl: "https://api.sms.example" },
    });
    try {
      const page = await h.page();
      await signIn(page, h.base, "operator@demo.test", "demo-operator-1");
      await page.goto(`${h.base}/settings/company`);
      expect(await page.textContent("[data-testid=read-only-note]")).toContain("Seuls les administrateurs");
      for (const id of [
        "#name",
        "#managerEmail",
        "#smsProviderUrl",
        "#smsLogin",
        "#smsSender",
        "#smsNotifyPhone",
        "#smsLowCreditThreshold",
      ]) {
        expect(await page.isDisabled(id)).toBe(true);
      }
      expect(await page.inputValue("#smsLogin")).not.toContain("AC42");
      expect(await page.content()).not.toContain("AC42");
      expect(await page.getByRole("button", { name: "Enregistrer" }).count()).toBe(0);
      expect(await page.getByRole("button", { name: "Changer le mot de passe" }).count()).toBe(0);
      expect(await page.getByRole("button", { name: "Ajouter 100 crédits de test" }).count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await db.company.update({ where: { id: users.admin.companyId }, data: { smsLogin: null, smsProviderUrl: null } });
    }
  });

  it("reads in English too", async () => {
    const page = await h.page("en-GB");
    await signIn(page, h.base, "viewer@demo.test", "demo-viewer-1");
    await page.goto(`${h.base}/settings/company`);
    expect(await page.textContent("h1")).toBe("Company and SMS account");
    expect(await page.textContent("label[for=smsSender]")).toBe("Sender (optional)");
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe("the sandbox gateways and the test outbox", () => {
  it("an SMS and a WhatsApp order go through the sandboxes; the SMS report marks it sent; each tenant sees its own outbox", async () => {
    const base = { actor: users.operator, shopId: "12345678", mode: "TEST" as const, amountMinor: 2500, currency: "EUR" };
    const sms = await createOrder(db, { ...base, channel: "SMS", recipient: "+33612345678", message: "Réglez %amount% : %url%" });
    const wa = await createOrder(db, { ...base, channel: "WHATSAPP", recipient: "+33698765432", message: "Bonjour : %url%" });
    const sent = (id: string) =>
      until(
        () => db.paymentOrder.findUniqueOrThrow({ where: { id } }),
        (o) => o.deliveryStatus === "SENT",
      );
    expect((await sent(sms.id)).deliveryStatus).toBe("SENT");
    expect((await sent(wa.id)).deliveryStatus).toBe("SENT");
    expect(await db.message.findFirstOrThrow({ where: { orderId: sms.id } })).toMatchObject({
      status: "SENT",
      providerStatus: "delivered",
    });

    const page = await h.page();
    await signIn(page, h.base, "operator@demo.test", "demo-operator-1");
    await Promise.all([page.waitForURL(`${h.base}/outbox`), page.click("nav >> text=SMS / WhatsApp de test")]);
    expect(await page.textContent("h1")).toBe("Boîte d'envoi SMS / WhatsApp de test");
    const rows = page.locator("[data-testid=outbox-row]");
    expect(await rows.count()).toBe(2);
    const text = (await rows.allTextContents()).join("\n");
    expect(text).toContain("+33612345678");
    expect(text).toContain(`/pay/${sms.token}`);
    expect(text).toContain("remis");
    expect(text).toContain("WhatsApp");
    expect(await axeViolations(page)).toEqual([]);

    const other = await h.page();
    await signIn(other, h.base, "other@demo.test", "demo-other-1");
    await other.goto(`${h.base}/outbox`);
    expect(await other.locator("[data-testid=outbox-row]").count()).toBe(0);
    expect(await other.textContent("main")).toContain("Aucun message reçu");
  });
});
