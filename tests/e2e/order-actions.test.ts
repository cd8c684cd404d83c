import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { payOrder } from "@/lib/payments/pay-order";
import { addCalendarDays, dayInZone } from "@/lib/time/shop-time";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { card, newOrder } from "../helpers/orders";
import { type Harness, signIn, startHarness } from "./harness";

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

const status = async (id: string) => (await db.paymentOrder.findUniqueOrThrow({ where: { id } })).status;
const row = (page: Page, id: string) => page.locator(`tr[data-order-id="${id}"]`);

async function operator() {
  const page = await h.page();
  await signIn(page, h.base, "operator@demo.test", "demo-operator-1");
  await page.goto(`${h.base}/test-orders`);
  return page;
}

describe("order actions in the browser (F-ACT)", () => {
  it("right-click menu: cancel, then reactivate from the detail toolbar", async () => {
    const o = await newOrder(users.operator, { reference: "ACT-MENU" });
    const page = await operator();
    await row(page, o.id).click({ button: "right" });
    await page.waitForSelector("[data-testid=row-menu]");
    expect(
      await page.locator("[data-testid=row-menu] [data-action]").evaluateAll((els) => els.map((e) => e.getAttribute("data-action"))),
    ).toEqual(["details", "message", "modifyResend", "changeValidity", "cancel", "createFrom", "markSent", "delete"]);
    await Promise.all([page.waitForURL(/done=cancel/), page.click("[data-testid=row-menu] [data-action=cancel]")]);
    expect(await status(o.id)).toBe("CANCELLED");
    expect(await page.textContent("[data-notice]")).toContain("annulé");
    await Promise.all([page.waitForURL(/done=reactivate/), page.click("[role=toolbar] [data-action=reactivate]")]);
    expect(await status(o.id)).toBe("RUNNING");
    expect(await page.locator("[data-event='order.reactivate']").count()).toBe(1);
  });

  it("toolbar on the selected row: mark as sent; double-click opens the detail", async () => {
    const o = await newOrder(users.operator, { reference: "ACT-TOOLBAR" });
    const page = await operator();
    await row(page, o.id).click();
    await Promise.all([page.waitForURL(/done=markSent/), page.click("[data-testid=list-toolbar] [data-action=markSent]")]);
    expect((await db.paymentOrder.findUniqueOrThrow({ where: { id: o.id } })).deliveryStatus).toBe("SENT");
    await page.goto(`${h.base}/test-orders`);
    await Promise.all([page.waitForURL(`${h.base}/orders/${o.id}`), row(page, o.id).dblclick()]);
  });

  it("keyboard: Shift+F10 opens the menu, arrows move, Enter acts", async () => {
    const o = await newOrder(users.operator, { reference: "ACT-KEYS" });
    const page = await operator();
    await row(page, o.id).focus();
    await page.keyboard.press("Shift+F10");
    await page.waitForSelector("[data-testid=row-menu]");
    await page.keyboard.press("ArrowDown"); // message
    await Promise.all([page.waitForURL(/tab=message/), page.keyboard.press("Enter")]);
    expect(await page.textContent("[data-testid=order-message]")).toContain("/pay/");
  });

  it("change the validity of an expired order: payable again, nothing sent", async () => {
    const o = await newOrder(users.operator, { reference: "ACT-VALID" });
    await db.paymentOrder.update({ where: { id: o.id }, data: { validUntil: new Date(Date.now() - 60_000), status: "EXPIRED" } });
    const page = await operator();
    await page.goto(`${h.base}/orders/${o.id}`);
    const day = addCalendarDays(dayInZone(new Date(), "Europe/Paris"), 10);
    await page.fill("#change-validity input[name=day]", day);
    await Promise.all([page.waitForURL(/done=changeValidity/), page.click("#change-validity button[type=submit]")]);
    expect(await status(o.id)).toBe("RUNNING");
    expect((await payOrder(db, { token: o.token, card: card("4970100000000055") })).outcome).toBe("ACCEPTED");
  });

  it("modify and resend a refused order; create a new one from it (reference not copied)", async () => {
    const o = await newOrder(users.operator, { reference: "ACT-MODIFY", amountMinor: 1000 });
    await payOrder(db, { token: o.token, card: card("4970100000000097") });
    const page = await operator();
    await page.goto(`${h.base}/orders/${o.id}`);
    await Promise.all([page.waitForURL(/\/edit$/), page.click("[role=toolbar] [data-action=modifyResend]")]);
    await page.fill("#amount", "12,50");
    await Promise.all([page.waitForURL(/done=modify/), page.click('main button[type="submit"]')]);
    const after = await db.paymentOrder.findUniqueOrThrow({ where: { id: o.id } });
    expect([after.status, Number(after.amount)]).toEqual(["RUNNING", 1250]);
    await Promise.all([page.waitForURL(/from=/), page.click("[role=toolbar] [data-action=createFrom]")]);
    expect(await page.inputValue("#amount")).toBe("12.50");
    expect(await page.inputValue("#reference")).toBe("");
  });

  it("statuses refresh on their own: a payment shows in the open list without reload", async () => {
    const o = await newOrder(users.operator, { reference: "ACT-REFRESH" });
    const page = await operator();
    expect(await row(page, o.id).locator("[data-status=RUNNING]").count()).toBe(1);
    await payOrder(db, { token: o.token, card: card("4970100000000055") });
    await page.waitForSelector(`tr[data-order-id="${o.id}"] [data-status=PAID]`, { timeout: 15_000 });
  });

  it("from the list toolbar: resend an e-mail order; view a paid order's transaction", async () => {
    const mail = await newOrder(users.operator, {
      reference: "ACT-RESEND",
      channel: "MAIL",
      recipient: "buyer@example.com",
      subject: "Hello",
    });
    const paid = await newOrder(users.operator, { reference: "ACT-PAID" });
    await payOrder(db, { token: paid.token, card: card("4970100000000055") });
    const page = await operator();
    await row(page, mail.id).click();
    await Promise.all([page.waitForURL(/done=resend/), page.click("[data-testid=list-toolbar] [data-action=resend]")]);
    expect(await page.locator("[data-event='order.delivery.resend']").count()).toBe(1);
    await page.goto(`${h.base}/test-orders`);
    await row(page, paid.id).click();
    await Promise.all([page.waitForURL(/#transactions$/), page.click("[data-testid=list-toolbar] [data-action=viewTransaction]")]);
    expect(await page.textContent("[data-testid=order-transactions]")).toContain("0055");
  });

  it("every navigating action of the row menu leads to its place; reactivate from the list", async () => {
    const o = await newOrder(users.operator, { reference: "ACT-NAV" });
    const page = await operator();
    const viaMenu = async (action: string, url: RegExp) => {
      await page.goto(`${h.base}/test-orders`);
      await row(page, o.id).click({ button: "right" });
      await Promise.all([page.waitForURL(url), page.click(`[data-testid=row-menu] [data-action=${action}]`)]);
    };
    await viaMenu("details", new RegExp(`/orders/${o.id}$`));
    await viaMenu("modifyResend", new RegExp(`/orders/${o.id}/edit$`));
    await viaMenu("changeValidity", /#change-validity$/);
    await viaMenu("createFrom", new RegExp(`from=${o.id}`));
    await page.goto(`${h.base}/test-orders`);
    await row(page, o.id).click({ button: "right" });
    await Promise.all([page.waitForURL(/done=cancel/), page.click("[data-testid=row-menu] [data-action=cancel]")]);
    await page.goto(`${h.base}/test-orders`);
    await row(page, o.id).click();
    await Promise.all([page.waitForURL(/done=reactivate/), page.click("[data-testid=list-toolbar] [data-action=reactivate]")]);
    expect(await status(o.id)).toBe("RUNNING");
  });

  it("viewers get no action that changes anything", async () => {
    const o = await newOrder(users.operator, { reference: "ACT-VIEWER" });
    const page = await h.page();
    await signIn(page, h.base, "viewer@demo.test", "demo-viewer-1");
    await page.goto(`${h.base}/test-orders`);
    await row(page, o.id).click({ button: "right" });
    expect(
      await page.locator("[data-testid=row-menu] [data-action]").evaluateAll((els) => els.map((e) => e.getAttribute("data-action"))),
    ).toEqual(["details", "message"]);
    const res = await page.goto(`${h.base}/orders/${o.id}/edit`);
    expect(res?.status()).toBe(404);
  });
});
