// Refunds and the capture date from the back office (issues 20 and 21, refunds20), in Chromium
// against the production server: a partial then a full refund from the transaction's detail (the
// amount prefilled with the refundable rest, an amount over it refused in the dialog), and the
// capture date changed from the transactions list's right-click menu; dialogs axe-clean.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sweepTransactions } from "@/lib/payments/sweep-transactions";
import { stopBoss } from "@/lib/server/jobs/boss";
import { addCalendarDays, dayInZone } from "@/lib/time/shop-time";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { card, newOrder, payNow } from "../helpers/orders";
import { axeViolations, type Harness, signIn, startHarness } from "./harness";

let h: Harness;
const ids: Record<string, string> = {};

beforeAll(async () => {
  await resetDatabase();
  const users = await seedTenants();
  const pay = async (reference: string, captureDelay: number) => {
    const o = await newOrder(users.operator, { reference, captureDelay, amountMinor: 4990 });
    ids[reference] = (await payNow({ token: o.token, card: card("4970100000000055") })).transactionId;
  };
  await pay("RFE-CAPTURED", 0);
  await pay("RFE-LATER", 3);
  await db.transaction.update({ where: { id: ids["RFE-CAPTURED"] }, data: { captureDate: new Date(Date.now() - 1000) } });
  await sweepTransactions(db);
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
const refunds = (id: string) => db.transaction.findMany({ where: { parentId: id }, orderBy: { createdAt: "asc" } });

describe("refunds and the capture date in the back office", () => {
  it("a partial then a full refund from the transaction's detail", async () => {
    const id = ids["RFE-CAPTURED"]!;
    const page = await operator();
    await page.goto(`${h.base}/transactions/${id}`);
    await page.click("[data-tx-open=refund]");
    const dialog = page.locator("dialog[data-dialog=refund]");
    await dialog.waitFor({ state: "visible" });
    const amount = dialog.locator("input[name=amount]");
    expect(await amount.inputValue()).toBe("49.90");
    expect(await dialog.textContent()).toContain("49,90");
    expect(await axeViolations(page)).toEqual([]);

    // Over the rest: refused in the dialog, nothing sent.
    await amount.fill("60");
    await dialog.locator("[data-tx-confirm=refund]").click();
    expect(await amount.getAttribute("aria-invalid")).toBe("true");
    expect(await dialog.textContent()).toContain("dépasse le reste remboursable");
    expect(await refunds(id)).toHaveLength(0);

    await amount.fill("10,00");
    await dialog.locator("input[name=comment]").fill("un article manquant");
    await Promise.all([page.waitForURL(/done=refundTransaction/), dialog.locator("[data-tx-confirm=refund]").click()]);
    let done = await refunds(id);
    expect(done.map((r) => [r.amount, r.status, r.operationType, r.comment])).toEqual([
      [1000n, "CAPTURED", "CREDIT", "un article manquant"],
    ]);
    expect(await page.textContent("[data-notice]")).toContain("Remboursement effectué");
    expect(await page.textContent("[data-testid=tx-refundable]")).toContain("39,90");
    expect(await page.locator("[data-testid=tx-refunds] li").count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    // From a clean address, so that the next notice is the next refund's.
    await page.goto(`${h.base}/transactions/${id}`);
    await page.click("[data-tx-open=refund]");
    expect(await page.locator("dialog[data-dialog=refund] input[name=amount]").inputValue()).toBe("39.90");
    await Promise.all([page.waitForURL(/done=refundTransaction/), page.click("dialog[data-dialog=refund] [data-tx-confirm=refund]")]);
    done = await refunds(id);
    expect(done.map((r) => r.amount)).toEqual([1000n, 3990n]);
    expect(await page.textContent("[data-testid=tx-refundable]")).toContain("0,00");
    expect(await page.locator("[data-tx-open=refund]").count()).toBe(0);

    // The refund's own page links back; the list shows both refunds as negative lines.
    await page.goto(`${h.base}/transactions/${done[0]!.id}`);
    expect(await page.getAttribute("[data-testid=tx-parent-link]", "href")).toBe(`/transactions/${id}`);
    await page.goto(`${h.base}/transactions?reference=RFE-CAPTURED`);
    expect(await page.locator("[data-testid=tx-refund-amount]").count()).toBe(2);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("the capture date changed from the list's right-click menu, within today .. payment + 7 days", async () => {
    const id = ids["RFE-LATER"]!;
    const page = await operator();
    await page.goto(`${h.base}/transactions`);
    await page.click(`tr[data-transaction-id="${id}"]`, { button: "right" });
    const menu = page.locator("[data-testid=tx-row-menu]");
    await menu.waitFor({ state: "visible" });
    expect(await menu.locator("[role=menuitem]").evaluateAll((els) => els.map((e) => e.getAttribute("data-action")))).toEqual([
      "details",
      "captureDate",
      "cancel",
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await Promise.all([page.waitForURL(/#capture-date$/), menu.locator("[data-action=captureDate]").click()]);
    const dialog = page.locator("dialog[data-dialog=captureDate]");
    await dialog.waitFor({ state: "visible" });
    const today = dayInZone(new Date(), "Europe/Paris");
    const day = dialog.locator("input[name=day]");
    expect(await day.getAttribute("min")).toBe(today);
    expect(await day.getAttribute("max")).toBe(addCalendarDays(today, 7));
    expect(await day.inputValue()).toBe(addCalendarDays(today, 3));
    expect(await axeViolations(page)).toEqual([]);
    await day.fill(addCalendarDays(today, 5));
    await Promise.all([page.waitForURL(/done=captureDateTransaction/), dialog.locator("[data-tx-confirm=captureDate]").click()]);
    const t = await db.transaction.findUniqueOrThrow({ where: { id } });
    expect(dayInZone(t.captureDate!, "Europe/Paris")).toBe(addCalendarDays(today, 5));
    expect(await page.textContent("[data-notice]")).toContain("Date de remise modifiée");
    expect(await db.auditEvent.count({ where: { action: "transaction.update", after: { path: ["transactionId"], equals: id } } })).toBe(1);

    // Keyboard: Shift+F10 on a focused row opens the same menu.
    await page.goto(`${h.base}/transactions`);
    await page.focus(`tr[data-transaction-id="${id}"]`);
    await page.keyboard.press("Shift+F10");
    await page.locator("[data-testid=tx-row-menu]").waitFor({ state: "visible" });
  });
});
