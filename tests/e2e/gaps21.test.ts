// Issue 21 in the browser: create from (each channel opens its dialog with the source's values),
// modify and resend of an e-mail's body, delete from the row menu, the SMS dialog's buyer e-mail,
// the URL dialog's link text, the rich-text toolbar; every dialog axe-clean.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailOrders } from "@/lib/orders/create-mail-orders";
import { createPhoneOrder } from "@/lib/orders/create-phone-order";
import { createUrlOrder } from "@/lib/orders/create-url-order";
import { db, resetDatabase, seedTenants } from "../helpers/db";
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

const flat = (s: string | null) => (s ?? "").replace(/[\s\u00a0\u202f]+/g, " ").trim();
const common = (reference: string) => ({
  shopId: "12345678",
  mode: "TEST",
  reference,
  amount: "33.30",
  currency: "EUR",
  language: "en",
  buyerEmail: "buyer@example.com",
  validationMode: "MANUAL",
  captureDelay: "2",
  description: "Two chairs",
});
async function operatorPage(): Promise<Page> {
  const page = await h.page();
  await signIn(page, h.base, "operator@demo.test", "demo-operator-1");
  return page;
}
/** Polls the database until `find` returns a row (the browser's submit and redirect are asynchronous). */
async function waitFor<T>(find: () => Promise<T | null>, ms = 15_000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const r = await find();
    if (r) return r;
    if (Date.now() - t0 > ms) throw new Error("not found in time");
    await new Promise((res) => setTimeout(res, 200));
  }
}
const byReference = (reference: string) => waitFor(() => db.paymentOrder.findFirst({ where: { reference } }));

/** From the order's page, "Create from" by its toolbar. */
async function createFrom(page: Page, id: string) {
  await page.goto(`${h.base}/orders/${id}`);
  await Promise.all([page.waitForURL(/\/orders\/new\?/), page.click("[data-action=createFrom]")]);
}
async function expectCommonCopy(page: Page, tab: string) {
  expect(await page.textContent("nav a[aria-current=page]")).toBe(tab);
  expect(await page.inputValue("#reference")).toBe("");
  expect(await page.inputValue("#amount")).toBe("33.30");
  expect(await page.inputValue("#language")).toBe("en");
  expect(await page.getAttribute("[data-testid=advanced-options]", "open")).not.toBeNull();
  expect(await page.inputValue("#validationMode")).toBe("MANUAL");
  expect(await page.inputValue("#captureDelay")).toBe("2");
  expect(await page.inputValue("#description")).toBe("Two chairs");
  expect(await axeViolations(page)).toEqual([]);
}
async function submitAs(page: Page, reference: string) {
  await page.fill("#reference", reference);
  await page.click("form button[type=submit]");
  return byReference(reference);
}

