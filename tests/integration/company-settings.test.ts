// Settings › Company (F-SET-2): the SMS account per company, write-only encrypted password, roles,
// tenant isolation, field errors, test credits, and the low-credit alert once per crossing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkLowSmsCredits } from "@/lib/channels/check-low-sms-credits";
import { usesSandboxGateways } from "@/lib/channels/find-sandbox-messages";
import { sendLowCreditAlert } from "@/lib/channels/send-low-credit-alert";
import { resolveSmsAccount } from "@/lib/channels/sms-account";
import { addTestSmsCredits } from "@/lib/companies/add-test-sms-credits";
import { getCompanySettings } from "@/lib/companies/get-company-settings";
import type { CompanySettingsInput } from "@/lib/companies/schemas";
import { updateCompanySettings } from "@/lib/companies/update-company-settings";
import type { AppError } from "@/lib/server/errors";
import { closeMailer } from "@/lib/server/mailer";
import { decryptSecret } from "@/lib/server/secrets";
import { DEMO } from "@/prisma/demo-data";
import { db, dumpDatabaseText, resetDatabase, seedTenants } from "../helpers/db";
import { type SmtpSink, startSmtpSink } from "../helpers/smtp-sink";

let users: Awaited<ReturnType<typeof seedTenants>>;
let sink: SmtpSink;
beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
  await closeMailer();
});
afterAll(async () => {
  await closeMailer();
  await sink.stop();
  delete process.env.SMTP_URL;
});

const failure = (p: Promise<unknown>) =>
  p.then(
    () => ({ code: "OK" as string, fields: undefined, message: "" }),
    (e: AppError) => ({ code: e.code as string, fields: e.fields, message: e.publicMessage }),
  );
const SECRET = "provider-password-Zq81";
const form = (over: Partial<CompanySettingsInput> = {}): CompanySettingsInput => ({
  name: DEMO.company.name,
  managerEmail: DEMO.company.managerEmail,
  smsProviderUrl: "",
  smsLogin: "",
  smsPassword: "",
  smsSender: "",
  smsNotifyPhone: "",
  smsLowCreditThreshold: "",
  ...over,
});
const company = (id: string) => db.company.findUniqueOrThrow({ where: { id }, omit: { smsPasswordEnc: false } });

