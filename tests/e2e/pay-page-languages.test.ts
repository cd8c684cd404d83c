// The buyer page in the order's language (7 languages), its language switch, every state axe-clean,
// and its security headers — with a payment going through under the CSP of the production build.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { newOrder } from "../helpers/orders";
import { axeViolations, type Harness, startHarness } from "./harness";

const ACCEPTED = "4970100000000055";
const REFUSED = "4970100000000097";

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
async function linkFor(locale: string) {
  const o = await newOrder(users.operator, { reference: `LANG-${++n}`, locale });
  return { id: o.id, token: o.token, url: `${h.base}/pay/${o.token}` };
}

/** A buyer page that records every console message about the Content Security Policy. */
async function buyerPage(locale = "en-US") {
  const page = await h.page(locale);
  const csp: string[] = [];
  page.on("console", (msg) => {
    if (/content security policy|refused to/i.test(msg.text())) csp.push(msg.text());
  });
  page.on("pageerror", (e) => csp.push(`pageerror: ${e.message}`));
  return { page, csp };
}

async function fillCard(page: Page, pan: string) {
  await page.fill('input[autocomplete="cc-number"]', pan);
  await page.fill('input[autocomplete="cc-exp"]', "12/30");
  await page.fill('input[autocomplete="cc-csc"]', "123");
  await page.fill('input[autocomplete="cc-name"]', "Erika Mustermann");
}

/** Tab through the page until the link of `lang` has the focus, then follow it with Enter. */
async function switchByKeyboard(page: Page, lang: string) {
  await page.locator("body").focus();
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((l) => document.activeElement?.getAttribute("hreflang") === l, lang)) {
      await Promise.all([page.waitForURL(new RegExp(`[?&]lang=${lang}`)), page.keyboard.press("Enter")]);
      return;
    }
  }
  throw new Error(`no focusable link to ${lang}`);
}

const htmlLang = (page: Page) => page.getAttribute("html", "lang");

