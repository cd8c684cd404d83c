// Settings › Audit log in the browser: an administrator finds it in the menu, filters by action
// (keyboard too), opens an event's details, and downloads the same filter as CSV; another
// company's events never show; a viewer gets no entry and a 404, for the export too.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { cancelOrder } from "@/lib/orders/cancel-order";
import { createUser } from "@/prisma/factories";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { newOrder } from "../helpers/orders";
import { axeViolations, type Harness, signIn, startHarness } from "./harness";

let h: Harness;
let users: Awaited<ReturnType<typeof seedTenants>>;
let orderId: string;

beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
  const o = await newOrder(users.operator, { reference: "AUDIT-E2E" });
  orderId = o.id;
  await cancelOrder(db, { actor: users.admin, orderId });
  await recordAuditEvent(db, { actor: users.admin, action: "shop.key.reveal", shopId: "12345678", after: { key: "TEST_PASSWORD" } });
  // A user whose name a spreadsheet would run as a formula.
  const evil = await createUser(db, {
    companyId: users.admin.companyId,
    email: "evil@demo.test",
    password: "x-1",
    name: "=HYPERLINK(1)",
    role: "OPERATOR",
    shopIds: ["12345678"],
  });
  await recordAuditEvent(db, {
    actor: { type: "USER", userId: evil.id, companyId: users.admin.companyId, role: "OPERATOR", shopIds: ["12345678"] },
    action: "shop.key.rotate",
    shopId: "12345678",
    after: { key: "PRODUCTION_HMAC" },
  });
  // The other company's: never in the demo company's log.
  await recordAuditEvent(db, { actor: users.other, action: "shop.key.reveal", shopId: "87654321", after: { key: "TEST_PASSWORD" } });
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

describe("Settings › Audit log", () => {
  it("an administrator filters by action, opens an event's details and downloads the same events as CSV", async () => {
    const page = await h.page();
    await signIn(page, h.base, "admin@demo.test", "demo-admin-1");
    await Promise.all([page.waitForURL(`${h.base}/settings/audit-log`), page.click("nav >> text=Journal d'audit")]);
    expect(await page.textContent("h1")).toBe("Journal d'audit");
    expect(await page.textContent("[data-testid=audit-zone]")).toContain("Europe/Paris");
    // Newest first: this sign-in, then what the set-up did (the order's link shown).
    const actions = await page
      .locator("[data-testid=audit-events] tbody tr")
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-action")));
    expect(actions).toEqual(["user.sign_in", "shop.key.rotate", "shop.key.reveal", "order.cancel", "order.create"]);
    expect(await page.locator(`a[href="/orders/${orderId}"]`).count()).toBe(2);
    expect(await page.textContent("main")).not.toContain("87654321");
    expect(await axeViolations(page)).toEqual([]);

    // The action filter: its "API keys: every action" choice, then the Filter button from the keyboard.
    await page.selectOption("#action", "area:keys");
    expect(await page.locator("#action option:checked").textContent()).toBe("Clés d'API : toutes les actions");
    await page.focus("[data-testid=audit-search-submit]");
    await Promise.all([page.waitForURL(/action=area%3Akeys/), page.keyboard.press("Enter")]);
    const rows = page.locator("[data-testid=audit-events] tbody tr");
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-action")))).toEqual([
      "shop.key.rotate",
      "shop.key.reveal",
    ]);
    const reveal = rows.nth(1);
    const text = await reveal.textContent();
    for (const s of [
      "Alice Admin",
      "admin@demo.test",
      "Clé d'API affichée",
      "shop.key.reveal",
      "Boutique Démo (12345678)",
      "TEST_PASSWORD",
    ])
      expect(text).toContain(s);
    expect(await rows.nth(0).textContent()).toContain("=HYPERLINK(1)");

    // The details disclosure opens from the keyboard and shows the JSON.
    await reveal.locator("summary").focus();
    await page.keyboard.press("Enter");
    expect(await reveal.locator("details").getAttribute("open")).not.toBeNull();
    expect(await reveal.locator("details pre").nth(1).textContent()).toBe(JSON.stringify({ key: "TEST_PASSWORD" }, null, 2));
    expect(await axeViolations(page)).toEqual([]);

    // The export carries the same filter.
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("[data-testid=audit-export]")]);
    expect(download.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = fs.readFileSync((await download.path())!, "utf8");
    const events = await db.auditEvent.findMany({
      where: { action: { startsWith: "shop.key." }, shopId: "12345678" },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    });
    expect(csv).toBe(
      [
        "\uFEFFtime,actor_type,actor,action,shop_id,order_id,before,after",
        `${events[0]!.createdAt.toISOString()},USER,'=HYPERLINK(1) <evil@demo.test>,shop.key.rotate,12345678,,,"{""key"":""PRODUCTION_HMAC""}"`,
        `${events[1]!.createdAt.toISOString()},USER,Alice Admin <admin@demo.test>,shop.key.reveal,12345678,,,"{""key"":""TEST_PASSWORD""}"`,
        "",
      ].join("\r\n"),
    );
  });

  it("a viewer has no menu entry and gets a 404 on the page and on the export", async () => {
    const page = await h.page();
    await signIn(page, h.base, "viewer@demo.test", "demo-viewer-1");
    expect(await page.locator("nav >> text=Journal d'audit").count()).toBe(0);
    const res = await page.goto(`${h.base}/settings/audit-log`);
    expect(res?.status()).toBe(404);
    expect(await page.textContent("main")).not.toContain("shop.key");
    const csv = await page.request.get(`${h.base}/settings/audit-log/export.csv`);
    expect(csv.status()).toBe(404);
    expect(await csv.text()).not.toContain("shop.key");
  });
});