describe("Settings › Company (F-SET-2)", () => {
  it("each user reads their own company; only administrators see the login, nobody the password", async () => {
    const mine = await getCompanySettings(db, { actor: users.viewer });
    const theirs = await getCompanySettings(db, { actor: users.other });
    expect(mine.settings.name).toBe(DEMO.company.name);
    expect(theirs.settings.name).toBe(DEMO.other.company.name);
    expect(mine.gateway).toBe("sandbox");
    expect(mine.canEdit).toBe(false);
    expect((await getCompanySettings(db, { actor: users.admin })).canEdit).toBe(true);
  });

  it("an administrator saves the SMS account: password encrypted and write-only, numbers in E.164, audited without the secret", async () => {
    const res = await updateCompanySettings(db, {
      actor: users.admin,
      settings: form({
        name: "Démo SARL (SMS)",
        smsProviderUrl: "https://api.sms.example",
        smsLogin: "AC42",
        smsPassword: SECRET,
        smsSender: "DEMO SHOP",
        smsNotifyPhone: "+33 6 12 34 56 78",
        smsLowCreditThreshold: "25",
      }),
    });
    expect(res.changed.sort()).toEqual(
      ["name", "smsProviderUrl", "smsLogin", "smsPassword", "smsSender", "smsNotifyPhone", "smsLowCreditThreshold"].sort(),
    );
    const c = await company(users.admin.companyId);
    expect(c).toMatchObject({ smsLogin: "AC42", smsSender: "DEMO SHOP", smsNotifyPhone: "+33612345678", smsLowCreditThreshold: 25 });
    expect(c.smsPasswordEnc).not.toContain(SECRET);
    expect(decryptSecret(c.smsPasswordEnc!)).toBe(SECRET);
    expect(resolveSmsAccount(c)).toMatchObject({ source: "company", login: "AC42", password: SECRET, sender: "DEMO SHOP" });
    expect(await dumpDatabaseText()).not.toContain(SECRET);

    const admin = await getCompanySettings(db, { actor: users.admin });
    expect(admin).toMatchObject({ gateway: "company", hasPassword: true, settings: { smsLogin: "AC42" } });
    expect(JSON.stringify(admin)).not.toContain(SECRET);
    const viewer = await getCompanySettings(db, { actor: users.viewer });
    expect(viewer).toMatchObject({ hasLogin: true, hasPassword: true, settings: { smsLogin: null } });

    const ev = await db.auditEvent.findFirstOrThrow({ where: { action: "company.settings.update" } });
    expect(ev.companyId).toBe(users.admin.companyId);
    expect(ev.after).toMatchObject({ smsPassword: "changed", smsLogin: "AC42" });
    expect(ev.before).toMatchObject({ smsPassword: "none", name: DEMO.company.name });
  });

  it("an empty password keeps the stored one; unchanged values write nothing; emptying the address removes the account", async () => {
    const same = form({
      name: "Démo SARL (SMS)",
      smsProviderUrl: "https://api.sms.example",
      smsLogin: "AC42",
      smsSender: "DEMO SHOP",
      smsNotifyPhone: "+33612345678",
      smsLowCreditThreshold: "25",
    });
    const before = (await company(users.admin.companyId)).smsPasswordEnc;
    expect((await updateCompanySettings(db, { actor: users.admin, settings: same })).changed).toEqual([]);
    expect((await company(users.admin.companyId)).smsPasswordEnc).toBe(before);

    const res = await updateCompanySettings(db, { actor: users.admin, settings: { ...same, smsProviderUrl: "" } });
    expect(res.changed.sort()).toEqual(["smsLogin", "smsPassword", "smsProviderUrl"]);
    expect(await company(users.admin.companyId)).toMatchObject({ smsProviderUrl: null, smsLogin: null, smsPasswordEnc: null });
    expect((await getCompanySettings(db, { actor: users.admin })).gateway).toBe("sandbox");
  });

  it("every bad field is named; an account needs a login and a password", async () => {
    const bad = await failure(
      updateCompanySettings(db, {
        actor: users.admin,
        settings: form({
          name: " ",
          managerEmail: "nope",
          smsProviderUrl: "ftp://sms.example",
          smsSender: "TOO LONG NAME",
          smsNotifyPhone: "06 12 34 56 78",
          smsLowCreditThreshold: "-1",
        }),
      }),
    );
    expect(bad.code).toBe("VALIDATION");
    expect(bad.fields).toEqual({
      name: "err_company_name",
      managerEmail: "err_email",
      smsProviderUrl: "err_sms_url",
      smsLogin: "err_sms_login",
      smsSender: "err_sms_sender",
      smsNotifyPhone: "err_sms_notify_phone",
      smsLowCreditThreshold: "err_sms_threshold",
    });
    const noLogin = await failure(
      updateCompanySettings(db, { actor: users.admin, settings: form({ smsProviderUrl: "https://api.sms.example" }) }),
    );
    expect(noLogin.fields).toEqual({ smsLogin: "err_sms_login" });
    const noPassword = await failure(
      updateCompanySettings(db, { actor: users.admin, settings: form({ smsProviderUrl: "https://api.sms.example", smsLogin: "AC1" }) }),
    );
    expect(noPassword.fields).toEqual({ smsPassword: "err_sms_password" });
    for (const sender of ["+33612345678", "PAY 24", "Shop"]) {
      expect((await failure(updateCompanySettings(db, { actor: users.admin, settings: form({ smsSender: sender }) }))).code).toBe("OK");
    }
    expect((await failure(updateCompanySettings(db, { actor: users.admin, settings: form({ smsSender: "123456" }) }))).code).toBe(
      "VALIDATION",
    );
  });

  it("operators and viewers cannot change it; another company's administrator changes only theirs", async () => {
    for (const actor of [users.operator, users.viewer]) {
      expect((await failure(updateCompanySettings(db, { actor, settings: form({ name: "Hijack" }) }))).code).toBe("FORBIDDEN");
    }
    await updateCompanySettings(db, {
      actor: users.other,
      settings: form({ name: "Autre SAS", managerEmail: DEMO.other.company.managerEmail, smsSender: "AUTRE" }),
    });
    expect((await company(users.other.companyId)).smsSender).toBe("AUTRE");
    expect((await company(users.admin.companyId)).smsSender).not.toBe("AUTRE");
    expect((await company(users.admin.companyId)).name).toBe(DEMO.company.name);
  });

  it("test credits: administrators, with the sandbox gateway only", async () => {
    const start = (await company(users.admin.companyId)).smsCredits;
    expect(await addTestSmsCredits(db, { actor: users.admin })).toEqual({ credits: start + 100 });
    expect((await failure(addTestSmsCredits(db, { actor: users.operator }))).code).toBe("FORBIDDEN");
    expect(await usesSandboxGateways(db, { actor: users.admin })).toBe(true);
    await updateCompanySettings(db, {
      actor: users.admin,
      settings: form({ smsProviderUrl: "https://api.sms.example", smsLogin: "AC1", smsPassword: "x" }),
    });
    const refused = await failure(addTestSmsCredits(db, { actor: users.admin }));
    expect(refused).toMatchObject({ code: "CONFLICT", message: "err_sms_not_sandbox" });
    expect((await company(users.admin.companyId)).smsCredits).toBe(start + 100);
    await updateCompanySettings(db, { actor: users.admin, settings: form() });
  });
});

