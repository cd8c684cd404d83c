// The analytics dashboard in the browser (issue 10): a link opened by a buyer counts as opened,
// payments and refusals show in the figures, the charts render, a bad period is named, the CSV
// export downloads the same figures; axe-clean.
import fs from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dayInZone } from "@/lib/time/shop-time";
import { resetDatabase, seedTenants } from "../helpers/db";
import { card, newOrder, payNow } from "../helpers/orders";
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

describe("the analytics dashboard", () => {
  it("counts a visit, payments and refusals; charts, channels, period errors and the CSV export", async () => {
    const opened = await newOrder(users.operator, { reference: "AN-E2E-1", amountMinor: 1250 });
    const paid = await newOrder(users.operator, { reference: "AN-E2E-2", amountMinor: 3000 });
    const refused = await newOrder(users.operator, { reference: "AN-E2E-3" });
    await payNow({ token: paid.token, card: card("4970100000000055") });
    await payNow({ token: refused.token, card: card("4970100000000097") });
    const buyer = await h.page();
    await buyer.goto(`${h.base}/pay/${opened.token}`);
    await buyer.goto(`${h.base}/pay/${opened.token}`);

    const page = await h.page("en-GB");
    await signIn(page, h.base, "operator@demo.test", "demo-operator-1");
    await page.goto(`${h.base}/analytics?mode=TEST`);
    const kpi = async (label: string) => (await page.textContent(`[data-kpi="${label}"]`))?.trim();
    expect(await kpi("Created")).toBe("3");
    expect(await kpi("Opened")).toBe("1");
    expect(await kpi("Paid")).toBe("1");
    expect(await kpi("Refused")).toBe("1");
    expect(await kpi("Conversion rate")).toBe("33.3%");
    expect(await kpi("Collected (EUR)")).toBe("€30.00");
    await page.waitForSelector("[data-testid=chart-orders] svg");
    expect(await page.locator("[data-testid=chart-amounts] svg").count()).toBeGreaterThan(0);
    expect(await page.textContent('[data-testid=analytics-channels] tr[data-channel="URL"]')).toContain("3");
    expect(await axeViolations(page)).toEqual([]);

    await page.fill("#from", "2026-12-31");
    await page.fill("#to", "2026-01-01");
    await Promise.all([page.waitForURL(/from=2026-12-31/), page.click('[data-testid=analytics-filters] button[type="submit"]')]);
    expect(await page.textContent("[data-testid=analytics-errors]")).toContain("The period ends before it starts.");

    await page.goto(`${h.base}/analytics?mode=TEST`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("[data-testid=analytics-csv]")]);
    const csv = await fs.readFile((await download.path())!, "utf8");
    const lines = csv.trim().split("\n");
    expect(lines[0]).toBe("day,created,opened,paid,refused,expired,cancelled,conversion_rate,collected_EUR,refunded_EUR,net_EUR");
    expect(lines).toContain(`${dayInZone(new Date(), "Europe/Paris")},3,1,1,1,0,0,0.3333,30.00,0.00,30.00`);
  });
});
