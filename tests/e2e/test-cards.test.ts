// Every sandbox test card through the real buyer page (form → 3-D Secure challenge → outcome),
// card aliases (propose / automatic) down to the transaction's buyer tab, and the shop's accepted
// brands. Every page state is axe-clean (F-PAY-1…3, F-ORD-7, F-BO-5).
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

let n = 0;
async function link(over: Parameters<typeof newOrder>[1] = {}) {
  const o = await newOrder(users.operator, { reference: `CARD-${++n}`, locale: "en_GB", ...over });
  return { id: o.id, url: `${h.base}/pay/${o.token}` };
}

async function submitCard(page: Page, pan: string, opts: { save?: boolean } = {}) {
  await page.fill("#cardNumber", pan);
  await page.fill("#expiry", "12/30");
  await page.fill("#cvc", "123");
  if (opts.save) await page.check("#saveCard");
  await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
}

/** On the challenge page: the code the TEST page shows (or `code`), then Confirm. */
async function answerChallenge(page: Page, code?: string) {
  await page.waitForSelector("[data-outcome=challenge]");
  const shown = /(\d{6})/.exec((await page.textContent("[data-testid=challenge-test-code]")) ?? "")?.[1];
  await page.fill("#code", code ?? shown ?? "");
  await Promise.all([page.waitForNavigation(), page.click('button[value="confirm"]')]);
}

const lastTx = (orderId: string) =>
  db.transaction.findFirstOrThrow({
    where: { orderId },
    orderBy: { createdAt: "desc" },
    select: { id: true, status: true, errorCode: true, threeDs: true, aliasId: true },
  });

describe("the test cards in the browser", () => {
  it("each documented outcome: frictionless, not enrolled, challenge passed/failed, refused, insufficient funds, expired card", async () => {
    const page = await h.page("en-GB");
    const cases = [
      { pan: "4970100000000055", challenge: false, outcome: "success", status: "AUTHORISED", flow: "FRICTIONLESS", code: null },
      { pan: "4970100000000071", challenge: false, outcome: "success", status: "AUTHORISED", flow: "NONE", code: null },
      { pan: "4970100000000014", challenge: true, outcome: "success", status: "AUTHORISED", flow: "CHALLENGE", code: null },
      { pan: "4970100000000022", challenge: true, outcome: "error", status: "REFUSED", flow: "CHALLENGE", code: "3DS_FAILED" },
      { pan: "4970100000000097", challenge: false, outcome: "error", status: "REFUSED", flow: "FRICTIONLESS", code: "05" },
      { pan: "4970100000000063", challenge: false, outcome: "error", status: "REFUSED", flow: "FRICTIONLESS", code: "51" },
      { pan: "4970100000000030", challenge: false, outcome: "error", status: "REFUSED", flow: "FRICTIONLESS", code: "54" },
    ] as const;
    let checkedChallenge = false;
    for (const c of cases) {
      const l = await link();
      await page.goto(l.url);
      await submitCard(page, c.pan);
      if (c.challenge) {
        if (!checkedChallenge) {
          await page.waitForSelector("[data-outcome=challenge]");
          expect(await page.textContent("h2")).toBe("Confirm the payment with your bank");
          expect(await axeViolations(page)).toEqual([]);
          checkedChallenge = true;
        }
        await answerChallenge(page);
      }
      await page.waitForSelector(`[data-outcome=${c.outcome}]`);
      const tx = await lastTx(l.id);
      expect({ pan: c.pan, status: tx.status, code: tx.errorCode, flow: (tx.threeDs as { flow: string }).flow }).toEqual({
        pan: c.pan,
        status: c.status,
        code: c.code,
        flow: c.flow,
      });
      if (c.code === "3DS_FAILED")
        expect(await page.textContent("[data-outcome=error]")).toContain("could not confirm that you are the cardholder");
      // A refusal keeps the form: the link stays payable.
      if (c.outcome === "error") expect(await page.locator("#cardNumber").count()).toBe(1);
    }
  });

  it("a wrong code says how many tries are left; cancel refuses and returns to the form", async () => {
    const page = await h.page("en-GB");
    const l = await link({ threeDsPreference: "CHALLENGE" });
    await page.goto(l.url);
    await submitCard(page, "4970100000000055");
    await page.waitForSelector("[data-outcome=challenge]");
    const shown = /\d{6}/.exec((await page.textContent("[data-testid=challenge-test-code]")) ?? "")?.[0];
    await answerChallenge(page, shown === "000000" ? "111111" : "000000");
    expect(await page.textContent("#code-error")).toBe("Wrong code. Attempts left: 2.");
    expect(await page.getAttribute("#code", "aria-invalid")).toBe("true");
    expect(await axeViolations(page)).toEqual([]);
    await Promise.all([page.waitForNavigation(), page.click('button[value="cancel"]')]);
    await page.waitForSelector("[data-outcome=error]");
    expect(await page.textContent("[data-outcome=error]")).toContain("You cancelled the confirmation");
    expect((await lastTx(l.id)).errorCode).toBe("3DS_CANCELLED");
  });
});