describe("the low-credit alert", () => {
  const jobs = async (companyId: string) =>
    (
      await db.$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'channels.sms-low-credit-alert' AND data->>'companyId' = $1`,
        companyId,
      )
    )[0]!.n;

  it("goes out once per crossing of the threshold, to the company manager, in the administrator's language", async () => {
    const id = users.admin.companyId;
    await db.company.update({ where: { id }, data: { smsCredits: 30, smsLowCreditThreshold: 20 } });
    expect(await checkLowSmsCredits(db)).toEqual([]);
    await db.company.update({ where: { id }, data: { smsCredits: 12 } });
    expect(await checkLowSmsCredits(db)).toEqual([id]);
    expect(await checkLowSmsCredits(db, { companyIds: [id] })).toEqual([]);
    expect(await jobs(id)).toBe(1);

    await db.user.updateMany({ where: { companyId: id, role: "ADMIN" }, data: { locale: "en" } });
    expect(await sendLowCreditAlert(db, { companyId: id })).toEqual({ sent: true });
    await sink.waitFor(1);
    const mail = sink.messages[0]!;
    expect(mail.rcptTo).toEqual([DEMO.company.managerEmail]);
    expect(mail.parsed.subject).toBe(`${DEMO.company.name}: only 12 SMS credits left`);
    expect(mail.parsed.text).toContain("below its alert threshold of 20");
    expect(mail.parsed.text).toContain("/settings/company");
    expect(await db.auditEvent.count({ where: { companyId: id, action: "company.sms.low_credit_alert" } })).toBe(1);

    // Back above the threshold: re-armed; below again: a second alert.
    await db.company.update({ where: { id }, data: { smsCredits: 120 } });
    expect(await checkLowSmsCredits(db)).toEqual([]);
    expect((await company(id)).smsLowCreditAlertedAt).toBeNull();
    await db.company.update({ where: { id }, data: { smsCredits: 3 } });
    expect(await checkLowSmsCredits(db)).toEqual([id]);
    expect(await jobs(id)).toBe(2);
    // No threshold: never.
    expect(await checkLowSmsCredits(db, { companyIds: [users.other.companyId] })).toEqual([]);
  });
});
