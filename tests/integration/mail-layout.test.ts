// Every e-mail as a buyer or a merchant sees it (issue 22): sent through the real SMTP path to a
// sink, then each HTML part opened in Chromium: a real "Pay" button leading to the order's page
// (and the same link as plain text), nothing wider than 600 px, every image with a text
// alternative; merchant notices lead to the order in the back office. With SCREENSHOTS_DIR set
// (scripts/screenshots.mjs) each message is also saved as a picture for docs/.
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverEmails } from "@/lib/channels/deliver-emails";
import { sendAlertMail } from "@/lib/channels/send-alert-mail";
import { createMailOrders } from "@/lib/orders/create-mail-orders";
import { closeMailer } from "@/lib/server/mailer";
import { backOfficeUrl, paymentUrl } from "@/lib/shared/links";
import { renderMail } from "@/lib/templates/render-message";
import { createInvitation } from "@/lib/users/invite-user";
import { sendUserTokenMail } from "@/lib/users/send-user-token-mail";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { card, payNow } from "../helpers/orders";
import { type SmtpSink, startSmtpSink } from "../helpers/smtp-sink";

const plain = (s: string | undefined) => (s ?? "").replace(/[\u00a0\u202f]/g, " ");
const shots = process.env.SCREENSHOTS_DIR;

let users: Awaited<ReturnType<typeof seedTenants>>;
let sink: SmtpSink;
let browser: Browser;

beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
  process.env.MAIL_FROM = "orders@pay.example.test";
  await closeMailer();
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox"],
  });
});
afterAll(async () => {
  await browser?.close();
  await closeMailer();
  await sink?.stop();
  delete process.env.SMTP_URL;
});

