import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureTransactionsSweep } from "@/lib/payments/jobs";
import { getBoss, stopBoss } from "@/lib/server/jobs/boss";
import { dayInZone } from "@/lib/time/shop-time";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { card, newOrder, payNow } from "../helpers/orders";
import { axeViolations, type Harness, signIn, startHarness } from "./harness";

let h: Harness;
let users: Awaited<ReturnType<typeof seedTenants>>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
  const pay = async (reference: string, pan: string, over: Parameters<typeof newOrder>[1] = {}) => {
    // Capture in 3 days: the server's own capture sweep leaves them all alone during the test.
    const o = await newOrder(users.operator, { reference, captureDelay: 3, ...over });
    ids[reference] = (await payNow({ token: o.token, card: card(pan) })).transactionId;
    ids[`order:${reference}`] = o.id;
  };
  await pay("TXE-OK", "4970100000000055");
  await pay("TXE-REFUSED", "4970100000000097");
  await pay("TXE-BIG", "4970100000000055", { amountMinor: 120_00 });
  await pay("TXE-MANUAL", "4970100000000055", { validationMode: "MANUAL" });
  await pay("TXE-MANUAL-2", "4970100000000055", { validationMode: "MANUAL" });
  h = await startHarness();
});
afterAll(async () => {
  await stopBoss();
  await h?.stop();
});

async function operator() {
  const page = await h.page();
  await signIn(page, h.base, "operator@demo.test", "demo-operator-1");
  return page;
}
const listed = (page: Page) =>
  page.locator("[data-testid=transactions] tbody tr td:nth-child(7)").evaluateAll((els) => els.map((e) => e.textContent?.trim()).sort());
const status = async (id: string) => (await db.transaction.findUniqueOrThrow({ where: { id } })).status;

