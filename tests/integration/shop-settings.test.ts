import { beforeAll, describe, expect, it } from "vitest";
import { createOrder } from "@/lib/orders/create-order";
import { CARD_BRANDS } from "@/lib/payments/card";
import { DEFAULT_REMINDERS_POLICY } from "@/lib/reminders/policy";
import type { AppError } from "@/lib/server/errors";
import { findShopDefaults } from "@/lib/shops/find-shop-defaults";
import { getShopSettings } from "@/lib/shops/get-shop-settings";
import type { ShopSettingsInput } from "@/lib/shops/schemas";
import { updateShopSettings } from "@/lib/shops/update-shop-settings";
import { addCalendarDays, dayInZone, endOfDayInZone } from "@/lib/time/shop-time";
import { DEMO } from "@/prisma/demo-data";
import { db, resetDatabase, seedTenants } from "../helpers/db";

let users: Awaited<ReturnType<typeof seedTenants>>;
beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
});

const SHOP = DEMO.shop.id;
const failure = (p: Promise<unknown>) =>
  p.then(
    () => ({ code: "OK" as string, fields: undefined }),
    (e: AppError) => ({ code: e.code as string, fields: e.fields }),
  );
const stored = () => getShopSettings(db, { actor: users.admin, shopId: SHOP }).then((v) => v.settings);
const audits = () => db.auditEvent.findMany({ where: { shopId: SHOP, action: "shop.settings.update" }, orderBy: { createdAt: "asc" } });

/** A complete, valid form: the demo shop's values with the changes in `over`. */
async function valid(over: Partial<ShopSettingsInput> = {}): Promise<ShopSettingsInput> {
  return { ...(await stored()), ...over };
}

const CHANGED = {
  name: "Boutique Démo Renommée",
  url: "https://www.boutique-renommee.example",
  managerEmail: "responsable@demo.test",
  defaultValidityDays: 14,
  referenceMandatory: true,
  defaultValidationMode: "MANUAL",
  defaultCaptureDelay: 3,
  timeZone: "Pacific/Tahiti",
  languages: ["fr", "en", "de"],
  defaultLanguage: "de",
  currencies: ["EUR", "XPF", "USD"],
  acceptedBrands: ["VISA", "MASTERCARD", "AMEX"],
  apiRequestsPerMinute: 120,
  apiTestRecipientsPerHour: 0,
} as const;

