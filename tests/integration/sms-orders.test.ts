// SMS and WhatsApp orders (F-CH-SMS, F-CH-WHATSAPP) from the back office and the API: the text
// rendered at creation, credits taken in the creating transaction (and again on a resend), phone
// numbers in E.164 with the shop's country, the 500-character limit.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { countSms } from "@/lib/channels/sms-segments";
import { createPhoneOrder } from "@/lib/orders/create-phone-order";
import { findPhoneTemplates } from "@/lib/orders/find-phone-templates";
import { previewPhoneOrder } from "@/lib/orders/preview-phone-order";
import { updateOrder } from "@/lib/orders/update-order";
import { AppError } from "@/lib/server/errors";
import { callApi, create } from "../helpers/api";
import { db, resetDatabase, seedTenants } from "../helpers/db";

let users: Awaited<ReturnType<typeof seedTenants>>;
const SHOP = "12345678";
let smsTemplate: { id: string };
let otherTemplate: { id: string };

beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
  smsTemplate = await db.template.create({
    data: { shopId: SHOP, channel: "SMS", kind: "ORDER", name: "Court", language: "fr", body: "Payez %amount% : %url%" },
    select: { id: true },
  });
  otherTemplate = await db.template.create({
    data: { shopId: "87654321", channel: "SMS", kind: "ORDER", name: "Autre", language: "fr", body: "Autre %url%" },
    select: { id: true },
  });
});

const setCredits = (n: number) => db.company.updateMany({ where: { shops: { some: { id: SHOP } } }, data: { smsCredits: n } });
const credits = async () => (await db.company.findFirstOrThrow({ where: { shops: { some: { id: SHOP } } } })).smsCredits;
const orderCount = () => db.paymentOrder.count({ where: { channel: { in: ["SMS", "WHATSAPP"] } } });
const messagesOf = (orderId: string) =>
  db.message.findMany({
    where: { orderId },
    orderBy: { createdAt: "asc" },
    select: { recipient: true, segments: true, encoding: true, credits: true },
  });

beforeEach(async () => {
  await setCredits(100);
});

const form = (over: Record<string, string> = {}) => ({
  shopId: SHOP,
  mode: "TEST",
  channel: "SMS",
  amount: "15.90",
  currency: "EUR",
  reference: "SMS-1",
  language: "fr",
  phoneNumber: "06 12 34 56 78",
  ...over,
});

async function failure(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, fields: e.fields };
    throw e;
  }
  throw new Error("expected a refusal");
}