describe("create from (issue 21): each channel's dialog, every field but the reference", () => {
  it("URL, with its link text", async () => {
    const src = await createUrlOrder(db, { actor: users.operator, values: { ...common("SRC-URL"), message: "Pay %amount%: %url%" } });
    const page = await operatorPage();
    await createFrom(page, src.id);
    await expectCommonCopy(page, "Par URL");
    expect(await page.inputValue("#buyerEmail")).toBe("buyer@example.com");
    expect(await page.inputValue("#message")).toBe("Pay %amount%: %url%");
    const made = await submitAs(page, "COPY-URL");
    expect(made).toMatchObject({
      channel: "URL",
      amount: 3330n,
      locale: "en_GB",
      validationMode: "MANUAL",
      captureDelay: 2,
      message: "Pay %amount%: %url%",
    });
  });

  it("e-mail: recipient, subject and body", async () => {
    const { ids } = await createMailOrders(db, {
      actor: users.operator,
      values: { ...common("SRC-MAIL"), recipients: "anne@buyer.test", subject: "Chairs %reference%", message: "<p>Hello <u>Anne</u></p>" },
    });
    const page = await operatorPage();
    await createFrom(page, ids[0]!);
    await expectCommonCopy(page, "Par e-mail");
    expect(await page.inputValue("#recipients")).toBe("anne@buyer.test");
    expect(await page.inputValue("#subject")).toBe("Chairs %reference%");
    expect(await page.innerHTML("#message")).toContain("<u>Anne</u>");
    const made = await submitAs(page, "COPY-MAIL");
    expect(made).toMatchObject({ channel: "MAIL", recipient: "anne@buyer.test", subject: "Chairs %reference%", locale: "en_GB" });
    expect(made.message).toContain("<u>Anne</u>");
  });

  for (const [channel, tab] of [
    ["SMS", "Par SMS"],
    ["WHATSAPP", "Par WhatsApp"],
  ] as const) {
    it(`${channel}: phone number and text`, async () => {
      const src = await createPhoneOrder(db, {
        actor: users.operator,
        values: { ...common(`SRC-${channel}`), channel, phoneNumber: "0612345678", message: "Chairs: %amount% %url%" },
      });
      const page = await operatorPage();
      await createFrom(page, src.id);
      await expectCommonCopy(page, tab);
      expect(await page.inputValue("#phoneNumber")).toBe("+33612345678");
      expect(await page.inputValue("#message")).toBe("Chairs: %amount% %url%");
      expect(await page.inputValue("#buyerEmail")).toBe("buyer@example.com");
      const made = await submitAs(page, `COPY-${channel}`);
      expect(made).toMatchObject({ channel, recipient: "+33612345678", buyerEmail: "buyer@example.com", validationMode: "MANUAL" });
    });
  }
});

describe("modify and resend (issue 21): an e-mail's body", () => {
  it("the new subject and body are saved and sent again", async () => {
    const { ids } = await createMailOrders(db, {
      actor: users.operator,
      values: { ...common("MOD-MAIL"), recipients: "anne@buyer.test", subject: "Old subject", message: "<p>Old body</p>" },
    });
    const id = ids[0]!;
    const page = await operatorPage();
    await page.goto(`${h.base}/orders/${id}`);
    await Promise.all([page.waitForURL(/\/edit$/), page.click("[data-action=modifyResend]")]);
    expect(await page.inputValue("#subject")).toBe("Old subject");
    expect(await axeViolations(page)).toEqual([]);
    await page.fill("#subject", "New subject %reference%");
    await page.click("#message");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("New body for %amount%");
    await Promise.all([page.waitForURL(/done=modify/), page.click("form button[type=submit]")]);
    const o = await db.paymentOrder.findUniqueOrThrow({ where: { id } });
    expect(o.subject).toBe("New subject %reference%");
    expect(o.message).toContain("New body for %amount%");
    expect(o.message).not.toContain("Old body");
    expect(await db.message.count({ where: { orderId: id, kind: "ORDER" } })).toBe(2);
  });
});

describe("delete (issue 21)", () => {
  it("from the row menu: confirmation, then gone from the list", async () => {
    const o = await createUrlOrder(db, { actor: users.operator, values: common("DEL-E2E") });
    const page = await operatorPage();
    await page.goto(`${h.base}/test-orders`);
    await page.click("tr:has-text('DEL-E2E')", { button: "right" });
    await Promise.all([page.waitForURL(/confirm=delete/), page.click("[data-testid=row-menu] [data-action=delete]")]);
    await page.waitForSelector("dialog[open]");
    expect(await page.textContent("dialog[open]")).toContain("DEL-E2E");
    expect(await axeViolations(page)).toEqual([]);
    await Promise.all([page.waitForURL(/\/test-orders\?deleted=1$/), page.click("dialog[open] button[type=submit]")]);
    expect(await page.textContent("[data-notice=deleted]")).toContain("supprimé");
    expect(await page.locator("tr:has-text('DEL-E2E')").count()).toBe(0);
    expect(await db.paymentOrder.findUnique({ where: { id: o.id } })).toBeNull();
  });
});

