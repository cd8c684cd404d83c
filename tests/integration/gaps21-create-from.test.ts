// Issue 21, "create from": the copy carries everything of the source order but its reference, in
// the fields its channel's dialog reads; submitted again (with a new reference) it makes the same
// order — channel, recipients or phone, subject, message, language, validity length from today,
// template, and every advanced option.
import { beforeAll, describe, expect, it } from "vitest";
import { createMailOrders } from "@/lib/orders/create-mail-orders";
import { createPhoneOrder } from "@/lib/orders/create-phone-order";
import { createUrlOrder } from "@/lib/orders/create-url-order";
import { getOrderCopy } from "@/lib/orders/get-order-copy";
import { addCalendarDays, dayInZone } from "@/lib/time/shop-time";
import { db, resetDatabase, seedTenants } from "../helpers/db";

let users: Awaited<ReturnType<typeof seedTenants>>;
const SHOP = "12345678";
const TZ = "Europe/Paris";
let mailTemplate: string;
let smsTemplate: string;

beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
  await db.shop.update({ where: { id: SHOP }, data: { threeDsPreferences: ["NO_PREFERENCE", "FRICTIONLESS", "CHALLENGE"] } });
  mailTemplate = (
    await db.template.create({
      data: {
        shopId: SHOP,
        channel: "MAIL",
        kind: "ORDER",
        name: "Relance",
        language: "en",
        subject: "Pay %reference%",
        body: "<p>Hi</p>",
      },
    })
  ).id;
  smsTemplate = (
    await db.template.create({
      data: { shopId: SHOP, channel: "SMS", kind: "ORDER", name: "Court", language: "en", body: "Pay %amount%: %url%" },
    })
  ).id;
});

const today = () => dayInZone(new Date(), TZ);
const base = (over: Record<string, string> = {}) => ({
  shopId: SHOP,
  mode: "TEST",
  reference: "SRC-1",
  amount: "120.00",
  currency: "EUR",
  validUntil: addCalendarDays(today(), 12),
  buyerEmail: "buyer@example.com",
  language: "en",
  description: "Two chairs",
  merchantComment: "call first",
  validationMode: "MANUAL",
  captureDelay: "3",
  threeDsPreference: "FRICTIONLESS",
  remindersOptOut: "on",
  ...over,
});

/** The columns a copy must reproduce (everything but the identity, reference, dates and counters). */
const SAME = [
  "shopId",
  "mode",
  "channel",
  "amount",
  "currency",
  "locale",
  "buyerEmail",
  "description",
  "merchantComment",
  "validationMode",
  "captureDelay",
  "threeDsPreference",
  "aliasMode",
  "dataCollectionForm",
  "remindersOptOut",
  "recipient",
  "bcc",
  "subject",
  "templateId",
  "amountUpdate",
  "installmentPlan",
] as const;
const pick = (o: Record<string, unknown>) => Object.fromEntries(SAME.map((k) => [k, o[k]]));

/** Creates from the copy (as the dialog submits it, with a new reference), and compares. */
async function roundTrip(sourceId: string, create: (values: Record<string, string>) => Promise<string>) {
  // The source was created "5 days ago" with 12 days of validity: the copy has 12 days from today.
  await db.paymentOrder.update({ where: { id: sourceId }, data: { createdAt: new Date(Date.now() - 5 * 86_400_000) } });
  const source = await db.paymentOrder.findUniqueOrThrow({ where: { id: sourceId } });
  const copy = await getOrderCopy(db, { actor: users.operator, orderId: sourceId });
  expect(copy.reference).toBeUndefined();
  const newId = await create({ ...copy, reference: "COPY-1" });
  const made = await db.paymentOrder.findUniqueOrThrow({ where: { id: newId } });
  expect(made.reference).toBe("COPY-1");
  expect(pick(made)).toEqual(pick(source));
  const length = (o: { createdAt: Date; validUntil: Date }) =>
    (Date.parse(dayInZone(o.validUntil, TZ)) - Date.parse(dayInZone(o.createdAt, TZ))) / 86_400_000;
  expect(length(made)).toBe(17); // 12 from the source's own creation… plus the 5 days since
  return { copy, made, source };
}

describe("create from", () => {
  it("URL: every advanced option, incl. the adjustable amount, and the validity length counted from today", async () => {
    const src = await createUrlOrder(db, {
      actor: users.operator,
      values: base({ amountUpdateMode: "RANGE", amountUpdateMin: "100", amountUpdateMax: "150", aliasMode: "PROPOSE" }),
    });
    const { copy } = await roundTrip(src.id, async (v) => (await createUrlOrder(db, { actor: users.operator, values: v })).id);
    expect(copy).toMatchObject({
      channel: "URL",
      validUntil: addCalendarDays(today(), 17),
      amountUpdateMode: "RANGE",
      amountUpdateMin: "100.00",
    });
  });

  it("URL: instalments (regular) and the data collection form", async () => {
    await db.dataCollectionForm.upsert({ where: { shopId: SHOP }, create: { shopId: SHOP }, update: {} });
    const src = await createUrlOrder(db, {
      actor: users.operator,
      values: base({ instalmentMode: "PERIOD", instalmentCount: "3", instalmentPeriod: "30", dataCollectionForm: "on" }),
    });
    const { copy } = await roundTrip(src.id, async (v) => (await createUrlOrder(db, { actor: users.operator, values: v })).id);
    expect(copy).toMatchObject({ instalmentMode: "PERIOD", instalmentCount: "3", instalmentPeriod: "30", dataCollectionForm: "true" });
  });

  it("e-mail: recipient, copies, subject, body with its variables, template, language", async () => {
    const src = await createMailOrders(db, {
      actor: users.operator,
      values: base({
        recipients: "anna@example.com",
        bcc: "boss@example.com",
        templateId: mailTemplate,
        subject: "Your order %reference% of %amount%",
        message: "<p>Hello, pay <strong>%amount%</strong></p>",
      }),
    });
    const { copy, made } = await roundTrip(
      src.ids[0] as string,
      async (v) => (await createMailOrders(db, { actor: users.operator, values: v })).ids[0] as string,
    );
    expect(copy).toMatchObject({ channel: "MAIL", recipients: "anna@example.com", subject: "Your order %reference% of %amount%" });
    expect(made.message).toBe("<p>Hello, pay <strong>%amount%</strong></p>");
  });

  for (const channel of ["SMS", "WHATSAPP"] as const) {
    it(`${channel}: phone number, the text as typed (variables kept), template`, async () => {
      const src = await createPhoneOrder(db, {
        actor: users.operator,
        values: base({ channel, phoneNumber: "06 12 34 56 78", templateId: smsTemplate, message: "Pay %amount% now: %url%" }),
      });
      const { copy, made } = await roundTrip(src.id, async (v) => (await createPhoneOrder(db, { actor: users.operator, values: v })).id);
      expect(copy).toMatchObject({ channel, phoneNumber: "+33612345678", message: "Pay %amount% now: %url%" });
      expect(made.message).toContain("120.00");
      expect(made.message).not.toContain("%url%");
    });
  }

  it("is refused for another tenant's order (NOT_FOUND)", async () => {
    const src = await createUrlOrder(db, { actor: users.operator, values: base() });
    await expect(getOrderCopy(db, { actor: users.other, orderId: src.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
