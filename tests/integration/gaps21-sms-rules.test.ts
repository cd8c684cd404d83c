// Issue 21 (manual §1.3.1): merchant SMS notifications — a rule of kind SMS (its number prefilled
// from Settings › Company) sends the merchant an SMS after an accepted payment, its credits taken
// like any SMS; without credits the notice is skipped, the payment never refused for it.
import { beforeAll, describe, expect, it } from "vitest";
import { createRule } from "@/lib/notifications/rules/create-rule";
import { defaultSmsRulePhone } from "@/lib/notifications/rules/new-rule-defaults";
import { cancelOrder } from "@/lib/orders/cancel-order";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { card, newOrder, payNow } from "../helpers/orders";

let users: Awaited<ReturnType<typeof seedTenants>>;
beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
});
const setCredits = (n: number) => db.company.updateMany({ where: { shops: { some: { id: "12345678" } } }, data: { smsCredits: n } });
const credits = async () => (await db.company.findFirstOrThrow({ where: { shops: { some: { id: "12345678" } } } })).smsCredits;

describe("SMS rules", () => {
  it("a new SMS rule is prefilled with the company's default phone (Settings › Company)", async () => {
    await db.company.updateMany({ where: { shops: { some: { id: "12345678" } } }, data: { smsNotifyPhone: "+33600000001" } });
    expect(await defaultSmsRulePhone(db, { actor: users.admin })).toBe("+33600000001");
    await db.company.updateMany({ where: { shops: { some: { id: "12345678" } } }, data: { smsNotifyPhone: null } });
    expect(await defaultSmsRulePhone(db, { actor: users.admin })).toBe("");
  });

  it("are saved with the number in E.164, checked", async () => {
    const { rule } = await createRule(db, {
      actor: users.admin,
      shopId: "12345678",
      rule: { kind: "SMS", label: "Mon portable", events: ["PAYMENT_ACCEPTED"], smsPhone: "06 11 22 33 44" },
    });
    expect(rule).toMatchObject({ kind: "SMS", smsPhone: "+33611223344", urlTest: null, emailTarget: null });
    await expect(
      createRule(db, {
        actor: users.admin,
        shopId: "12345678",
        rule: { kind: "SMS", label: "x", events: ["PAYMENT_ACCEPTED"], smsPhone: "12" },
      }),
    ).rejects.toMatchObject({ code: "VALIDATION", fields: { smsPhone: "phone_err_invalid" } });
    // An SMS rule chooses among an order's events; a made-up one is refused by its field.
    await expect(
      createRule(db, {
        actor: users.admin,
        shopId: "12345678",
        rule: { kind: "SMS", label: "x", events: ["PAYMENT_ACCEPTED", "NOT_AN_EVENT"], smsPhone: "06 11 22 33 44" },
      }),
    ).rejects.toMatchObject({ code: "VALIDATION", fields: { events: "err_rule_events_sms" } });
  });

  it("an accepted payment queues the merchant's SMS and takes its credit; the e-mail receipts stay the defaults", async () => {
    await setCredits(10);
    const o = await newOrder(users.operator, { reference: "SMS-NOTE", buyerEmail: "anne@buyer.test" });
    await payNow({ token: o.token, card: card("4970100000000055") });
    const msgs = await db.message.findMany({ where: { orderId: o.id }, orderBy: { kind: "asc" } });
    const sms = msgs.find((m) => m.kind === "MERCHANT_SMS");
    expect(sms).toMatchObject({ channel: "SMS", recipient: "+33611223344", credits: 1, status: "QUEUED" });
    expect(sms!.text?.replace(/[\u00a0\u202f]/g, " ")).toBe("Boutique Démo : paiement accepté de 49,90 € (réf. SMS-NOTE).");
    expect(msgs.map((m) => m.kind)).toEqual(expect.arrayContaining(["RECEIPT_BUYER", "RECEIPT_MERCHANT"]));
    expect(await credits()).toBe(9);
  });

  it("without credits: no SMS, the payment is accepted all the same", async () => {
    await setCredits(0);
    const o = await newOrder(users.operator, { reference: "NO-CREDIT" });
    const r = await payNow({ token: o.token, card: card("4970100000000055") });
    expect(r.outcome).toBe("ACCEPTED");
    expect(await db.message.count({ where: { orderId: o.id, kind: "MERCHANT_SMS" } })).toBe(0);
    expect((await db.paymentOrder.findUniqueOrThrow({ where: { id: o.id } })).status).toBe("PAID");
  });

  it("the chosen events: a refused payment and a cancelled order each send their own text; an event not chosen sends nothing", async () => {
    await setCredits(10);
    await createRule(db, {
      actor: users.admin,
      shopId: "12345678",
      rule: { kind: "SMS", label: "Refus et annulations", events: ["PAYMENT_REFUSED", "ORDER_CANCELLED"], smsPhone: "06 99 88 77 66" },
    });
    const refused = await newOrder(users.operator, { reference: "SMS-REFUS" });
    expect((await payNow({ token: refused.token, card: card("4970100000000097") })).outcome).toBe("REFUSED");
    const [r] = await db.message.findMany({ where: { orderId: refused.id, kind: "MERCHANT_SMS" } });
    expect(r).toMatchObject({ recipient: "+33699887766", credits: 1 });
    expect(r!.text?.replace(/[\u00a0\u202f]/g, " ")).toBe("Boutique Démo : paiement refusé de 49,90 € (réf. SMS-REFUS).");

    const cancelled = await newOrder(users.operator, { reference: "SMS-ANNUL" });
    await cancelOrder(db, { actor: users.operator, orderId: cancelled.id });
    const sent = await db.message.findMany({ where: { orderId: cancelled.id, kind: "MERCHANT_SMS" } });
    expect(sent.map((m) => [m.recipient, m.text?.replace(/[\u00a0\u202f]/g, " ")])).toEqual([
      ["+33699887766", "Boutique Démo : l’ordre de 49,90 € a été annulé (réf. SMS-ANNUL)."],
    ]);
    // The first rule (payment accepted only) said nothing for either; two SMS, two credits.
    expect(await credits()).toBe(8);
  });
});