describe("dialogs (issue 21)", () => {
  it("the SMS dialog takes the buyer's e-mail", async () => {
    const page = await operatorPage();
    await page.goto(`${h.base}/orders/new?mode=TEST&channel=SMS`);
    await page.fill("#phoneNumber", "06 12 34 56 78");
    await page.fill("#amount", "9,90");
    await page.fill("#buyerEmail", "receipt@buyer.test");
    expect(await axeViolations(page)).toEqual([]);
    const made = await submitAs(page, "SMS-MAIL");
    expect(made.buyerEmail).toBe("receipt@buyer.test");
  });

  it("the URL dialog's link text: prefilled, edited with a live preview, kept on the order", async () => {
    const page = await operatorPage();
    await page.goto(`${h.base}/orders/new?mode=TEST`);
    expect(await page.inputValue("#message")).toContain("%url%");
    await page.fill("#reference", "LINK-E2E");
    await page.fill("#amount", "12,50");
    await page.fill("#message", "Payez %amount% pour %reference% : %url%");
    await page.waitForFunction(() => document.querySelector("[data-testid=link-text-preview]")?.textContent?.includes("LINK-E2E"));
    expect(flat(await page.textContent("[data-testid=link-text-preview]"))).toMatch(/^Payez 12,50 € pour LINK-E2E : https:\/\/…/);
    expect(await axeViolations(page)).toEqual([]);
    await Promise.all([page.waitForURL(/created=1/), page.click("form button[type=submit]")]);
    const o = await byReference("LINK-E2E");
    expect(o.message).toBe("Payez %amount% pour %reference% : %url%");
    expect(flat(await page.textContent("main"))).toContain(`Payez 12,50 € pour LINK-E2E : ${h.base}/pay/${o.token}`);
  });

  it("3-D Secure: a help per option; an alias locks the preference to challenge with the reason", async () => {
    const page = await operatorPage();
    await page.goto(`${h.base}/orders/new?mode=TEST`);
    await page.click("[data-testid=advanced-options] summary");
    await page.click("[data-testid=threeds-help] summary");
    expect(await page.locator("[data-testid=threeds-help] dd").count()).toBe(3);
    expect(await page.isDisabled("#threeDsPreference")).toBe(false);
    await page.selectOption("#aliasMode", "PROPOSE");
    expect(await page.isDisabled("#threeDsPreferenceLocked")).toBe(true);
    expect(await page.inputValue("#threeDsPreferenceLocked")).toBe("CHALLENGE");
    expect(await page.textContent("main")).toContain("exige l’authentification forte");
    expect(await axeViolations(page)).toEqual([]);
    await page.selectOption("#aliasMode", "NONE");
    expect(await page.isDisabled("#threeDsPreference")).toBe(false);
  });

  it("the e-mail dialog: a Templates link in a new tab, a toolbar of named icons with underline", async () => {
    const page = await operatorPage();
    await page.goto(`${h.base}/orders/new?mode=TEST&channel=MAIL`);
    expect(await page.getAttribute("[data-testid=templates-link]", "target")).toBe("_blank");
    expect(await page.getAttribute("[data-testid=templates-link]", "href")).toBe("/settings/templates");
    const controls = await page.$$eval("[role=toolbar][aria-controls=message] button", (bs) =>
      bs.map((b) => ({ name: b.getAttribute("aria-label"), text: (b.textContent ?? "").trim(), svg: b.querySelector("svg") !== null })),
    );
    expect(controls.length).toBeGreaterThanOrEqual(12);
    for (const c of controls) expect(c).toMatchObject({ text: "", svg: true, name: expect.stringMatching(/\S/) });
    expect(controls.map((c) => c.name)).toEqual(expect.arrayContaining(["Souligné", "Centrer", "Gras"]));
    expect(await page.getAttribute("[aria-label='Taille du texte']", "aria-label")).toBe("Taille du texte");
    await page.click("#message");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("Underlined");
    await page.keyboard.press("Control+A");
    await page.click("button[aria-label='Souligné']");
    expect(await page.getAttribute("button[aria-label='Souligné']", "aria-pressed")).toBe("true");
    await page.click("button[aria-label='Centrer']");
    expect(await page.innerHTML("#message")).toMatch(/<p style="text-align: center;?"><u>Underlined<\/u><\/p>/);
    expect(await axeViolations(page)).toEqual([]);
  });
});
