// The back office on a phone (issue 22): at 390 × 844 nothing is wider than the screen, the menu
// folds behind a button, the header keeps its sign-out visible, lists scroll inside their box;
// axe-clean. Also the public/ files every page declares (icons, manifest, robots.txt). With
// SCREENSHOTS_DIR set (scripts/screenshots.mjs) each phone screen is saved for docs/.
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { paymentUrl } from "@/lib/shared/links";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { newOrder } from "../helpers/orders";
import { axeViolations, type Harness, signIn, startHarness } from "./harness";

const shots = process.env.SCREENSHOTS_DIR;
const PHONE = { width: 390, height: 844 };

let h: Harness;
let users: Awaited<ReturnType<typeof seedTenants>>;
let orderId: string;
let token: string;
beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
  for (let i = 1; i <= 6; i++) {
    const o = await newOrder(users.operator, {
      reference: `PHONE-${i}-WITH-A-RATHER-LONG-REFERENCE`,
      amountMinor: 1990 * i,
      buyerEmail: "a.very.long.buyer.address@example-company.test",
    });
    orderId = o.id;
    token = (await db.paymentOrder.findUniqueOrThrow({ where: { id: o.id }, select: { token: true } })).token;
  }
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

async function phone(): Promise<Page> {
  const ctx = await h.browser.newContext({ locale: "fr-FR", viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  return ctx.newPage();
}

/** Nothing on the page is wider than the screen (a horizontal scroll of the whole page). */
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

async function fits(page: Page, name: string) {
  if (process.env.DEBUG_WIDTH)
    console.log(
      name,
      await page.evaluate(() =>
        [...document.querySelectorAll("body *")]
          .filter((e) => e.getBoundingClientRect().right > 391)
          .slice(0, 12)
          .map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`),
      ),
    );
  expect(await pageWidth(page), `${name}: the page is wider than the phone`).toBeLessThanOrEqual(PHONE.width);
  // the header's sign-out is on the screen, not cut
  const out = await page.getByRole("button", { name: /Se déconnecter/ }).boundingBox();
  expect(out).not.toBeNull();
  expect(out!.x + out!.width).toBeLessThanOrEqual(PHONE.width);
  // the menu is folded: its button is there, its entries are not shown
  expect(await page.getByRole("button", { name: "Ouvrir le menu" }).isVisible()).toBe(true);
  expect(await page.locator("nav[aria-label=Menu]").isVisible()).toBe(false);
  expect(await axeViolations(page)).toEqual([]);
  if (shots) await page.screenshot({ path: path.join(shots, `phone-${name}.png`), fullPage: true });
}

describe("the back office at 390 × 844", () => {
  it("the order list, an order's detail and the URL dialog fit the screen; the menu opens and closes", async () => {
    const page = await phone();
    await signIn(page, h.base, "operator@demo.test", "demo-operator-1");
    await page.goto(`${h.base}/test-orders`);
    await page.waitForSelector("table");
    await fits(page, "order-list");
    // the page's actions wrap under the title instead of squeezing into columns a word wide
    const create = await page.getByRole("link", { name: "Créer un ordre par URL" }).boundingBox();
    expect(create!.height).toBeLessThan(60);
    // the list scrolls inside its own box, with the rows' actions reachable there
    const table = await page.evaluate(() => {
      const t = document.querySelector("main table") as HTMLElement;
      return { scroll: t.scrollWidth, box: t.clientWidth };
    });
    expect(table.box).toBeLessThanOrEqual(PHONE.width);

    // the menu: a button opens it (keyboard too), an entry navigates and folds it again
    const toggle = page.getByRole("button", { name: "Ouvrir le menu" });
    await toggle.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("nav[aria-label=Menu]").isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Fermer le menu" }).getAttribute("aria-expanded")).toBe("true");
    expect(await axeViolations(page)).toEqual([]);
    if (shots) await page.screenshot({ path: path.join(shots, "phone-menu.png") });
    await Promise.all([
      page.waitForURL(/\/transactions/),
      page.locator("nav[aria-label=Menu]").getByRole("link", { name: "Transactions" }).click(),
    ]);
    await expect.poll(() => page.locator("nav[aria-label=Menu]").isVisible()).toBe(false);

    await page.goto(`${h.base}/orders/${orderId}`);
    await page.waitForSelector("h1");
    await fits(page, "order-detail");
    // the page title wraps at word boundaries, not letter by letter
    const title = await page.locator("h1").boundingBox();
    expect(title!.width).toBeGreaterThan(150);

    await page.goto(`${h.base}/orders/new?mode=TEST`);
    await page.waitForSelector("#amount");
    await fits(page, "url-dialog");
    // its fields stack: the amount field is as wide as the form, and the submit button is on the screen
    const submit = await page.locator('main button[type="submit"]').boundingBox();
    expect(submit!.x + submit!.width).toBeLessThanOrEqual(PHONE.width);
    await page.context().close();
  });

  it("the buyer's page on the same phone: fits, declares its icons", async () => {
    const page = await phone();
    await page.goto(paymentUrl(token).replace(/^https?:\/\/[^/]+/, h.base));
    await page.waitForSelector("[data-testid=pay-amount]");
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    expect(await page.locator('link[rel="icon"]').count()).toBeGreaterThanOrEqual(1);
    expect(await axeViolations(page)).toEqual([]);
    if (shots) await page.screenshot({ path: path.join(shots, "phone-pay-page.png"), fullPage: true });
    await page.context().close();
  });
});

describe("public/", () => {
  it("serves the favicon, the icons, the manifest, the e-mails' logo and a robots.txt that keeps private pages out", async () => {
    const robots = await fetch(`${h.base}/robots.txt`);
    expect(robots.status).toBe(200);
    const text = await robots.text();
    for (const line of ["User-agent: *", "Disallow: /pay/", "Disallow: /collect/", "Disallow: /"]) expect(text).toContain(line);
    for (const [file, type] of [
      ["/favicon.ico", "image/"],
      ["/icon.svg", "image/svg+xml"],
      ["/apple-touch-icon.png", "image/png"],
      ["/logo.png", "image/png"],
      ["/manifest.webmanifest", "manifest"],
    ] as const) {
      const r = await fetch(`${h.base}${file}`);
      expect(r.status, file).toBe(200);
      expect(r.headers.get("content-type"), file).toContain(type);
    }
    // the back office's pages declare them
    const page = await h.page();
    await page.goto(`${h.base}/signin`);
    expect(await page.locator('link[rel="icon"]').count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator('link[rel="manifest"]').getAttribute("href")).toBe("/manifest.webmanifest");
    await page.context().close();
  });
});
