// Issue 19 (setup19): the first run's setup link, the platform console's use cases, and what a
// company's suspension does to sign-in, sessions, the REST API and pay links. Real Postgres.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UserActor } from "@/lib/auth/actor";
import { getUserActor } from "@/lib/auth/get-user-actor";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { authenticateBasic } from "@/lib/lyra-api/authenticate";
import { handlePayRaw } from "@/lib/pay-page/handler";
import { getInvoiceForm } from "@/lib/payments/invoice-lookup";
import { payOrder } from "@/lib/payments/pay-order";
import { completeSetup } from "@/lib/platform/complete-setup";
import { createPlatformOperator } from "@/lib/platform/create-operator";
import { createPlatformShop } from "@/lib/platform/create-platform-shop";
import { findPlatformCompanies } from "@/lib/platform/find-companies";
import { inviteCompanyAdmin } from "@/lib/platform/invite-company-admin";
import { createPlatformCompany, renamePlatformCompany, setCompanySuspended } from "@/lib/platform/manage-companies";
import { isSetupTokenValid, issueSetupToken } from "@/lib/platform/setup-token";
import { digestKey } from "@/lib/server/secrets";
import { basic, callApi, DEMO_TEST } from "../helpers/api";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { card, newOrder } from "../helpers/orders";

const OPERATOR = { operatorName: "Olga Ops", operatorEmail: "ops@platform.test", operatorPassword: "correct horse battery staple" };

const payGet = (token: string) =>
  handlePayRaw({ method: "GET", url: `/pay/${token}`, headers: { "accept-language": "en" }, readBody: async () => "" });

