// The "order by SMS" dialog in the browser (F-CH-SMS): the number shown back in E.164, the live
// counter and credit cost changing while typing (€, an emoji), the credits left, creation with
// the credits taken; the WhatsApp dialog; the URL panel's copy fallback and QR downloads.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { axeViolations, type Harness, signIn, startHarness } from "./harness";

let h: Harness;
beforeAll(async () => {
  await resetDatabase();
  await seedTenants();
  await db.company.updateMany({ data: { smsCredits: 5 } });
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

const flat = (s: string | null) => (s ?? "").replace(/\s/g, " ");
const credits = async () => (await db.company.findFirstOrThrow({ where: { shops: { some: { id: "12345678" } } } })).smsCredits;

/** Signed in as the operator, on the SMS dialog, reached by keyboard from the URL dialog. */
async function openSmsDialog(): Promise<Page> {
  const page = await h.page();
  await signIn(page, h.base, "operator@demo.test", "demo-operator-1");
  await page.goto(`${h.base}/orders/new?mode=TEST`);
  await page.focus("text=Par SMS");
  await Promise.all([page.waitForURL(/\/orders\/new\?mode=TEST&channel=SMS$/), page.keyboard.press("Enter")]);
  await page.waitForSelector("[data-testid=sms-counter]");
  return page;
}

const counter = async (page: Page) => ({
  encoding: await page.getAttribute("[data-testid=sms-encoding]", "data-encoding"),
  parts: Number(await page.textContent("[data-testid=sms-parts]")),
  cost: flat(await page.textContent("[data-testid=sms-cost]")),
});

describe("create a payment order by SMS in the browser (F-CH-SMS)", () => {
  it("counts live while typing, shows the credits, creates the order and takes its credits", async () => {
    const page = await openSmsDialog();
    expect(await page.textContent("h1")).toContain("par SMS");
    expect(await page.inputValue("#message")).toContain("%url%");
    expect(await page.textContent("[data-testid=sms-credits]")).toBe("5");
    expect(await counter(page)).toEqual({ encoding: "GSM7", parts: 1, cost: "1 crédit(s)" });
    expect(await axeViolations(page)).toEqual([]);

    await page.fill("#phoneNumber", "06 12 34");
    expect(await page.textContent("[data-testid=phone-e164]")).toContain("pas encore valide");
    await page.fill("#phoneNumber", "06 12 34 56 78");
    expect(await page.textContent("[data-testid=phone-e164]")).toBe("Envoi au +33612345678");

    // The amount typed reaches the preview (the server fills the variables again).
    await page.fill("#reference", "SMS-E2E");
    await page.fill("#amount", "15,90");
    await page.waitForFunction(() => document.querySelector("[data-testid=phone-preview]")?.textContent?.includes("15,90"));
    expect(flat(await page.textContent("[data-testid=phone-preview]"))).toMatch(/^Boutique Démo : réglez 15,90 € \(réf\. SMS-E2E\)/);

    // Typing: 150 plain characters + the link → 2 parts; € keeps GSM-7 but counts two; an emoji → UCS-2.
    const base = "a".repeat(150);
    await page.fill("#message", `${base} %url%`);
    expect(await counter(page)).toEqual({ encoding: "GSM7", parts: 2, cost: "2 crédit(s)" });
    await page.fill("#message", "Réglez %amount% : %url%");
    expect(await counter(page)).toEqual({ encoding: "GSM7", parts: 1, cost: "1 crédit(s)" });
    const gsm = Number((await page.textContent("[data-testid=sms-characters]"))!.split("/")[0]);
    await page.type("#message", " €");
    expect(Number((await page.textContent("[data-testid=sms-characters]"))!.split("/")[0])).toBe(gsm + 2);
    expect((await counter(page)).encoding).toBe("GSM7");
    await page.type("#message", " Merci 🙂");
    expect(await counter(page)).toEqual({ encoding: "UCS2", parts: 2, cost: "2 crédit(s)" });
    expect(await page.textContent("[data-testid=sms-counter]")).toContain("Unicode");
    const preview = flat(await page.textContent("[data-testid=phone-preview]"));
    expect(preview).toMatch(/^Réglez 15,90 € : http.+\/pay\/preview0+ € Merci 🙂$/);

    // More parts than credits: said before sending.
    await page.fill("#message", `${"ê".repeat(380)} %url%`);
    expect((await counter(page)).parts).toBeGreaterThan(5);
    expect(await page.textContent("[data-testid=sms-counter]")).toContain("Crédits insuffisants");
    await page.fill("#message", "Réglez %amount% : %url% € Merci 🙂");
    expect(await counter(page)).toEqual({ encoding: "UCS2", parts: 2, cost: "2 crédit(s)" });
    expect(await axeViolations(page)).toEqual([]);

    await Promise.all([page.waitForURL(/\/orders\/[a-f0-9]{32}\?created=1$/), page.click('main button[type="submit"]')]);
    expect(await page.textContent("[role=status]")).toContain("son SMS part");
    const id = page.url().match(/orders\/([a-f0-9]{32})/)![1]!;
    const order = await db.paymentOrder.findUniqueOrThrow({ where: { id } });
    expect(order).toMatchObject({ channel: "SMS", recipient: "+33612345678", reference: "SMS-E2E" });
    expect(order.message).toBe(preview.replace(/preview0+/, order.token));
    const [message] = await db.message.findMany({ where: { orderId: id } });
    expect(message).toMatchObject({ encoding: "UCS2", segments: 2, credits: 2 });
    expect(await credits()).toBe(3);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("refuses a wrong number and too few credits, keeping what was typed", async () => {
    const page = await openSmsDialog();
    await page.fill("#phoneNumber", "call me");
    await page.fill("#amount", "10");
    await page.click('main button[type="submit"]');
    await page.waitForSelector("#phoneNumber-error");
    expect(await page.textContent("#phoneNumber-error")).toContain("n'est pas valide");
    expect(await page.getAttribute("#phoneNumber", "aria-invalid")).toBe("true");

    await db.company.updateMany({ data: { smsCredits: 0 } });
    await page.fill("#phoneNumber", "+33 6 12 34 56 78");
    await page.click('main button[type="submit"]');
    await page.waitForSelector("#message-error");
    expect(await page.textContent("#message-error")).toContain("Crédits SMS insuffisants");
    expect(await page.inputValue("#amount")).toBe("10");
    expect(await db.paymentOrder.count({ where: { channel: "SMS" } })).toBe(1);
    await db.company.updateMany({ data: { smsCredits: 3 } });
  });
});

describe("create a payment order by WhatsApp in the browser (F-CH-WHATSAPP)", () => {
  it("previews the text, creates the order without credits", async () => {
    const page = await h.page();
    await signIn(page, h.base, "operator@demo.test", "demo-operator-1");
    await page.goto(`${h.base}/orders/new?mode=TEST&channel=WHATSAPP`);
    await page.waitForSelector("[data-testid=phone-preview]");
    expect(await page.$("[data-testid=sms-counter]")).toBeNull();
    await page.fill("#phoneNumber", "+33 6 12 34 56 79");
    await page.fill("#amount", "42");
    await page.waitForFunction(() => document.querySelector("[data-testid=phone-preview]")?.textContent?.includes("42,00"));
    expect(flat(await page.textContent("[data-testid=phone-preview]"))).toMatch(/^Bonjour, Boutique Démo vous envoie un lien/);
    expect(await axeViolations(page)).toEqual([]);
    await Promise.all([page.waitForURL(/\/orders\/[a-f0-9]{32}\?created=1$/), page.click('main button[type="submit"]')]);
    const id = page.url().match(/orders\/([a-f0-9]{32})/)![1]!;
    expect(await db.paymentOrder.findUniqueOrThrow({ where: { id } })).toMatchObject({ channel: "WHATSAPP", recipient: "+33612345679" });
    expect(await credits()).toBe(3);
  });
});

describe("the URL panel (F-CH-URL)", () => {
  it("downloads the QR code as SVG and PNG at the chosen size; copies without the Clipboard API", async () => {
    const page = await h.page();
    await signIn(page, h.base, "operator@demo.test", "demo-operator-1");
    await page.goto(`${h.base}/orders/new?mode=TEST`);
    await page.fill("#amount", "12");
    await Promise.all([page.waitForURL(/\/orders\/[a-f0-9]{32}\?created=1$/), page.click('main button[type="submit"]')]);
    const id = page.url().match(/orders\/([a-f0-9]{32})/)![1]!;

    await page.selectOption("[data-testid=qr-size]", "256");
    expect(await page.getAttribute("[data-testid=qr-svg]", "href")).toBe(`/orders/${id}/qr.svg?size=256`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("[data-testid=qr-svg]")]);
    expect(download.suggestedFilename()).toMatch(/^payment-.+-256\.svg$/);
    const svg = await page.request.get(`${h.base}/orders/${id}/qr.svg?size=256`);
    expect(svg.headers()["content-type"]).toBe("image/svg+xml");
    const body = await svg.text();
    expect(body).toMatch(/^<svg[^>]+width="256"/);
    const png = await page.request.get(`${h.base}/orders/${id}/qr.png?size=1024`);
    expect(png.headers()["content-type"]).toBe("image/png");
    expect((await png.body()).readUInt32BE(16)).toBe(1024); // IHDR width
    expect((await page.request.get(`${h.base}/orders/${id}/qr.svg?size=300`)).status()).toBe(400);

    // No Clipboard API and no copy command: the link is selected and the keys to press are said.
    await page.evaluate(() => {
      Object.defineProperty(navigator, "clipboard", { value: undefined, configurable: true });
      document.execCommand = () => false;
    });
    await page.click("#payment-url + button");
    expect(await page.textContent("[data-testid=payment-url-note]")).toBe("Le texte est sélectionné : copiez-le avec Ctrl+C.");
    const selected = await page.evaluate(() => {
      const el = document.getElementById("payment-url") as HTMLInputElement;
      return document.activeElement === el && el.selectionStart === 0 && el.selectionEnd === el.value.length;
    });
    expect(selected).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
  });
});
