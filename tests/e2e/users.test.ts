// Users in the browser (issue 19): an administrator invites an operator with access to one shop,
// the invitation e-mail (a real SMTP server) is opened and accepted, and that operator sees only
// that shop; the forgot-password round trip through the e-mailed link; a disabled user is signed
// out on their next request. Every new page is axe-clean.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getUserActor } from "@/lib/auth/get-user-actor";
import { createShop } from "@/prisma/factories";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { newOrder } from "../helpers/orders";
import { type SmtpSink, startSmtpSink } from "../helpers/smtp-sink";
import { axeViolations, type Harness, signIn, startHarness } from "./harness";

let h: Harness;
let sink: SmtpSink;
let users: Awaited<ReturnType<typeof seedTenants>>;
beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
  await createShop(db, { id: "23456789", companyId: users.admin.companyId, name: "Deuxième Boutique" });
  // The administrator sees both shops (every shop of the company): one TEST order in each.
  const admin = (await getUserActor(db, users.admin.userId))!.actor;
  await newOrder(admin, { shopId: "12345678", reference: "SHOP-A-ORDER" });
  await newOrder(admin, { shopId: "23456789", reference: "SHOP-B-ORDER" });
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
  await sink?.stop();
  delete process.env.SMTP_URL;
});

const GOOD = "a long walk by the river";