describe("first run: the setup link", () => {
  beforeAll(resetDatabase);

  it("is issued only while no user exists, stored as a digest, and replaced by the next start", async () => {
    const first = await issueSetupToken(db);
    expect(first).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const second = await issueSetupToken(db);
    expect(await isSetupTokenValid(db, first!)).toBe(false);
    expect(await isSetupTokenValid(db, second!)).toBe(true);
    const rows = await db.setupToken.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.digest).toBe(digestKey(second!));
    expect(JSON.stringify(rows)).not.toContain(second);
  });

  it("refuses a weak password, then creates the operator once: the link is spent", async () => {
    const token = (await issueSetupToken(db))!;
    await expect(completeSetup(db, { token, ...OPERATOR, operatorPassword: "Password123!", merchant: null })).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { operatorPassword: "err_password_common" },
    });
    await expect(completeSetup(db, { token, ...OPERATOR, operatorPassword: "olga ops olga ops", merchant: null })).rejects.toMatchObject({
      fields: { operatorPassword: "err_password_personal" },
    });
    // Two submissions of the same link at once: exactly one wins.
    const both = await Promise.allSettled([
      completeSetup(db, { token, ...OPERATOR, merchant: null }),
      completeSetup(db, { token, ...OPERATOR, operatorEmail: "twin@platform.test", merchant: null }),
    ]);
    expect(both.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(both.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "NOT_FOUND", publicMessage: "err_setup_token" } });
    expect(await db.user.count()).toBe(1);
    const user = await db.user.findFirstOrThrow({ select: { email: true, role: true, company: { select: { isPlatform: true } } } });
    expect(user).toMatchObject({ role: "ADMIN", company: { isPlatform: true } });
    expect(await isSetupTokenValid(db, token)).toBe(false);
    await expect(completeSetup(db, { token, ...OPERATOR, operatorEmail: "again@platform.test", merchant: null })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // Users exist now: no more setup link.
    expect(await issueSetupToken(db)).toBeNull();
    expect(await verifyCredentials(db, { email: user.email, password: OPERATOR.operatorPassword })).toMatchObject({ ok: true });
    expect(await db.auditEvent.count({ where: { action: "platform.setup" } })).toBe(1);
  });

  it("creates the first merchant in the same step (company, shop with working keys, administrator)", async () => {
    await resetDatabase();
    const token = (await issueSetupToken(db))!;
    const r = await completeSetup(db, {
      token,
      ...OPERATOR,
      merchant: {
        companyName: "Solo SARL",
        shopName: "Solo",
        adminName: "Sam Solo",
        adminEmail: "sam@solo.test",
        adminPassword: "tulip-river-42-lamp",
      },
    });
    expect(r.merchant?.shopId).toMatch(/^[1-9]\d{7}$/);
    const shop = await authenticateBasic(db, basic({ shopId: r.merchant!.shopId, password: r.merchant!.keys.prodPassword }));
    expect(shop).toMatchObject({ id: r.merchant!.shopId, mode: "PRODUCTION" });
    const signIn = await verifyCredentials(db, { email: "sam@solo.test", password: "tulip-river-42-lamp" });
    expect(signIn).toMatchObject({ ok: true });
    const ctx = await getUserActor(db, (signIn as { userId: string }).userId);
    expect(ctx?.actor.shopIds).toEqual([r.merchant!.shopId]);
    expect(ctx?.isPlatformOperator).toBe(false);
  });

  it("admin:create's use case makes an operator and ends a pending setup link", async () => {
    await resetDatabase();
    const token = (await issueSetupToken(db))!;
    await expect(createPlatformOperator(db, { email: "cli@platform.test", password: "short" })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    await createPlatformOperator(db, { email: "cli@platform.test", password: "a-long-enough-passphrase" });
    expect(await isSetupTokenValid(db, token)).toBe(false);
    await expect(createPlatformOperator(db, { email: "CLI@platform.test", password: "another-long-passphrase" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await db.company.count({ where: { isPlatform: true } })).toBe(1);
  });
});

describe("platform console and suspension", () => {
  let operator: UserActor;
  let admin: UserActor;
  beforeAll(async () => {
    await resetDatabase();
    ({ admin } = await seedTenants());
    const { userId } = await createPlatformOperator(db, { email: "ops@platform.test", password: "a-long-enough-passphrase" });
    operator = (await getUserActor(db, userId))!.actor;
  });
  afterAll(async () => {
    await db.company.updateMany({ data: { suspendedAt: null } });
  });

  it("is for platform operators only", async () => {
    await expect(createPlatformCompany(db, { actor: admin, name: "Nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(findPlatformCompanies(db, { actor: admin })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(setCompanySuspended(db, { actor: admin, companyId: admin.companyId, suspended: true })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await getUserActor(db, operator.userId))?.isPlatformOperator).toBe(true);
  });

  it("creates and renames a company, creates a shop whose keys work once shown, audited without the keys", async () => {
    const c = await createPlatformCompany(db, { actor: operator, name: "Nouvelle SAS" });
    expect(await renamePlatformCompany(db, { actor: operator, companyId: c.id, name: "Nouvelle SAS" })).toEqual({ changed: false });
    expect(await renamePlatformCompany(db, { actor: operator, companyId: c.id, name: "Nouvelle SA" })).toEqual({ changed: true });
    await expect(
      createPlatformShop(db, {
        actor: operator,
        companyId: c.id,
        name: "S",
        timeZone: "Mars/Olympus",
        currencies: ["EUR"],
        languages: ["fr"],
        defaultValidityDays: 7,
      }),
    ).rejects.toMatchObject({ code: "VALIDATION", fields: { timeZone: "err_time_zone" } });
    const shop = await createPlatformShop(db, {
      actor: operator,
      companyId: c.id,
      name: "Boutique Neuve",
      timeZone: "America/Montreal",
      currencies: ["CAD", "EUR"],
      languages: ["en", "fr"],
      defaultValidityDays: 14,
    });
    expect(shop.shopId).toMatch(/^[1-9]\d{7}$/);
    expect(
      await db.shop.findUniqueOrThrow({
        where: { id: shop.shopId },
        select: { timeZone: true, currencies: true, defaultLanguage: true, defaultValidityDays: true },
      }),
    ).toEqual({
      timeZone: "America/Montreal",
      currencies: ["CAD", "EUR"],
      defaultLanguage: "en",
      defaultValidityDays: 14,
    });
    expect(await authenticateBasic(db, basic({ shopId: shop.shopId, password: shop.keys.testPassword }))).toMatchObject({ mode: "TEST" });
    expect(await authenticateBasic(db, basic({ shopId: shop.shopId, password: shop.keys.prodPassword }))).toMatchObject({
      mode: "PRODUCTION",
    });
    const audit = await db.auditEvent.findMany({
      where: { action: { startsWith: "platform." }, companyId: c.id },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual(["platform.company.create", "platform.company.rename", "platform.shop.create"]);
    expect(audit[1]).toMatchObject({ before: { name: "Nouvelle SAS" }, after: { name: "Nouvelle SA" }, actorId: operator.userId });
    expect(JSON.stringify(audit)).not.toContain(shop.keys.testPassword.slice(-12));
    const listed = (await findPlatformCompanies(db, { actor: operator })).find((x) => x.id === c.id);
    expect(listed?.shops.map((s) => s.id)).toEqual([shop.shopId]);
    // The platform's own company is not a merchant: not listed, not renamable.
    await expect(renamePlatformCompany(db, { actor: operator, companyId: operator.companyId, name: "X" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("invites a company's first administrator (all shops, an invitation e-mail queued)", async () => {
    const c = await createPlatformCompany(db, { actor: operator, name: "Invitée SARL" });
    await expect(inviteCompanyAdmin(db, { actor: operator, companyId: c.id, email: "admin@demo.test", name: "Dup" })).rejects.toMatchObject(
      {
        fields: { email: "err_user_exists" },
      },
    );
    const inv = await inviteCompanyAdmin(db, {
      actor: operator,
      companyId: c.id,
      email: "Boss@Invitee.test",
      name: "Bea Boss",
      locale: "en",
    });
    const user = await db.user.findUniqueOrThrow({
      where: { id: inv.userId },
      select: { email: true, role: true, allShops: true, companyId: true },
    });
    expect(user).toEqual({ email: "boss@invitee.test", role: "ADMIN", allShops: true, companyId: c.id });
    expect(await db.userToken.count({ where: { userId: inv.userId, kind: "INVITE" } })).toBe(1);
  });

  it("a suspended company: no sign-in, sessions out, API keys INT_905, links unavailable; all back when lifted", async () => {
    const order = await newOrder(admin, { reference: "SUSP-1" });
    expect(await setCompanySuspended(db, { actor: operator, companyId: admin.companyId, suspended: true })).toEqual({ changed: true });
    expect(await setCompanySuspended(db, { actor: operator, companyId: admin.companyId, suspended: true })).toEqual({ changed: false });

    expect(await verifyCredentials(db, { email: "admin@demo.test", password: "demo-admin-1" })).toEqual({ ok: false, reason: "invalid" });
    const failed = await db.auditEvent.findFirst({
      where: { action: "user.sign_in_failed", actorId: admin.userId },
      orderBy: { createdAt: "desc" },
    });
    expect(failed?.after).toMatchObject({ reason: "company_suspended" });
    expect(await getUserActor(db, admin.userId)).toBeNull();

    const api = await callApi("Charge/CreatePaymentOrder", { amount: 1000, currency: "EUR", orderId: "S-2" }, { creds: DEMO_TEST });
    expect(api.answer).toMatchObject({ errorCode: "INT_905" });

    const page = await payGet(order.token);
    expect(page.status).toBe(403);
    expect(String(page.body)).toContain("Paiement indisponible");
    expect(String(page.body)).not.toContain("SUSP-1");
    await expect(payOrder(db, { token: order.token, card: card("4970100000000055") })).rejects.toMatchObject({
      code: "ORDER_NOT_PAYABLE",
      publicMessage: "unavailable",
    });
    // The shop's invoice page (/collect/<shopId>) too.
    await db.dataCollectionForm.upsert({ where: { shopId: "12345678" }, create: { shopId: "12345678", invoiceMode: true }, update: {} });
    expect(await getInvoiceForm(db, "12345678")).toBeNull();
    // Nothing deleted.
    expect(await db.paymentOrder.count({ where: { id: order.id } })).toBe(1);

    await setCompanySuspended(db, { actor: operator, companyId: admin.companyId, suspended: false });
    expect(await verifyCredentials(db, { email: "admin@demo.test", password: "demo-admin-1" })).toMatchObject({ ok: true });
    expect((await callApi("Charge/CreatePaymentOrder", { amount: 1000, currency: "EUR", orderId: "S-3" })).status).toBe("SUCCESS");
    expect((await payGet(order.token)).status).toBe(200);
    expect(await getInvoiceForm(db, "12345678")).not.toBeNull();
    const audit = await db.auditEvent.findMany({ where: { action: { in: ["platform.company.suspend", "platform.company.unsuspend"] } } });
    expect(audit.map((a) => a.action).sort()).toEqual(["platform.company.suspend", "platform.company.unsuspend"]);
  });
});
