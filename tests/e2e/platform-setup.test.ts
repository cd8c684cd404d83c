// Issue 19 (setup19), in Chromium against the production server: the first run's setup link →
// the platform operator creates a company and a shop (keys shown once, working) → invites the
// company's administrator → the invitation e-mail (a real SMTP sink) is opened and accepted →
// that administrator is signed in and sees the new shop. Non-operators get 404 on /platform; axe-clean pages.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateBasic } from "@/lib/lyra-api/authenticate";
import { issueSetupToken } from "@/lib/platform/setup-token";
import { basic } from "../helpers/api";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { type SmtpSink, startSmtpSink } from "../helpers/smtp-sink";
import { axeViolations, type Harness, signIn, startHarness } from "./harness";

let h: Harness;
let sink: SmtpSink;

beforeAll(async () => {
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
  h = await startHarness();
  await resetDatabase();
});
afterAll(async () => {
  await h?.stop();
  await sink?.stop();
  delete process.env.SMTP_URL;
});

const noViolations = async (page: Page) => expect(await axeViolations(page)).toEqual([]);

describe("first run → platform console → a company's administrator", () => {
  it("goes from an empty platform to a merchant administrator signed in on their new shop", async () => {
    // What the server prints at a start on an empty platform (scripts/ready-banner.ts).
    const token = (await issueSetupToken(db))!;
    const page = await h.page("en-GB");
    await page.goto(`${h.base}/setup/${token}`);
    await noViolations(page);
    await page.fill("#operatorName", "Olga Ops");
    await page.fill("#operatorEmail", "ops@platform.test");
    await page.fill("#operatorPassword", "short");
    await page.click('[data-testid="setup-submit"]');
    await page.waitForSelector("#operatorPassword-error");
    await noViolations(page);
    await page.fill("#operatorPassword", "correct horse battery staple");
    await page.click('[data-testid="setup-submit"]');
    await page.waitForSelector('[data-testid="setup-done"]');
    // The link is spent.
    await page.goto(`${h.base}/setup/${token}`);
    await page.waitForSelector('[data-testid="setup-invalid"]');

    // The operator signs in and lands on the console.
    await page.goto(`${h.base}/signin`);
    await page.fill("#email", "ops@platform.test");
    await page.fill("#password", "correct horse battery staple");
    await Promise.all([page.waitForURL(`${h.base}/platform`), page.click('button[type="submit"]')]);
    await noViolations(page);
    await page.fill("#new-company-name", "Acme SAS");
    await page.click('[data-testid="new-company-form"] button[type="submit"]');
    await page.getByRole("link", { name: "Acme SAS" }).click();
    await page.waitForSelector('[data-testid="company-name"]');
    await noViolations(page);

    await page.fill("#shop-name", "Acme Boutique");
    await page.fill("#shop-timeZone", "Europe/Brussels");
    await page.fill("#shop-currencies", "EUR, USD");
    await page.click('[data-testid="create-shop"]');
    await page.waitForSelector('[data-testid="shop-keys-once"]');
    await noViolations(page);
    const shopId = (await page.textContent('[data-testid="new-shop-id"]'))!.trim();
    const prodPassword = (await page.textContent('[data-testid="new-shop-prodPassword"]'))!.trim();
    expect(shopId).toMatch(/^[1-9]\d{7}$/);
    expect(await authenticateBasic(db, basic({ shopId, password: prodPassword }))).toMatchObject({ id: shopId, mode: "PRODUCTION" });
    // Shown once: not on the page any more after a reload.
    await page.reload();
    expect(await page.content()).not.toContain(prodPassword);

    await page.fill("#invite-name", "Bea Boss");
    await page.fill("#invite-email", "bea@acme.test");
    await page.selectOption("#invite-locale", "en");
    await page.click('[data-testid="invite-admin-form"] button[type="submit"]');
    await page.getByText("Invitation sent to bea@acme.test.").waitFor();

    await sink.waitFor(1);
    const mail = sink.messages.find((m) => m.rcptTo.includes("bea@acme.test"))!;
    expect(mail).toBeDefined();
    const link = /https?:\/\/[^\s"<>]+\/invite\/[A-Za-z0-9_-]+/.exec(mail.parsed.text ?? "")?.[0];
    expect(link).toBeDefined();

    const bea = await h.page("en-GB");
    await bea.goto(link!);
    await bea.fill("#password", "tulip-river-42-lamp");
    await bea.fill("#confirm", "tulip-river-42-lamp");
    await bea.click('button[type="submit"]');
    await bea.waitForURL(/\/orders/);
    expect(await bea.textContent('[data-testid="whoami"]')).toBe("bea@acme.test");
    await bea.goto(`${h.base}/settings/api-keys`);
    expect(await bea.textContent('[data-testid="rest-user"]')).toBe(shopId);
    // A company administrator is not a platform operator.
    expect((await bea.goto(`${h.base}/platform`))?.status()).toBe(404);
  });

  it("the demo platform operator is sent to /platform; a demo administrator gets 404 there", async () => {
    await resetDatabase();
    await seedTenants();
    const admin = await h.page();
    await signIn(admin, h.base, "admin@demo.test", "demo-admin-1");
    expect((await admin.goto(`${h.base}/platform`))?.status()).toBe(404);
  });
});
