// An invoice paid from the shop's public form, end to end in the browser: the operator creates
// the invoice order in the back office, the buyer finds it by its reference on /collect/12345678,
// fills the shop's data collection form and pays; the transaction's buyer tab shows the data
// (F-CH-INVOICE, F-ORD-5, F-SET-4). Every buyer page is axe-clean.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { axeViolations, type Harness, signIn, startHarness } from "./harness";

let h: Harness;
beforeAll(async () => {
  await resetDatabase();
  await seedTenants();
  await db.dataCollectionForm.create({
    data: {
      shopId: "12345678",
      invoiceMode: true,
      fields: [
        { key: "firstName", required: true },
        { key: "lastName", required: true },
        { key: "email", required: false },
        { key: "custom1", required: false, label: "Numéro client" },
      ],
    },
  });
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

describe("paying an invoice from /collect/<shopId>", () => {
  it("back-office creation → reference lookup → the shop's form → card → transaction with the buyer's data", async () => {
    const bo = await h.page();
    await signIn(bo, h.base, "operator@demo.test", "demo-operator-1");
    await bo.goto(`${h.base}/orders/new?mode=TEST&channel=INVOICE`);
    await bo.fill("#reference", "FAC-2026-0042");
    await bo.fill("#amount", "86,40");
    await bo.fill("#description", "Entretien de la chaudière du 12 novembre");
    await Promise.all([bo.waitForURL(/\/orders\/[a-f0-9]{32}\?created=1/), bo.click('main button[type="submit"]')]);
    expect(await bo.textContent("[data-testid=invoice-collect-url]")).toContain(`${h.base}/collect/12345678`);
    const orderId = /\/orders\/([a-f0-9]{32})/.exec(bo.url())![1]!;

    const buyer = await h.page("fr-FR");
    await buyer.goto(`${h.base}/collect/12345678`);
    expect(await buyer.textContent("h1")).toBe("Payer une facture");
    expect(await axeViolations(buyer)).toEqual([]);
    await buyer.fill("#reference", "FAC-2026-9999");
    await Promise.all([buyer.waitForNavigation(), buyer.click('button[type="submit"]')]);
    expect(await buyer.textContent("#reference-error")).toBe(
      "Aucune facture à payer ne correspond à cette référence. Vérifiez-la et réessayez.",
    );
    expect(await axeViolations(buyer)).toEqual([]);

    await buyer.fill("#reference", " fac-2026-0042 ");
    await Promise.all([buyer.waitForURL(/\/pay\/[^/]+\/details/), buyer.click('button[type="submit"]')]);
    expect((await buyer.textContent("[data-testid=pay-amount]"))?.replace(/\s/g, " ")).toBe("86,40 €");
    // The description is the "?" help next to the reference.
    await buyer.click(".help-toggle summary");
    expect(await buyer.textContent(".help-toggle p")).toBe("Entretien de la chaudière du 12 novembre");
    expect(await axeViolations(buyer)).toEqual([]);

    await Promise.all([buyer.waitForNavigation(), buyer.click('button[type="submit"]')]);
    expect(await buyer.textContent("#firstName-error")).toBe("Ce champ est obligatoire.");
    expect(await buyer.getAttribute("#lastName", "aria-invalid")).toBe("true");
    expect(await axeViolations(buyer)).toEqual([]);
    await buyer.fill("#firstName", "Camille");
    await buyer.fill("#lastName", "Durand");
    await buyer.fill("#email", "camille@buyer.test");
    await buyer.fill("#custom1", "C-778");
    await Promise.all([buyer.waitForURL(/\/pay\/[^/?]+$/), buyer.click('button[type="submit"]')]);

    await buyer.fill("#cardNumber", "4970100000000055");
    await buyer.fill("#expiry", "12/30");
    await buyer.fill("#cvc", "123");
    await Promise.all([buyer.waitForNavigation(), buyer.click('button[type="submit"]')]);
    await buyer.waitForSelector("[data-outcome=success]");

    const tx = await db.transaction.findFirstOrThrow({ where: { orderId }, select: { id: true, buyerData: true } });
    expect(tx.buyerData).toEqual({ firstName: "Camille", lastName: "Durand", email: "camille@buyer.test", custom1: "C-778" });
    await bo.goto(`${h.base}/transactions/${tx.id}?tab=buyer`);
    const main = (await bo.textContent("main")) ?? "";
    for (const v of ["Camille", "Durand", "camille@buyer.test", "C-778"]) expect(main).toContain(v);
    // Paid: the reference no longer finds anything.
    await buyer.goto(`${h.base}/collect/12345678`);
    await buyer.fill("#reference", "FAC-2026-0042");
    await Promise.all([buyer.waitForNavigation(), buyer.click('button[type="submit"]')]);
    expect(await buyer.locator("#reference-error").count()).toBe(1);
  });
});