/** The newest message the sink got for `to`, waiting for it (the worker sends it). */
async function mailTo(to: string, after = 0) {
  const t0 = Date.now();
  for (;;) {
    const m = sink.messages.slice(after).find((x) => x.rcptTo.includes(to));
    if (m) return m;
    if (Date.now() - t0 > 30_000) throw new Error(`no e-mail to ${to}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The link of the e-mail's button, as a person would follow it. */
const buttonHref = async (page: Page, html: string, label: string) => {
  await page.setContent(html);
  return page.getByRole("link", { name: label }).first().getAttribute("href");
};

describe("Settings › Users in the browser", () => {
  it("invite an operator for one shop → the e-mail's link → they choose a password, are signed in, and see only that shop", async () => {
    const admin = await h.page();
    await signIn(admin, h.base, "admin@demo.test", "demo-admin-1");
    await Promise.all([admin.waitForURL(`${h.base}/settings/users`), admin.click("nav >> text=Utilisateurs")]);
    expect(await admin.textContent("h1")).toBe("Utilisateurs");
    expect(await admin.locator("tr[data-user-email='operator@demo.test']").textContent()).toContain("Opérateur");
    expect(await axeViolations(admin)).toEqual([]);

    await Promise.all([admin.waitForURL(`${h.base}/settings/users/new`), admin.click("text=Inviter un utilisateur")]);
    expect(await axeViolations(admin)).toEqual([]);
    await admin.fill("#email", "nouvelle@example.test");
    await admin.fill("#name", "Nadia Nouvelle");
    await admin.selectOption("#role", "OPERATOR");
    await admin.check("#access-some");
    await admin.check("#shopIds-23456789");
    await Promise.all([admin.waitForURL(`${h.base}/settings/users?done=invited`), admin.click('main button[type="submit"]')]);
    const row = admin.locator("tr[data-user-email='nouvelle@example.test']");
    expect(await row.getAttribute("data-status")).toBe("INVITED");
    expect(await row.textContent()).toContain("Deuxième Boutique (23456789)");
    expect(await row.textContent()).not.toContain("Boutique Démo");

    const mail = await mailTo("nouvelle@example.test");
    expect(mail.parsed.subject).toBe("Invitation au back office de Démo SARL");
    const invitee = await h.page();
    const href = await buttonHref(invitee, String(mail.parsed.html), "Accepter l’invitation");
    expect(href).toMatch(new RegExp(`^${h.base}/invite/[A-Za-z0-9_-]{43}$`));
    await invitee.goto(href!);
    expect(await invitee.textContent("h1")).toBe("Rejoindre Démo SARL");
    expect(await invitee.inputValue("#name")).toBe("Nadia Nouvelle");
    expect(await axeViolations(invitee)).toEqual([]);
    // A weak password first: refused in words, the link still usable.
    await invitee.fill("#password", "motdepasse");
    await invitee.fill("#confirm", "motdepasse");
    await invitee.click('button[type="submit"]');
    await invitee.waitForSelector("#password-error");
    expect(await invitee.textContent("#password-error")).toContain("trop courant");
    expect(await axeViolations(invitee)).toEqual([]);
    await invitee.fill("#password", GOOD);
    await invitee.fill("#confirm", GOOD);
    await Promise.all([invitee.waitForURL(`${h.base}/orders`), invitee.click('button[type="submit"]')]);

    await invitee.goto(`${h.base}/test-orders`);
    await invitee.waitForSelector("tr[data-order-id]");
    const main = await invitee.textContent("main");
    expect(main).toContain("SHOP-B-ORDER");
    expect(main).not.toContain("SHOP-A-ORDER");
    // Another shop's id in the address shows nothing of it either.
    await invitee.goto(`${h.base}/test-orders?shop=12345678`);
    expect(await invitee.textContent("main")).not.toContain("SHOP-A-ORDER");
    // The link worked once.
    await invitee.goto(href!);
    expect(await invitee.textContent("[data-testid=link-refused]")).toBe("Ce lien a déjà été utilisé.");
    expect(await axeViolations(invitee)).toEqual([]);

    await admin.reload();
    expect(await admin.locator("tr[data-user-email='nouvelle@example.test']").getAttribute("data-status")).toBe("ACTIVE");
  });

  it("forgot password: the neutral answer, the e-mailed link, a new password that signs in", async () => {
    const page = await h.page("en-GB");
    await page.goto(`${h.base}/signin`);
    await Promise.all([page.waitForURL(`${h.base}/forgot`), page.click("text=Forgot your password?")]);
    expect(await axeViolations(page)).toEqual([]);
    const before = sink.messages.length;
    await page.fill("#email", "viewer@demo.test");
    await page.click('button[type="submit"]');
    const sent = await page.textContent("[data-testid=forgot-sent]");
    expect(sent).toContain("If an account exists for this address");
    expect(await axeViolations(page)).toEqual([]);
    // An unknown address reads the same.
    await page.goto(`${h.base}/forgot`);
    await page.fill("#email", "nobody@example.test");
    await page.click('button[type="submit"]');
    expect(await page.textContent("[data-testid=forgot-sent]")).toBe(sent);

    const mail = await mailTo("viewer@demo.test", before);
    expect(sink.messages.some((m) => m.rcptTo.includes("nobody@example.test"))).toBe(false);
    const href = await buttonHref(page, String(mail.parsed.html), "Choisir un nouveau mot de passe");
    expect(href).toMatch(new RegExp(`^${h.base}/reset/[A-Za-z0-9_-]{43}$`));
    await page.goto(href!);
    expect(await page.textContent("h1")).toBe("New password");
    expect(await axeViolations(page)).toEqual([]);
    await page.fill("#password", GOOD);
    await page.fill("#confirm", `${GOOD} (typo)`);
    await page.click('button[type="submit"]');
    await page.waitForSelector("#confirm-error");
    expect(await page.textContent("#confirm-error")).toBe("The two passwords differ.");
    await page.fill("#password", GOOD);
    await page.fill("#confirm", GOOD);
    await page.click('button[type="submit"]');
    expect(await page.textContent("[data-testid=link-done]")).toContain("Your password is changed.");
    await signIn(page, h.base, "viewer@demo.test", GOOD);
  });

  it("a disabled user is signed out on their next request", async () => {
    const op = await h.page();
    await signIn(op, h.base, "operator@demo.test", "demo-operator-1");
    const admin = await h.page();
    await signIn(admin, h.base, "admin@demo.test", "demo-admin-1");
    await admin.goto(`${h.base}/settings/users/${users.operator.userId}`);
    expect(await axeViolations(admin)).toEqual([]);
    await Promise.all([admin.waitForURL(/done=disabled/), admin.getByRole("button", { name: "Désactiver" }).click()]);
    expect(await admin.textContent("[data-notice=disabled]")).toBe("Utilisateur désactivé.");

    await op.goto(`${h.base}/test-orders`);
    expect(op.url()).toContain("/signin");
    // And cannot sign in again.
    await op.fill("#email", "operator@demo.test");
    await op.fill("#password", "demo-operator-1");
    await op.click('button[type="submit"]');
    await op.waitForSelector("[role=alert]");
    expect(op.url()).toContain("/signin");
  });
});