describe("transactions in the back office (F-BO-5, F-ORD-7)", () => {
  it("list: newest first, filters by status, reference, amount, last 4 and dates; clear errors; axe-clean", async () => {
    const page = await operator();
    await page.goto(`${h.base}/transactions`);
    const order = await page
      .locator("[data-testid=transactions] tbody tr")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-transaction-id")));
    expect(order).toEqual([ids["TXE-MANUAL-2"], ids["TXE-MANUAL"], ids["TXE-BIG"], ids["TXE-REFUSED"], ids["TXE-OK"]]);
    expect(await axeViolations(page)).toEqual([]);

    await page.selectOption("#status", "REFUSED");
    await Promise.all([page.waitForURL(/status=REFUSED/), page.click("[data-testid=txsearch-submit]")]);
    expect(await listed(page)).toEqual(["TXE-REFUSED"]);

    await page.goto(`${h.base}/transactions?reference=txe-big`);
    expect(await listed(page)).toEqual(["TXE-BIG"]);
    await page.goto(`${h.base}/transactions?currency=EUR&amountMin=100`);
    expect(await listed(page)).toEqual(["TXE-BIG"]);
    await page.goto(`${h.base}/transactions?currency=EUR&amountMax=50&status=AUTHORISED`);
    expect(await listed(page)).toEqual(["TXE-OK"]);
    await page.goto(`${h.base}/transactions?last4=0097`);
    expect(await listed(page)).toEqual(["TXE-REFUSED"]);
    const today = dayInZone(new Date(), "Europe/Paris");
    await page.goto(`${h.base}/transactions?from=${today}&to=${today}&status=AUTHORISED_TO_VALIDATE`);
    expect(await listed(page)).toEqual(["TXE-MANUAL", "TXE-MANUAL-2"]);
    await page.goto(`${h.base}/transactions?to=2020-01-01`);
    expect(await page.locator("[data-testid=transactions]").count()).toBe(0);

    // Bad criteria are named and left out; the rest still applies.
    await page.goto(`${h.base}/transactions?last4=12&amountMin=5&status=REFUSED`);
    expect(await page.textContent("[data-testid=search-errors]")).toContain("4 chiffres");
    expect(await page.textContent("[data-testid=search-errors]")).toContain("devise");
    expect(await page.getAttribute("#last4", "aria-invalid")).toBe("true");
    expect(await listed(page)).toEqual(["TXE-REFUSED"]);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("detail tabs, the order link, and Validate on a manual transaction; axe-clean", async () => {
    const page = await operator();
    await page.goto(`${h.base}/transactions?reference=TXE-MANUAL-2`);
    await Promise.all([
      page.waitForURL(`${h.base}/transactions/${ids["TXE-MANUAL-2"]}`),
      page.click(`tr[data-transaction-id="${ids["TXE-MANUAL-2"]}"] a[href^="/transactions/"]`),
    ]);
    const facts = await page.textContent("[data-testid=tx-facts]");
    expect(facts).toContain("À valider");
    expect(facts).toContain("•••• 0055");
    const row = await db.transaction.findUniqueOrThrow({ where: { id: ids["TXE-MANUAL-2"] } });
    expect(facts).toContain(`${String(row.expiryMonth).padStart(2, "0")}/${row.expiryYear}`);
    expect(facts).toContain("Ordre de paiement par URL");
    expect(await axeViolations(page)).toEqual([]);

    await Promise.all([page.waitForURL(/tab=buyer/), page.click("[data-tab=buyer]")]);
    expect(await page.locator("[data-testid=tx-buyer]").count()).toBe(1);
    expect(await page.textContent("main")).toContain("Aucun alias");
    expect(await axeViolations(page)).toEqual([]);

    await Promise.all([page.waitForURL(`${h.base}/transactions/${ids["TXE-MANUAL-2"]}`), page.click("[data-tab=transaction]")]);
    await Promise.all([page.waitForURL(/done=validateTransaction/), page.click("[data-tx-action=validate]")]);
    expect(await status(ids["TXE-MANUAL-2"]!)).toBe("AUTHORISED");
    expect(await page.textContent("[data-notice]")).toContain("validée");
    expect(await page.textContent("[data-testid=tx-facts]")).toContain("Autorisée");
    expect(await page.locator("[data-tx-action=validate]").count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    await Promise.all([page.waitForURL(`${h.base}/orders/${ids["order:TXE-MANUAL-2"]}`), page.click("[data-testid=tx-order-link]")]);
    expect(await page.locator(`[data-testid=order-transactions] a[href="/transactions/${ids["TXE-MANUAL-2"]}"]`).count()).toBe(1);
  });

  it("the capture job: once due, the server's worker captures and the detail says so", async () => {
    const id = ids["TXE-BIG"]!;
    await db.transaction.update({ where: { id }, data: { captureDate: new Date(Date.now() - 60_000) } });
    // The sweep runs every minute on the server's worker; queue one run now instead of waiting.
    const boss = await getBoss();
    await boss.send(captureTransactionsSweep.name, {});
    for (let i = 0; i < 100 && (await status(id)) !== "CAPTURED"; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await status(id)).toBe("CAPTURED");
    const page = await operator();
    await page.goto(`${h.base}/transactions/${id}`);
    const facts = await page.textContent("[data-testid=tx-facts]");
    expect(facts).toContain("Remisée");
    expect(facts).toMatch(/Remisée le\s*\S/);
    expect(await page.locator("[data-tx-action]").count()).toBe(0);
  });

  it("Validate from the order detail; viewers see no action", async () => {
    const page = await operator();
    await page.goto(`${h.base}/orders/${ids["order:TXE-MANUAL"]}`);
    await Promise.all([
      page.waitForURL(/done=validateTransaction/),
      page.click(`[data-transaction-id="${ids["TXE-MANUAL"]}"] [data-tx-action=validate]`),
    ]);
    expect(await status(ids["TXE-MANUAL"]!)).toBe("AUTHORISED");
    expect(await page.textContent("[data-notice]")).toContain("validée");
    expect(await axeViolations(page)).toEqual([]);

    const viewer = await h.page();
    await signIn(viewer, h.base, "viewer@demo.test", "demo-viewer-1");
    await viewer.goto(`${h.base}/transactions/${ids["TXE-OK"]}`);
    expect(await viewer.locator("[data-tx-action]").count()).toBe(0);
  });
});