describe("the buyer page in the buyer's language", () => {
  it("an order in German shows German texts, and the switch goes to Italian and back by keyboard", async () => {
    const link = await linkFor("de_DE");
    const { page, csp } = await buyerPage("fr-FR");
    await page.goto(link.url);
    expect(await htmlLang(page)).toBe("de");
    expect(await page.textContent("h1")).toBe("Sichere Zahlung");
    expect(await page.title()).toBe("Sichere Zahlung");
    expect(await page.textContent('button[type="submit"]')).toContain("bezahlen");
    expect(await page.getAttribute('a[hreflang="de"]', "aria-current")).toBe("true");
    expect(await page.textContent("nav")).toContain("Italiano");
    expect(await axeViolations(page)).toEqual([]);

    await switchByKeyboard(page, "it");
    expect(await htmlLang(page)).toBe("it");
    expect(await page.textContent("h1")).toBe("Pagamento sicuro");
    expect(await page.textContent('button[type="submit"]')).toContain("Paga");
    expect(await axeViolations(page)).toEqual([]);

    await switchByKeyboard(page, "de");
    expect(await htmlLang(page)).toBe("de");
    expect(await page.textContent("h1")).toBe("Sichere Zahlung");
    // Only the page changed language, never the order.
    expect((await db.paymentOrder.findUniqueOrThrow({ where: { id: link.id }, select: { locale: true } })).locale).toBe("de_DE");
    expect(csp).toEqual([]);
  });

  it("an order in a language the page does not speak falls back to the shop's language, not the browser's", async () => {
    await db.shop.update({ where: { id: "12345678" }, data: { defaultLanguage: "nl" } });
    try {
      const link = await linkFor("ja_JP");
      const { page } = await buyerPage("en-US");
      await page.goto(link.url);
      expect(await htmlLang(page)).toBe("nl");
      expect(await page.textContent("h1")).toBe("Veilig betalen");
    } finally {
      await db.shop.update({ where: { id: "12345678" }, data: { defaultLanguage: "fr" } });
    }
  });

  it("pays under the CSP in the chosen language, which persists through the outcome; accepted and paid pages axe-clean", async () => {
    const link = await linkFor("de_DE");
    const { page, csp } = await buyerPage();
    await page.goto(`${link.url}?lang=pt`);
    expect(await htmlLang(page)).toBe("pt");
    await fillCard(page, ACCEPTED);
    // Brand detection runs in the browser, so the page's scripts run under the CSP.
    await page.waitForSelector('[data-testid=card-brand]:has-text("Visa")');
    expect(await page.textContent("[data-testid=card-brand]")).toBe("Cartão detetado: Visa");
    expect(await axeViolations(page)).toEqual([]);
    await page.click('button[type="submit"]');
    await page.waitForSelector("[data-outcome=success]");
    expect(page.url()).toMatch(/[?&]lang=pt/);
    expect(await htmlLang(page)).toBe("pt");
    expect(await page.textContent("[data-outcome=success]")).toContain("Pagamento aceite");
    expect(await axeViolations(page)).toEqual([]);
    expect(await db.paymentOrder.findUniqueOrThrow({ where: { id: link.id }, select: { status: true } })).toEqual({ status: "PAID" });

    // The spent link, in two languages.
    for (const [lang, text] of [
      ["de", "Bereits bezahlt"],
      ["es", "Ya pagado"],
    ] as const) {
      await page.goto(`${link.url}?lang=${lang}`);
      expect(await htmlLang(page)).toBe(lang);
      expect(await page.textContent("main")).toContain(text);
      expect(await page.locator("form").count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
    }
    expect(csp).toEqual([]);
  });

  it("the refused outcome, in two languages, keeps the form and is axe-clean", async () => {
    for (const [locale, text] of [
      ["es_ES", "Pago rechazado"],
      ["nl_NL", "Betaling geweigerd"],
    ] as const) {
      const link = await linkFor(locale);
      const { page, csp } = await buyerPage();
      await page.goto(link.url);
      await fillCard(page, REFUSED);
      await page.click('button[type="submit"]');
      await page.waitForSelector("[data-outcome=error]");
      expect(await page.textContent("[data-outcome=error]")).toContain(text);
      expect(await page.locator('input[autocomplete="cc-number"]').count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      expect(csp).toEqual([]);
    }
  });

  it("expired and cancelled links, in two languages, show no form and are axe-clean", async () => {
    const expired = await linkFor("it_IT");
    await db.paymentOrder.update({ where: { id: expired.id }, data: { validUntil: new Date(Date.now() - 1000) } });
    const cancelled = await linkFor("fr_FR");
    await db.paymentOrder.update({ where: { id: cancelled.id }, data: { status: "CANCELLED" } });
    const { page } = await buyerPage();
    for (const [url, lang, text] of [
      [expired.url, "it", "Link scaduto"],
      [`${expired.url}?lang=en`, "en", "Link expired"],
      [cancelled.url, "fr", "Lien expiré"],
      [`${cancelled.url}?lang=nl`, "nl", "Link verlopen"],
    ] as const) {
      await page.goto(url);
      expect(await htmlLang(page)).toBe(lang);
      expect(await page.textContent("main")).toContain(text);
      expect(await page.locator("form").count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
    }
  });
});

describe("security headers of /pay/<token>", () => {
  it("CSP with nothing inline (our own script and stylesheet only), frame-ancestors 'none', no-referrer, no-store; HSTS only over https", async () => {
    const link = await linkFor("en_GB");
    const res = await fetch(link.url);
    expect(res.status).toBe(200);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("style-src 'self';");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).toContain("img-src 'self' data:");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
    const body = await res.text();
    // Nothing the policy would block: no inline script or style, no style attribute.
    expect(body).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(body).not.toMatch(/<style[\s>]/);
    expect(body).not.toMatch(/\sstyle="/);
    const assets = [...body.matchAll(/(?:src|href)="(\/pay-assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets).toHaveLength(2);
    for (const a of assets) {
      const r = await fetch(`${h.base}${a}`);
      expect(r.status).toBe(200);
      expect(r.headers.get("cache-control")).toContain("immutable");
    }
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("permissions-policy")).toContain("camera=()");
    expect(res.headers.get("cache-control")).toContain("no-store");
    expect(res.headers.get("strict-transport-security")).toBeNull();

    // No trusted proxy in front (TRUST_PROXY_HOPS=0): a client's own X-Forwarded-Proto is not
    // believed. Behind N trusted proxies the one they write is (tests/unit/pay-page-language.test.ts).
    const spoofed = await fetch(link.url, { headers: { "X-Forwarded-Proto": "https" } });
    expect(spoofed.headers.get("strict-transport-security")).toBeNull();
  });
});