async function drain() {
  for (let i = 0; i < 50; i++) {
    const due = await db.message.findMany({ where: { status: "QUEUED" }, select: { id: true } });
    if (due.length)
      await deliverEmails(
        db,
        due.map((m) => m.id),
      );
    if (!(await db.message.count({ where: { status: { in: ["QUEUED", "SENDING"] } } }))) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("messages still pending");
}

type Seen = { page: Page; links: Array<{ href: string; text: string }>; widest: number; imagesWithoutAlt: number };

/** Opens an HTML part as a mail client would show it (a wide window: the layout must stay ≤ 600 px). */
async function open(html: string, shot?: string): Promise<Seen> {
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  // Offline: the platform's logo comes from public/, nothing else is fetched.
  await page.route("**/*", (r) =>
    r.request().url().endsWith("/logo.png") ? r.fulfill({ path: path.join(process.cwd(), "public", "logo.png") }) : r.abort(),
  );
  await page.setContent(html, { waitUntil: "domcontentloaded" });
  const seen = await page.evaluate(() => ({
    links: [...document.querySelectorAll("a")].map((a) => ({ href: a.getAttribute("href") ?? "", text: (a.textContent ?? "").trim() })),
    // the content column and everything in it (the page's background may span the window)
    widest: Math.max(
      ...[...document.body.querySelectorAll('table[style*="max-width"], p, a, img, li, h1, h2, h3')].map(
        (e) => e.getBoundingClientRect().width,
      ),
    ),
    imagesWithoutAlt: [...document.querySelectorAll("img")].filter((i) => !i.getAttribute("alt")?.trim()).length,
  }));
  if (shots && shot) await page.screenshot({ path: path.join(shots, `mail-${shot}.png`), fullPage: true });
  return { page, ...seen };
}

describe("the e-mail layout, rendered in Chromium", () => {
  it("the order e-mail: amount card, a 'Pay' button and the plain link to the order's page, ≤ 600 px, alt texts", async () => {
    const { ids } = await createMailOrders(db, {
      actor: users.operator,
      values: {
        shopId: "12345678",
        mode: "TEST",
        amount: "15",
        currency: "EUR",
        reference: "LOOK-1",
        language: "fr",
        recipients: "anne@buyer.test",
      },
    });
    await drain();
    const order = await db.paymentOrder.findUniqueOrThrow({ where: { id: ids[0] } });
    const mail = sink.messages.find((m) => m.rcptTo.includes("anne@buyer.test"))!.parsed;
    const seen = await open(mail.html as string, "order-fr");
    const pay = seen.links.filter((l) => l.href === paymentUrl(order.token));
    expect(plain(pay[0]?.text)).toBe("Payer 15,00 €");
    expect(pay.length).toBeGreaterThanOrEqual(2); // the button and the fallback link
    expect(seen.widest).toBeLessThanOrEqual(600);
    expect(seen.imagesWithoutAlt).toBe(0);
    expect(await seen.page.locator("img").count()).toBeGreaterThan(0);
    // the button survives Outlook: React Email's padding for Word's renderer is there
    expect(mail.html).toContain("<!--[if mso]>");
    expect(plain((await seen.page.textContent("body")) ?? "")).toContain("LOOK-1");
    // the text part carries the same link
    expect(mail.text).toContain(paymentUrl(order.token));
    await seen.page.close();
  });

  it("the receipts: the buyer's without a 'Pay' button, the merchant's with a button to the order in the back office", async () => {
    const { ids } = await createMailOrders(db, {
      actor: users.operator,
      values: {
        shopId: "12345678",
        mode: "TEST",
        amount: "42",
        currency: "EUR",
        reference: "LOOK-2",
        language: "en",
        recipients: "payer@buyer.test",
      },
    });
    await drain();
    sink.messages.length = 0;
    const order = await db.paymentOrder.findUniqueOrThrow({ where: { id: ids[0] } });
    expect((await payNow({ token: order.token, card: card("4970100000000055") })).outcome).toBe("ACCEPTED");
    await drain();
    const buyer = sink.messages.find((m) => m.rcptTo.includes("payer@buyer.test"))!.parsed;
    const b = await open(buyer.html as string, "receipt-buyer-en");
    expect(b.links.some((l) => l.href.includes("/pay/"))).toBe(false);
    expect(plain((await b.page.textContent("body")) ?? "")).toContain("€42.00");
    expect(b.widest).toBeLessThanOrEqual(600);
    expect(b.imagesWithoutAlt).toBe(0);
    await b.page.close();
    const merchant = sink.messages.find((m) => m.rcptTo.includes("boutique@demo.test"))!.parsed;
    const m = await open(merchant.html as string, "receipt-merchant-fr");
    expect(m.links).toContainEqual({ href: backOfficeUrl.order(order.id), text: "Ouvrir l’ordre" });
    expect(m.widest).toBeLessThanOrEqual(600);
    expect(merchant.text).toContain(backOfficeUrl.order(order.id));
    await m.page.close();
  });

  it("a reminder in another language wears the same layout", async () => {
    const mail = await renderMail(
      { subject: "Reminder", body: "<p>Still waiting.</p>" },
      { amount: "€9.90", reference: "R-9", url: "https://pay.example.test/pay/tok", end_date: "31/12/2026", shop_name: "Shop & Co" },
      "de",
      { kind: "REMINDER" },
    );
    const seen = await open(mail.html, "reminder-de");
    expect(seen.links[0]).toEqual({ href: "https://pay.example.test/pay/tok", text: "€9.90 bezahlen" });
    // a value is escaped once, never interpreted
    expect(await seen.page.textContent("body")).toContain("Shop & Co");
    await seen.page.close();
  });

  it("an alert to the merchant: the same layout, a button to the page that deals with it, the text kept", async () => {
    sink.messages.length = 0;
    await sendAlertMail({
      fromName: "Boutique Démo",
      to: "boss@demo.test",
      lang: "en",
      subject: "A notification failed",
      text: "The notification to https://shop.example/ipn failed 3 times.\n\nCheck your server <now>.",
      messageKey: "look-alert",
      action: { label: "See the notification", href: backOfficeUrl.delivery("d-1") },
    });
    const mail = sink.messages[0]!.parsed;
    const seen = await open(mail.html as string, "alert-en");
    expect(seen.links[0]).toEqual({ href: backOfficeUrl.delivery("d-1"), text: "See the notification" });
    expect(await seen.page.textContent("body")).toContain("Check your server <now>.");
    expect(seen.widest).toBeLessThanOrEqual(600);
    expect(mail.text).toContain(backOfficeUrl.delivery("d-1"));
    await seen.page.close();
  });

  it("an invitation: the same layout, a button to the one-time link (also in the plain text), ≤ 600 px", async () => {
    sink.messages.length = 0;
    await createInvitation(db, {
      actor: { type: "SYSTEM" },
      companyId: users.other.companyId,
      email: "new.admin@autre.test",
      role: "ADMIN",
      allShops: true,
      locale: "fr",
    });
    const [job] = await db.$queryRawUnsafe<{ data: { tokenId: string; sealedToken: string } }[]>(
      `SELECT data FROM pgboss.job WHERE name = 'users.token-mail' ORDER BY created_on DESC LIMIT 1`,
    );
    expect(await sendUserTokenMail(db, job!.data)).toEqual({ sent: true });
    await sink.waitFor(1);
    const mail = sink.messages[0]!.parsed;
    const seen = await open(mail.html as string, "invitation-fr");
    const button = seen.links.find((l) => /\/invite\/[A-Za-z0-9_-]{43}$/.test(l.href));
    expect(button, JSON.stringify(seen.links)).toBeDefined();
    expect(button!.text.length).toBeGreaterThan(0);
    expect(mail.text).toContain(button!.href);
    expect(seen.widest).toBeLessThanOrEqual(600);
    expect(seen.imagesWithoutAlt).toBe(0);
    await seen.page.close();
  });
});