describe("card aliases", () => {
  it("propose: the box, a challenge, 'card saved', and the alias on the transaction's buyer tab", async () => {
    const page = await h.page("en-GB");
    const l = await link({ aliasMode: "PROPOSE", buyerEmail: "saver@buyer.test" });
    await page.goto(l.url);
    expect(await page.textContent("label[for=saveCard]")).toBe("Save this card with Boutique Démo for my next payments");
    expect(await axeViolations(page)).toEqual([]);
    await submitCard(page, "4970100000000055", { save: true });
    await answerChallenge(page);
    await page.waitForSelector("[data-outcome=success]");
    expect(await page.textContent("[data-outcome=success]")).toContain("Card saved for your next payments.");
    const tx = await lastTx(l.id);
    const alias = await db.cardAlias.findUniqueOrThrow({ where: { id: tx.aliasId! } });

    const bo = await h.page();
    await signIn(bo, h.base, "operator@demo.test", "demo-operator-1");
    await bo.goto(`${h.base}/transactions/${tx.id}?tab=buyer`);
    const shown = (await bo.textContent("[data-testid=tx-alias]")) ?? "";
    expect(shown).toContain(alias.token);
    expect(shown).toContain("•••• 0055");
    expect(shown).toContain("12/2030");
  });

  it("automatic: no box, a notice, and an alias without asking", async () => {
    const page = await h.page("en-GB");
    const l = await link({ aliasMode: "AUTOMATIC" });
    await page.goto(l.url);
    expect(await page.locator("#saveCard").count()).toBe(0);
    expect(await page.textContent("form")).toContain("Your card will be saved with Boutique Démo");
    await submitCard(page, "5555555555554444");
    await answerChallenge(page);
    await page.waitForSelector("[data-outcome=success]");
    expect((await lastTx(l.id)).aliasId).not.toBeNull();
  });
});

describe("accepted brands", () => {
  it("the page lists the shop's brands and refuses another one on the field, with no attempt", async () => {
    await db.shop.update({ where: { id: "12345678" }, data: { acceptedBrands: ["MASTERCARD", "MAESTRO"] } });
    try {
      const page = await h.page("en-GB");
      const l = await link();
      await page.goto(l.url);
      expect(await page.textContent("#brands-accepted")).toBe("Cards accepted: Mastercard, Maestro");
      await submitCard(page, "4970100000000055");
      expect(await page.textContent("#cardNumber-error")).toBe("This merchant does not accept this card brand.");
      expect(await axeViolations(page)).toEqual([]);
      expect(await db.transaction.count({ where: { orderId: l.id } })).toBe(0);
    } finally {
      await db.shop.update({
        where: { id: "12345678" },
        data: { acceptedBrands: ["VISA", "MASTERCARD", "AMEX", "MAESTRO", "DISCOVER", "JCB", "DINERS", "UNIONPAY"] },
      });
    }
  });
});