describe("Settings › Shop (F-SET-1)", () => {
  it("every user of the shop reads its settings; another company gets NOT_FOUND", async () => {
    for (const actor of [users.admin, users.operator, users.viewer]) {
      const view = await getShopSettings(db, { actor, shopId: SHOP });
      expect(view).toEqual({
        shopId: SHOP,
        settings: {
          name: DEMO.shop.name,
          url: DEMO.shop.url,
          managerEmail: DEMO.shop.managerEmail,
          defaultValidityDays: 7,
          referenceMandatory: false,
          defaultValidationMode: "AUTOMATIC",
          defaultCaptureDelay: 0,
          timeZone: "Europe/Paris",
          languages: ["fr", "en"],
          defaultLanguage: "fr",
          currencies: ["EUR"],
          acceptedBrands: [...CARD_BRANDS],
          remindersPolicy: DEFAULT_REMINDERS_POLICY,
          apiRequestsPerMinute: null,
          apiTestRecipientsPerHour: null,
        },
      });
    }
    expect((await failure(getShopSettings(db, { actor: users.other, shopId: SHOP }))).code).toBe("NOT_FOUND");
    expect((await failure(getShopSettings(db, { actor: users.admin, shopId: DEMO.other.shop.id }))).code).toBe("NOT_FOUND");
  });

  it.each([
    ["validity 0", { defaultValidityDays: 0 }, "defaultValidityDays", "err_validity_days"],
    ["validity 91", { defaultValidityDays: 91 }, "defaultValidityDays", "err_validity_days"],
    ["validity 7.5", { defaultValidityDays: 7.5 }, "defaultValidityDays", "err_validity_days"],
    ["validity empty", { defaultValidityDays: "" }, "defaultValidityDays", "err_validity_days"],
    ["capture delay -1", { defaultCaptureDelay: -1 }, "defaultCaptureDelay", "err_capture_delay"],
    ["capture delay 366", { defaultCaptureDelay: 366 }, "defaultCaptureDelay", "err_capture_delay"],
    ["unknown time zone", { timeZone: "Europe/Atlantis" }, "timeZone", "err_time_zone"],
    ["default language not offered", { languages: ["fr", "en"], defaultLanguage: "de" }, "defaultLanguage", "err_default_language"],
    ["no language", { languages: [] }, "languages", "err_languages_none"],
    ["unknown language", { languages: ["fr", "xx"] }, "languages", "err_language_unknown"],
    ["no currency", { currencies: [] }, "currencies", "err_currencies_none"],
    ["unknown currency", { currencies: ["EUR", "ABC"] }, "currencies", "err_currency_unknown"],
    ["no card brand", { acceptedBrands: [] }, "acceptedBrands", "err_card_brands_none"],
    ["unknown card brand", { acceptedBrands: ["VISA", "BITCOIN"] }, "acceptedBrands", "err_card_brand_unknown"],
    ["bad e-mail", { managerEmail: "not-an-email" }, "managerEmail", "err_email"],
    ["bad URL", { url: "boutique.example" }, "url", "err_shop_url"],
    ["URL not http(s)", { url: "ftp://boutique.example" }, "url", "err_shop_url"],
    ["empty name", { name: "   " }, "name", "err_shop_name"],
    ["name of 101 characters", { name: "x".repeat(101) }, "name", "err_shop_name"],
    ["unknown validation mode", { defaultValidationMode: "SOMETIMES" }, "defaultValidationMode", "err_validation_mode"],
    ["0 calls per minute", { apiRequestsPerMinute: "0" }, "apiRequestsPerMinute", "err_api_requests_per_minute"],
    ["100,001 calls per minute", { apiRequestsPerMinute: 100_001 }, "apiRequestsPerMinute", "err_api_requests_per_minute"],
    ["calls per minute not a number", { apiRequestsPerMinute: "lots" }, "apiRequestsPerMinute", "err_api_requests_per_minute"],
    ["-1 test recipients", { apiTestRecipientsPerHour: "-1" }, "apiTestRecipientsPerHour", "err_api_test_recipients_per_hour"],
    ["2.5 test recipients", { apiTestRecipientsPerHour: "2.5" }, "apiTestRecipientsPerHour", "err_api_test_recipients_per_hour"],
    ["10,001 test recipients", { apiTestRecipientsPerHour: 10_001 }, "apiTestRecipientsPerHour", "err_api_test_recipients_per_hour"],
  ])("refuses %s: VALIDATION naming the field, nothing changed, no audit", async (_label, over, field, message) => {
    const before = await stored();
    const events = await db.auditEvent.count();
    const r = await failure(updateShopSettings(db, { actor: users.admin, shopId: SHOP, settings: await valid(over) }));
    expect(r.code).toBe("VALIDATION");
    expect(r.fields).toEqual({ [field]: message });
    expect(await stored()).toEqual(before);
    expect(await db.auditEvent.count()).toBe(events);
  });

  it("names every bad field at once", async () => {
    const settings = await valid({ name: "", defaultValidityDays: 95, timeZone: "Nowhere", defaultLanguage: "it", currencies: [] });
    const r = await failure(updateShopSettings(db, { actor: users.admin, shopId: SHOP, settings }));
    expect(r.fields).toEqual({
      name: "err_shop_name",
      defaultValidityDays: "err_validity_days",
      timeZone: "err_time_zone",
      defaultLanguage: "err_default_language",
      currencies: "err_currencies_none",
    });
  });

  it("refuses operators and viewers (FORBIDDEN) and another company's administrator (NOT_FOUND); nothing changes", async () => {
    const before = await stored();
    const events = await db.auditEvent.count();
    const settings = await valid({ defaultValidityDays: 30 });
    expect((await failure(updateShopSettings(db, { actor: users.operator, shopId: SHOP, settings }))).code).toBe("FORBIDDEN");
    expect((await failure(updateShopSettings(db, { actor: users.viewer, shopId: SHOP, settings }))).code).toBe("FORBIDDEN");
    expect((await failure(updateShopSettings(db, { actor: users.other, shopId: SHOP, settings }))).code).toBe("NOT_FOUND");
    expect((await failure(updateShopSettings(db, { actor: users.admin, shopId: DEMO.other.shop.id, settings }))).code).toBe("NOT_FOUND");
    expect(await stored()).toEqual(before);
    expect(await db.auditEvent.count()).toBe(events);
  });

  it("saving unchanged values writes nothing", async () => {
    const r = await updateShopSettings(db, { actor: users.admin, shopId: SHOP, settings: await valid() });
    expect(r.changed).toEqual([]);
    expect(await audits()).toEqual([]);
  });

  it("an administrator updates every field, audited with before/after of the changed fields", async () => {
    // As the form sends them: numbers as text, empty optional fields as "".
    const r = await updateShopSettings(db, {
      actor: users.admin,
      shopId: SHOP,
      settings: {
        ...CHANGED,
        name: `  ${CHANGED.name} `,
        defaultValidityDays: "14",
        defaultCaptureDelay: "3",
        apiRequestsPerMinute: " 120 ",
        apiTestRecipientsPerHour: "0",
      },
    });
    expect(r.changed.sort()).toEqual(Object.keys(CHANGED).sort());
    expect(await stored()).toEqual({
      ...CHANGED,
      remindersPolicy: DEFAULT_REMINDERS_POLICY,
      languages: [...CHANGED.languages],
      currencies: [...CHANGED.currencies],
      acceptedBrands: [...CHANGED.acceptedBrands],
    });

    const [event, ...more] = await audits();
    expect(more).toEqual([]);
    expect(event).toMatchObject({ actorType: "USER", actorId: users.admin.userId, companyId: users.admin.companyId });
    expect(event!.before).toEqual({
      name: DEMO.shop.name,
      url: DEMO.shop.url,
      managerEmail: DEMO.shop.managerEmail,
      defaultValidityDays: 7,
      referenceMandatory: false,
      defaultValidationMode: "AUTOMATIC",
      defaultCaptureDelay: 0,
      timeZone: "Europe/Paris",
      languages: ["fr", "en"],
      defaultLanguage: "fr",
      currencies: ["EUR"],
      acceptedBrands: [...CARD_BRANDS],
      apiRequestsPerMinute: null,
      apiTestRecipientsPerHour: null,
    });
    expect(event!.after).toEqual(CHANGED);
  });

  it("audits only the fields that change; empties optional fields; keeps the first currency first", async () => {
    await updateShopSettings(db, {
      actor: users.admin,
      shopId: SHOP,
      // Currencies come in the form's (alphabetical) order: EUR must stay the first, proposed one.
      settings: await valid({ url: "", managerEmail: "", currencies: ["CHF", "EUR", "USD", "USD"] }),
    });
    const s = await stored();
    expect(s).toMatchObject({ url: null, managerEmail: null, currencies: ["EUR", "USD", "CHF"] });
    const event = (await audits()).at(-1)!;
    expect(event.before).toEqual({ url: CHANGED.url, managerEmail: CHANGED.managerEmail, currencies: ["EUR", "XPF", "USD"] });
    expect(event.after).toEqual({ url: null, managerEmail: null, currencies: ["EUR", "USD", "CHF"] });
  });

  it("saves a subset of card brands in the list's order, audited; the same brands ticked again change nothing", async () => {
    const r = await updateShopSettings(db, {
      actor: users.admin,
      shopId: SHOP,
      settings: await valid({ acceptedBrands: ["UNIONPAY", "VISA", "JCB", "VISA"] }),
    });
    expect(r.changed).toEqual(["acceptedBrands"]);
    expect((await stored()).acceptedBrands).toEqual(["VISA", "JCB", "UNIONPAY"]);
    const event = (await audits()).at(-1)!;
    expect(event.before).toEqual({ acceptedBrands: ["VISA", "MASTERCARD", "AMEX"] });
    expect(event.after).toEqual({ acceptedBrands: ["VISA", "JCB", "UNIONPAY"] });

    const events = await db.auditEvent.count();
    const again = await updateShopSettings(db, {
      actor: users.admin,
      shopId: SHOP,
      settings: await valid({ acceptedBrands: ["JCB", "UNIONPAY", "VISA"] }),
    });
    expect(again.changed).toEqual([]);
    expect(await db.auditEvent.count()).toBe(events);
  });

  it("orders created afterwards use the new defaults, and the creation form proposes them", async () => {
    await updateShopSettings(db, {
      actor: users.admin,
      shopId: SHOP,
      settings: await valid({ defaultValidityDays: 21, timeZone: "Pacific/Tahiti", referenceMandatory: false }),
    });
    const now = new Date();
    const tz = "Pacific/Tahiti";
    const created = await createOrder(db, { actor: users.operator, shopId: SHOP, mode: "TEST", amountMinor: 1000, currency: "EUR" });
    // Computed after the call: if midnight in Tahiti passed meanwhile, accept either day.
    const expected = [now, new Date()].map((at) => endOfDayInZone(addCalendarDays(dayInZone(at, tz), 21), tz).getTime());
    expect(expected).toContain(created.validUntil.getTime());
    const row = await db.paymentOrder.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ validationMode: "MANUAL", captureDelay: 3, locale: "de_DE" });
    expect(row.validUntil.getTime()).toBe(created.validUntil.getTime());

    const [form] = await findShopDefaults(db, { actor: users.operator }, now);
    expect(form).toMatchObject({ timeZone: tz, defaultValidityDays: 21, defaultLanguage: "de", currencies: ["EUR", "USD", "CHF"] });
    expect(form!.defaultValidUntil).toBe(addCalendarDays(dayInZone(now, tz), 21));
  });

  it("reminders: the policy is saved as typed in the form, audited whole with before/after; unchanged writes nothing", async () => {
    const r = await updateShopSettings(db, {
      actor: users.admin,
      shopId: SHOP,
      settings: await valid({ remindersPolicy: { enabled: true, steps: "1, 5", quietStart: "22:00", quietEnd: "07:30" } }),
    });
    expect(r.changed).toEqual(["remindersPolicy"]);
    const policy = { enabled: true, steps: [5, 1], quietStart: "22:00", quietEnd: "07:30" };
    expect((await stored()).remindersPolicy).toEqual(policy);
    expect((await db.shop.findUniqueOrThrow({ where: { id: SHOP } })).remindersPolicy).toEqual(policy);
    const event = (await audits()).at(-1)!;
    expect(event.before).toEqual({ remindersPolicy: DEFAULT_REMINDERS_POLICY });
    expect(event.after).toEqual({ remindersPolicy: policy });

    const events = await db.auditEvent.count();
    const again = await updateShopSettings(db, {
      actor: users.admin,
      shopId: SHOP,
      settings: await valid({ remindersPolicy: { enabled: true, steps: "5,1,5", quietStart: "22:00", quietEnd: "07:30" } }),
    });
    expect(again.changed).toEqual([]);
    // Left out (an older client): the policy stays as it is.
    const { remindersPolicy: _, ...withoutPolicy } = await valid();
    expect((await updateShopSettings(db, { actor: users.admin, shopId: SHOP, settings: withoutPolicy })).changed).toEqual([]);
    expect(await db.auditEvent.count()).toBe(events);
  });

  it("reminders: each bad field named, nothing saved; an unreadable stored policy reads as the default", async () => {
    const before = await stored();
    const r = await failure(
      updateShopSettings(db, {
        actor: users.admin,
        shopId: SHOP,
        settings: await valid({ remindersPolicy: { enabled: true, steps: "7,3,2,1", quietStart: "25:00", quietEnd: "" } }),
      }),
    );
    expect(r).toEqual({
      code: "VALIDATION",
      fields: {
        "remindersPolicy.steps": "err_reminder_steps",
        "remindersPolicy.quietStart": "err_quiet_start",
        "remindersPolicy.quietEnd": "err_quiet_end",
      },
    });
    const zero = await failure(
      updateShopSettings(db, {
        actor: users.admin,
        shopId: SHOP,
        settings: await valid({ remindersPolicy: { enabled: false, steps: "0, 31", quietStart: "21:00", quietEnd: "08:00" } }),
      }),
    );
    expect(zero.fields).toEqual({ "remindersPolicy.steps": "err_reminder_steps" });
    expect(await stored()).toEqual(before);

    await db.shop.update({ where: { id: SHOP }, data: { remindersPolicy: { enabled: "maybe" } } });
    expect((await stored()).remindersPolicy).toEqual(DEFAULT_REMINDERS_POLICY);
    await db.shop.update({ where: { id: SHOP }, data: { remindersPolicy: before.remindersPolicy } });
  });

  it("REST quotas: an empty field gives the platform's back (null), audited; left out (an older client): unchanged", async () => {
    expect(await stored()).toMatchObject({ apiRequestsPerMinute: 120, apiTestRecipientsPerHour: 0 });
    const r = await updateShopSettings(db, {
      actor: users.admin,
      shopId: SHOP,
      settings: await valid({ apiRequestsPerMinute: "", apiTestRecipientsPerHour: "25" }),
    });
    expect(r.changed.sort()).toEqual(["apiRequestsPerMinute", "apiTestRecipientsPerHour"]);
    expect(await stored()).toMatchObject({ apiRequestsPerMinute: null, apiTestRecipientsPerHour: 25 });
    const event = (await audits()).at(-1)!;
    expect(event.before).toEqual({ apiRequestsPerMinute: 120, apiTestRecipientsPerHour: 0 });
    expect(event.after).toEqual({ apiRequestsPerMinute: null, apiTestRecipientsPerHour: 25 });

    const events = await db.auditEvent.count();
    const { apiRequestsPerMinute: _a, apiTestRecipientsPerHour: _b, ...withoutQuotas } = await valid();
    expect((await updateShopSettings(db, { actor: users.admin, shopId: SHOP, settings: withoutQuotas })).changed).toEqual([]);
    expect(await stored()).toMatchObject({ apiRequestsPerMinute: null, apiTestRecipientsPerHour: 25 });
    expect(await db.auditEvent.count()).toBe(events);
  });

  it("a mandatory reference applies to the next creation", async () => {
    await updateShopSettings(db, { actor: users.admin, shopId: SHOP, settings: await valid({ referenceMandatory: true }) });
    const r = await failure(createOrder(db, { actor: users.operator, shopId: SHOP, mode: "TEST", amountMinor: 1000, currency: "EUR" }));
    expect(r).toEqual({ code: "VALIDATION", fields: { reference: "err_reference_required" } });
  });
});
