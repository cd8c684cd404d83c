// account19 in the browser: two-step sign-in enrolled on My account and used at sign-in with codes
// computed here with the library; a password change signs out a second browser at its next
// request; a company's requirement sends its users to enrolment and nowhere else. axe-clean.
import { Secret, TOTP } from "otpauth";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getUserActor } from "@/lib/auth/get-user-actor";
import { totpCode } from "@/lib/auth/totp";
import { confirmTwoFactorEnrolment, startTwoFactorEnrolment } from "@/lib/auth/two-factor";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { axeViolations, type Harness, signIn, startHarness } from "./harness";

let h: Harness;
beforeAll(async () => {
  await resetDatabase();
  await seedTenants();
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

/** The authenticator app: the code for the key shown on the page, `ahead` steps from now. */
const appCode = (key: string, ahead = 0) =>
  new TOTP({ secret: Secret.fromBase32(key), algorithm: "SHA1", digits: 6, period: 30 }).generate({
    timestamp: Date.now() + ahead * 30_000,
  });

async function enrol(page: Page): Promise<{ key: string; recovery: string[] }> {
  await page.waitForSelector("[data-testid=totp-key]");
  const key = ((await page.textContent("[data-testid=totp-key]")) ?? "").replace(/\s/g, "");
  expect(await page.getByRole("img", { name: /QR code/ }).count()).toBe(1);
  expect(await axeViolations(page)).toEqual([]);
  await page.fill("#code", "000000");
  await page.click("[data-testid=two-factor-confirm]");
  await page.waitForSelector("#code-error");
  expect(await page.textContent("#code-error")).toContain("Code incorrect");
  await page.fill("#code", appCode(key));
  await page.click("[data-testid=two-factor-confirm]");
  await page.waitForSelector("[data-testid=recovery-codes]");
  const recovery = await page.locator("[data-testid=recovery-codes] li").allTextContents();
  expect(await axeViolations(page)).toEqual([]);
  return { key, recovery };
}

async function passwordStep(page: Page, email: string, password: string) {
  await page.goto(`${h.base}/signin`);
  await page.fill("#email", email);
  await page.fill("#password", password);
  await page.click('button[type="submit"]');
}

describe("My account and two-step sign-in", () => {
  it("enrolment from My account, then sign-in asks for the app's code (and takes a recovery code once)", async () => {
    const page = await h.page();
    await signIn(page, h.base, "operator@demo.test", "demo-operator-1");
    await Promise.all([page.waitForURL(`${h.base}/account`), page.getByRole("link", { name: "Mon compte" }).click()]);
    expect(await page.textContent("h1")).toBe("Mon compte");
    expect(await page.textContent("[data-testid=two-factor-status]")).toContain("Désactivée");
    expect(await axeViolations(page)).toEqual([]);
    await Promise.all([page.waitForURL(`${h.base}/two-factor/setup`), page.click("[data-testid=two-factor-enable]")]);
    const { key, recovery } = await enrol(page);
    expect(recovery).toHaveLength(10);
    await Promise.all([page.waitForURL(`${h.base}/account`), page.click("[data-testid=two-factor-continue]")]);
    expect(await page.textContent("[data-testid=two-factor-status]")).toContain("Activée");
    await Promise.all([page.waitForURL(/\/signin/), page.getByRole("button", { name: "Se déconnecter" }).click()]);

    // The password alone: no session, the code is asked.
    await passwordStep(page, "operator@demo.test", "demo-operator-1");
    await page.waitForSelector("#code");
    expect(await page.textContent("#code-title")).toBe("Validation en deux étapes");
    expect(await axeViolations(page)).toEqual([]);
    expect((await page.context().cookies()).map((c) => c.name)).not.toContain("next-auth.session-token");
    await page.fill("#code", "123456");
    await page.click('button[type="submit"]');
    await page.waitForSelector("[role=alert] >> text=Code incorrect.");
    // The step used at enrolment is spent: the app's next code.
    await page.fill("#code", appCode(key, 1));
    await Promise.all([page.waitForURL(`${h.base}/orders`), page.click('button[type="submit"]')]);
    await Promise.all([page.waitForURL(/\/signin/), page.getByRole("button", { name: "Se déconnecter" }).click()]);

    // A recovery code instead, once.
    await passwordStep(page, "operator@demo.test", "demo-operator-1");
    await page.fill("#code", recovery[0]!);
    await Promise.all([page.waitForURL(`${h.base}/orders`), page.click('button[type="submit"]')]);
    await Promise.all([page.waitForURL(/\/signin/), page.getByRole("button", { name: "Se déconnecter" }).click()]);
    await passwordStep(page, "operator@demo.test", "demo-operator-1");
    await page.fill("#code", recovery[0]!);
    await page.click('button[type="submit"]');
    await page.waitForSelector("[role=alert] >> text=Code incorrect.");
    const user = await db.user.findUniqueOrThrow({ where: { email: "operator@demo.test" }, select: { id: true } });
    expect(await db.userRecoveryCode.count({ where: { userId: user.id, usedAt: { not: null } } })).toBe(1);
  });

  it("a password change keeps this browser signed in and signs the other one out at its next request", async () => {
    const here = await h.page();
    const there = await h.page();
    await signIn(here, h.base, "admin@demo.test", "demo-admin-1");
    await signIn(there, h.base, "admin@demo.test", "demo-admin-1");
    await here.goto(`${h.base}/account`);
    await here.fill("#currentPassword", "wrong-password");
    await here.fill("#newPassword", "brand-new-secret-42");
    await here.fill("#confirmPassword", "brand-new-secret-42");
    await here.click("[data-testid=password-save]");
    await here.waitForSelector("#currentPassword-error");
    expect(await here.textContent("#currentPassword-error")).toContain("Mot de passe incorrect");
    expect(await axeViolations(here)).toEqual([]);
    await here.fill("#currentPassword", "demo-admin-1");
    await here.fill("#newPassword", "brand-new-secret-42");
    await here.fill("#confirmPassword", "brand-new-secret-42");
    await here.click("[data-testid=password-save]");
    await here.waitForSelector("[role=status] >> text=Mot de passe changé");
    // The other browser: out at its next request.
    await there.goto(`${h.base}/orders`);
    await there.waitForURL(/\/signin/);
    // This one: still in.
    await here.goto(`${h.base}/orders`);
    expect(here.url()).toBe(`${h.base}/orders`);
    expect(await db.auditEvent.count({ where: { action: "user.password_changed" } })).toBe(1);
  });

  it("the profile's language becomes the interface's; a company requirement sends its users to enrolment only", async () => {
    const admin = await h.page();
    await signIn(admin, h.base, "admin@demo.test", "brand-new-secret-42");
    await admin.goto(`${h.base}/account`);
    await admin.selectOption("#locale", "en");
    await admin.click("[data-testid=profile-save]");
    await admin.waitForSelector("[role=status] >> text=Saved.");
    await admin.goto(`${h.base}/settings/company`);
    expect(await axeViolations(admin)).toEqual([]);
    await admin.check("#required");
    await admin.getByRole("button", { name: "Apply to the company" }).click();
    // Not before the administrator has it: saving would lock them into the enrolment page.
    await admin.waitForSelector(
      "[data-testid=two-factor-requirement-form] [role=alert] >> text=Turn on two-step sign-in for yourself first",
    );
    const me = await db.user.findUniqueOrThrow({ where: { email: "admin@demo.test" }, select: { id: true } });
    const actor = (await getUserActor(db, me.id))!.actor;
    const { secret } = await startTwoFactorEnrolment(db, { actor });
    await confirmTwoFactorEnrolment(db, { actor, code: totpCode(secret) });
    await admin.getByRole("button", { name: "Apply to the company" }).click();
    await admin.waitForSelector("[data-testid=two-factor-requirement-form] [role=status] >> text=Saved.");
    const company = await db.company.findFirstOrThrow({ where: { name: "Démo SARL" }, select: { twoFactorRequired: true } });
    expect(company.twoFactorRequired).toBe(true);

    const viewer = await h.page();
    await passwordStep(viewer, "viewer@demo.test", "demo-viewer-1");
    await viewer.waitForURL(`${h.base}/two-factor/setup`);
    expect(await viewer.textContent("main")).toContain("Votre société exige la validation en deux étapes");
    await viewer.goto(`${h.base}/transactions`);
    expect(viewer.url()).toBe(`${h.base}/two-factor/setup`);
    expect((await viewer.request.get(`${h.base}/orders/export.csv`)).status()).toBe(401);
    await enrol(viewer);
    await Promise.all([viewer.waitForURL(`${h.base}/orders`), viewer.click("[data-testid=two-factor-continue]")]);
  });
});
