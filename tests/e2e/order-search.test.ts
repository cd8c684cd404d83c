import fs from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { payOrder } from "@/lib/payments/pay-order";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { card, newOrder } from "../helpers/orders";
import { axeViolations, type Harness, signIn, startHarness } from "./harness";

let h: Harness;
let users: Awaited<ReturnType<typeof seedTenants>>;
beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
  for (const [reference, amountMinor] of [
    ["SRCH-A1", 1500],
    ["SRCH-A2", 300],
    ["SRCH-B1", 99999],
  ] as const) {
    await newOrder(users.operator, { reference, amountMinor });
  }
  const paid = await newOrder(users.operator, { reference: "SRCH-PAID", amountMinor: 4200, recipient: "x@y.test" });
  await payOrder(db, { token: paid.token, card: card("4970100000000055") });
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

const references = (page: Page) => page.locator("[data-testid=order-list] tbody tr td:nth-child(2)").allInnerTexts();
const columnKeys = (page: Page) =>
  page.locator("[data-testid=order-list] thead th").evaluateAll((ths) => ths.map((t) => t.getAttribute("data-column")));

async function signedIn(email: string, password: string) {
  const page = await h.page();
  await signIn(page, h.base, email, password);
  await page.goto(`${h.base}/test-orders`);
  return page;
}

describe("the order list's search tool in the browser", () => {
  it("filters by reference, then by status, with the criteria kept in the URL and the form", async () => {
    const page = await signedIn("operator@demo.test", "demo-operator-1");
    expect((await references(page)).length).toBe(4);
    expect(await page.getAttribute("[data-testid=search-panel]", "open")).toBeNull();
    await page.click("[data-testid=search-panel] summary");
    await page.fill("#q-reference", "SRCH-A");
    await Promise.all([page.waitForURL(/reference=SRCH-A/), page.click("[data-testid=search-submit]")]);
    expect((await references(page)).sort()).toEqual(["SRCH-A1", "SRCH-A2"]);
    expect(await page.inputValue("#q-reference")).toBe("SRCH-A");

    await page.fill("#q-reference", "");
    await page.selectOption("#q-status", "PAID");
    await Promise.all([page.waitForURL(/status=PAID/), page.click("[data-testid=search-submit]")]);
    expect(await references(page)).toEqual(["SRCH-PAID"]);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("sorts by amount from the column header, both ways, with aria-sort", async () => {
    const page = await signedIn("operator@demo.test", "demo-operator-1");
    await Promise.all([page.waitForURL(/sort=amount&dir=asc/), page.click("th[data-column=amount] a")]);
    expect(await page.getAttribute("th[data-column=amount]", "aria-sort")).toBe("ascending");
    expect(await references(page)).toEqual(["SRCH-A2", "SRCH-A1", "SRCH-PAID", "SRCH-B1"]);
    await Promise.all([page.waitForURL(/sort=amount&dir=desc/), page.click("th[data-column=amount] a")]);
    expect(await page.getAttribute("th[data-column=amount]", "aria-sort")).toBe("descending");
    expect(await references(page)).toEqual(["SRCH-B1", "SRCH-PAID", "SRCH-A1", "SRCH-A2"]);
  });

  it("hides a column with the column chooser; it stays hidden after a reload", async () => {
    const page = await signedIn("admin@demo.test", "demo-admin-1");
    expect(await columnKeys(page)).toContain("channel");
    await page.click("[data-testid=column-chooser] summary");
    await page.uncheck('[data-testid=column-chooser] input[value="channel"]');
    await page.check('[data-testid=column-chooser] input[value="recipient"]');
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST"),
      page.click("[data-testid=column-chooser] button[type=submit]"),
    ]);
    await page.waitForFunction(() => !document.querySelector("th[data-column=channel]"));
    await page.reload();
    expect(await columnKeys(page)).toEqual(["created", "reference", "amount", "status", "delivery", "validUntil", "recipient"]);
    // another user keeps the defaults
    const other = await signedIn("operator@demo.test", "demo-operator-1");
    expect(await columnKeys(other)).toContain("channel");
  });

  it("downloads the filtered list as CSV; without a session the export answers 401", async () => {
    const page = await signedIn("operator@demo.test", "demo-operator-1");
    await page.click("[data-testid=search-panel] summary");
    await page.fill("#q-reference", "SRCH-");
    await page.fill("#q-amountMin", "15");
    await Promise.all([page.waitForURL(/amountMin=15/), page.click("[data-testid=search-submit]")]);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("[data-testid=export-csv]")]);
    expect(download.suggestedFilename()).toMatch(/^payment-orders-test-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = fs
      .readFileSync((await download.path())!, "utf8")
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toMatch(/^Identifiant,Boutique,Mode,Référence,Création,Montant,Devise,/);
    expect(
      lines
        .slice(1)
        .map((l) => l.split(",")[3])
        .sort(),
    ).toEqual(["SRCH-A1", "SRCH-B1", "SRCH-PAID"]);
    expect(lines.find((l) => l.includes("SRCH-B1"))).toContain(",999.99,EUR,URL,RUNNING,");
    expect(lines.find((l) => l.includes("SRCH-PAID"))).toContain(",42.00,EUR,URL,PAID,");
    const anonymous = await fetch(`${h.base}/orders/export.csv?mode=TEST`);
    expect(anonymous.status).toBe(401);
  });
});