describe("order by SMS from the back office", () => {
  it("renders the text at creation, normalises the number and takes the credits with the order", async () => {
    const { id, recipient } = await createPhoneOrder(db, { actor: users.operator, values: form() });
    expect(recipient).toBe("+33612345678");
    const order = await db.paymentOrder.findUniqueOrThrow({ where: { id } });
    expect(order).toMatchObject({ channel: "SMS", recipient: "+33612345678", deliveryStatus: "IN_PROGRESS" });
    // The built-in French text, variables filled; Intl's no-break spaces made plain (GSM-7).
    expect(order.message).toMatch(/^Boutique Démo : réglez 15,90 € \(réf\. SMS-1\) avant le .+ sur http.+\/pay\/[\w-]{32}$/);
    expect(order.message).toContain(order.token);
    const count = countSms(order.message!);
    expect(count.encoding).toBe("GSM7");
    expect(await messagesOf(id)).toEqual([
      { recipient: "+33612345678", segments: count.segments, encoding: "GSM7", credits: count.segments },
    ]);
    expect(await credits()).toBe(100 - count.segments);
  });

  it("uses the typed text (variables filled, link appended) or the chosen template, and counts UCS-2", async () => {
    const typed = await createPhoneOrder(db, { actor: users.operator, values: form({ message: "Bonjour 🙂 %reference% : %amount%" }) });
    const o = await db.paymentOrder.findUniqueOrThrow({ where: { id: typed.id } });
    expect(o.message).toMatch(/^Bonjour 🙂 SMS-1 : 15,90 €\nhttp.+\/pay\/[\w-]{32}$/);
    const [m] = await messagesOf(typed.id);
    expect(m).toMatchObject({ encoding: "UCS2", segments: countSms(o.message!).segments });
    expect(m!.segments).toBeGreaterThan(1);

    const templated = await createPhoneOrder(db, { actor: users.operator, values: form({ templateId: smsTemplate.id }) });
    expect((await db.paymentOrder.findUniqueOrThrow({ where: { id: templated.id } })).message).toMatch(/^Payez 15,90 € : http/);
    expect(await failure(createPhoneOrder(db, { actor: users.operator, values: form({ templateId: otherTemplate.id }) }))).toEqual({
      code: "VALIDATION",
      fields: { templateId: "err_template" },
    });
  });

  it("refuses when the credits are short: nothing created, nothing taken", async () => {
    await setCredits(1);
    const before = await orderCount();
    const long = `${"Merci pour votre commande. ".repeat(6)}%url%`; // > 160 characters: 2 parts
    expect(await failure(createPhoneOrder(db, { actor: users.operator, values: form({ message: long }) }))).toEqual({
      code: "VALIDATION",
      fields: { message: "smsd_err_credits" },
    });
    expect(await orderCount()).toBe(before);
    expect(await credits()).toBe(1);
    await setCredits(0);
    expect((await failure(createPhoneOrder(db, { actor: users.operator, values: form() }))).fields).toEqual({
      message: "smsd_err_credits",
    });
    expect(await orderCount()).toBe(before);
  });

  it("two creations racing for the last credit: exactly one succeeds", async () => {
    await setCredits(1);
    const results = await Promise.allSettled([
      createPhoneOrder(db, { actor: users.operator, values: form({ reference: "RACE-1" }) }),
      createPhoneOrder(db, { actor: users.operator, values: form({ reference: "RACE-2" }) }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await credits()).toBe(0);
    expect(await db.paymentOrder.count({ where: { reference: { in: ["RACE-1", "RACE-2"] } } })).toBe(1);
  });

  it("refuses a rendered text over 500 characters, whatever the credits", async () => {
    const before = await orderCount();
    // 480 typed characters are fine; with the link appended they are not.
    expect(await failure(createPhoneOrder(db, { actor: users.operator, values: form({ message: "a".repeat(480) }) }))).toEqual({
      code: "VALIDATION",
      fields: { message: "smsd_err_too_long" },
    });
    expect(await orderCount()).toBe(before);
    expect(await credits()).toBe(100);
    const fits = await createPhoneOrder(db, { actor: users.operator, values: form({ message: `${"a".repeat(400)} %url%` }) });
    expect(countSms((await db.paymentOrder.findUniqueOrThrow({ where: { id: fits.id } })).message!).characters).toBeLessThanOrEqual(500);
  });

  it("phone numbers: E.164 with the shop's country, field errors otherwise", async () => {
    for (const [typed, reason] of [
      ["call me", "phone_err_invalid"],
      ["06 12", "phone_err_invalid"],
      ["", "phone_err_required"],
    ] as const) {
      expect(await failure(createPhoneOrder(db, { actor: users.operator, values: form({ phoneNumber: typed }) }))).toEqual({
        code: "VALIDATION",
        fields: { phoneNumber: reason },
      });
    }
    // Reported together with the other fields' errors.
    expect((await failure(createPhoneOrder(db, { actor: users.operator, values: form({ phoneNumber: "x", amount: "" }) }))).fields).toEqual(
      {
        amount: "err_amount_required",
        phoneNumber: "phone_err_invalid",
      },
    );
    const intl = await createPhoneOrder(db, { actor: users.operator, values: form({ phoneNumber: "+44 20 7946 0958" }) });
    expect(intl.recipient).toBe("+442079460958");
    await db.shop.update({ where: { id: SHOP }, data: { defaultLanguage: "en" } });
    try {
      const uk = await createPhoneOrder(db, { actor: users.operator, values: form({ phoneNumber: "020 7946 0958" }) });
      expect(uk.recipient).toBe("+442079460958");
    } finally {
      await db.shop.update({ where: { id: SHOP }, data: { defaultLanguage: "fr" } });
    }
  });

  it("modify and resend: the text rendered again with the new amount, the credits taken again", async () => {
    const { id } = await createPhoneOrder(db, { actor: users.operator, values: form({ message: "Réglez %amount% : %url%" }) });
    const left = await credits();
    await updateOrder(db, { actor: users.operator, orderId: id, changes: { amountMinor: 2500 }, resend: true });
    const o = await db.paymentOrder.findUniqueOrThrow({ where: { id } });
    expect(o.message).toMatch(/^Réglez 25,00 € : http/);
    const messages = await messagesOf(id);
    expect(messages).toHaveLength(2);
    expect(await credits()).toBe(left - messages[1]!.credits!);

    await setCredits(0);
    expect(
      (await failure(updateOrder(db, { actor: users.operator, orderId: id, changes: { amountMinor: 3000 }, resend: true }))).fields,
    ).toEqual({ message: "smsd_err_credits" });
    expect((await db.paymentOrder.findUniqueOrThrow({ where: { id } })).amount).toBe(2500n);
    expect(await messagesOf(id)).toHaveLength(2);
  });

  it("WhatsApp: the text rendered at creation, no credits", async () => {
    const { id } = await createPhoneOrder(db, {
      actor: users.operator,
      values: form({ channel: "WHATSAPP", phoneNumber: "+33 6 12 34 56 79" }),
    });
    const o = await db.paymentOrder.findUniqueOrThrow({ where: { id } });
    expect(o).toMatchObject({ channel: "WHATSAPP", recipient: "+33612345679" });
    expect(o.message).toMatch(/^Bonjour, Boutique Démo vous envoie un lien pour régler 15,90/);
    expect(await messagesOf(id)).toEqual([{ recipient: "+33612345679", segments: null, encoding: null, credits: null }]);
    expect(await credits()).toBe(100);
  });

  it("refuses another company's shop, and a viewer", async () => {
    expect((await failure(createPhoneOrder(db, { actor: users.other, values: form() }))).code).toBe("NOT_FOUND");
    expect((await failure(createPhoneOrder(db, { actor: users.viewer, values: form() }))).code).toBe("FORBIDDEN");
    expect((await failure(previewPhoneOrder(db, { actor: users.other, values: form() }))).code).toBe("NOT_FOUND");
    expect(await credits()).toBe(100);
  });
});

describe("the dialog's preview and templates", () => {
  it("renders as the creation will, with the variables, the count and the number in E.164", async () => {
    const p = await previewPhoneOrder(db, { actor: users.operator, values: form({ message: "%reference% %amount% €" }) });
    expect(p.text).toMatch(/^SMS-1 15,90 € €\nhttp.+\/pay\/preview0+$/);
    expect(p.vars).toMatchObject({ reference: "SMS-1", amount: "15,90 €" });
    expect(p).toMatchObject({ e164: "+33612345678", max: 500, language: "fr" });
    expect(p.count).toEqual(countSms(p.text));
    // Not typed yet: no number, an amount of zero, the default text.
    const empty = await previewPhoneOrder(db, { actor: users.operator, values: form({ phoneNumber: "", amount: "" }) });
    expect(empty).toMatchObject({ e164: null });
    expect(empty.text).toContain("0,00 €");
  });

  it("lists the shop's SMS templates of the language and the default text", async () => {
    const t = await findPhoneTemplates(db, { actor: users.operator, shopId: SHOP, channel: "SMS", language: "fr" });
    expect(t.templates.map((x) => x.name)).toEqual(["Court"]);
    expect(t.defaultBody).toContain("%url%");
    const wa = await findPhoneTemplates(db, { actor: users.operator, shopId: SHOP, channel: "WHATSAPP", language: "en" });
    expect(wa.templates).toEqual([]);
    expect(wa.defaultBody).toMatch(/^Hello/);
  });
});

describe("SMS and WhatsApp through the API", () => {
  const sms = (smsOptions: Record<string, unknown>, over: Record<string, unknown> = {}) =>
    create({ amount: 1590, currency: "EUR", orderId: "API-SMS", channelOptions: { channelType: "SMS", smsOptions }, ...over });

  it("normalises the number, renders the text and takes the credits", async () => {
    const r = await sms({ phoneNumber: "06 12 34 56 78" });
    expect(r.status).toBe("SUCCESS");
    const details = r.answer.channelDetails.smsDetails;
    expect(details.phoneNumber).toBe("+33612345678");
    expect(details.message).toMatch(/^Boutique Démo : réglez 15,90 € \(réf\. API-SMS\)/);
    expect(r.answer.locale).toBe("fr_FR");
    const [m] = await messagesOf(r.answer.paymentOrderId);
    expect(await credits()).toBe(100 - m!.credits!);
    expect(m!.credits).toBe(countSms(details.message).segments);
  });

  it("answers PSP_1030 when the credits are short, INT_838 for a bad number, PSP_1038 for a text too long", async () => {
    const before = await orderCount();
    await setCredits(0);
    const short = await sms({ phoneNumber: "+33612345678" });
    expect(short.answer).toMatchObject({ errorCode: "PSP_1030" });
    await setCredits(100);
    expect((await sms({ phoneNumber: "+33 6 12" })).answer.errorCode).toBe("INT_838");
    expect((await sms({ phoneNumber: "+33612345678", message: "é".repeat(480) })).answer.errorCode).toBe("PSP_1038");
    expect(await orderCount()).toBe(before);
    expect(await credits()).toBe(100);
  });

  it("an SMS without a locale takes its number's country's", async () => {
    const r = await sms({ phoneNumber: "+49 151 23456789" });
    expect(r.answer.locale).toBe("de_DE");
    expect(r.answer.channelDetails.smsDetails.message).toMatch(/^Boutique Démo/);
    expect((await sms({ phoneNumber: "+49 151 23456789" }, { locale: "en_GB" })).answer.locale).toBe("en_GB");
  });

  it("WhatsApp: normalised number, INT_837 for a bad one, no credits", async () => {
    const r = await create({
      amount: 100,
      currency: "EUR",
      channelOptions: { channelType: "WHATSAPP", whatsAppOptions: { phoneNumber: "06.12.34.56.77" } },
    });
    expect(r.answer.channelDetails.whatsAppDetails.phoneNumber).toBe("+33612345677");
    expect(await credits()).toBe(100);
    const bad = await create({
      amount: 100,
      currency: "EUR",
      channelOptions: { channelType: "WHATSAPP", whatsAppOptions: { phoneNumber: "0000000" } },
    });
    expect(bad.answer.errorCode).toBe("INT_837");
  });

  it("Update with smsOptions sends again: the new text, the credits taken again", async () => {
    const r = await sms({ phoneNumber: "+33612345678", message: "Payez %amount% %url%" });
    const left = await credits();
    const u = await callApi("Charge/PaymentOrder/Update", {
      paymentOrderId: r.answer.paymentOrderId,
      amount: 2000,
      currency: "EUR",
      channelOptions: { channelType: "SMS", smsOptions: { phoneNumber: "0612345670" } },
    });
    expect(u.status).toBe("SUCCESS");
    expect(u.answer.channelDetails.smsDetails).toMatchObject({ phoneNumber: "+33612345670" });
    expect(u.answer.channelDetails.smsDetails.message).toMatch(/^Payez 20,00 € http/);
    const messages = await messagesOf(r.answer.paymentOrderId);
    expect(messages.map((m) => m.recipient)).toEqual(["+33612345678", "+33612345670"]);
    expect(await credits()).toBe(left - messages[1]!.credits!);
  });
});
