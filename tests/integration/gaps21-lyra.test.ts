// Issue 21, Lyra compatibility: a MAIL order with only a recipient uses the shop's default e-mail
// template; the IPN carries the buyer's language; Get exposes the instalment schedule.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverEmails } from "@/lib/channels/deliver-emails";
import { v4EnvelopeSchema, v4PaymentOrderSchema } from "@/lib/lyra-api/response-schemas";
import { buildKrAnswer, loadPayloadOrder } from "@/lib/notifications/build-payload";
import { completeChallenge, getChallenge } from "@/lib/payments/complete-challenge";
import { payOrder } from "@/lib/payments/pay-order";
import { closeMailer } from "@/lib/server/mailer";
import { callApi, create } from "../helpers/api";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { card } from "../helpers/orders";
import { type SmtpSink, startSmtpSink } from "../helpers/smtp-sink";

let sink: SmtpSink;
beforeAll(async () => {
  await resetDatabase();
  await seedTenants();
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
  await closeMailer();
});
afterAll(async () => {
  await closeMailer();
  await sink.stop();
  delete process.env.SMTP_URL;
});
const plain = (s: string | undefined) => (s ?? "").replace(/[\u00a0\u202f]/g, " ");
const get = (paymentOrderId: string) => callApi("Charge/PaymentOrder/Get", { paymentOrderId });

describe("Lyra compatibility", () => {
  it("MAIL with only mailOptions.recipient: created, and sent with the shop's default e-mail template", async () => {
    await db.template.updateMany({ where: { shopId: "12345678", channel: "MAIL", kind: "ORDER" }, data: { isDefault: false } });
    await db.template.create({
      data: {
        shopId: "12345678",
        channel: "MAIL",
        kind: "ORDER",
        name: "Maison",
        language: "fr",
        isDefault: true,
        subject: "Votre lien %reference% (%amount%)",
        body: "<p>Bonjour, voici votre lien.</p>",
      },
    });
    const r = await create({
      amount: 1990,
      currency: "EUR",
      orderId: "ONLY-TO",
      locale: "fr_FR",
      channelOptions: { channelType: "MAIL", mailOptions: { recipient: "anne@buyer.test" } },
    });
    expect(r.status).toBe("SUCCESS");
    const id = r.answer.paymentOrderId as string;
    await deliverEmails(
      db,
      (await db.message.findMany({ where: { orderId: id } })).map((m) => m.id),
    );
    expect(sink.messages).toHaveLength(1);
    expect(plain(sink.messages[0]!.parsed.subject)).toBe("Votre lien ONLY-TO (19,90 €)");
    expect(sink.messages[0]!.parsed.html).toContain("Bonjour, voici votre lien.");
  });

  it("IPN: customer.billingDetails.language is the order's language, upper case", async () => {
    const en = await create({ amount: 500, currency: "EUR", orderId: "IPN-EN", locale: "en_GB" });
    const fr = await create({ amount: 500, currency: "EUR", orderId: "IPN-FR" });
    const lang = async (id: string) =>
      JSON.parse(buildKrAnswer((await loadPayloadOrder(db, id))!, new Date())).customer.billingDetails.language;
    expect(await lang(en.answer.paymentOrderId)).toBe("EN");
    expect(await lang(fr.answer.paymentOrderId)).toBe("FR");
  });

  it("Get exposes installmentDetails: the plan before the first payment, then each one's date, amount and status", async () => {
    const r = await create({
      amount: 9000,
      currency: "EUR",
      orderId: "INST-1",
      transactionOptions: { installmentOptions: { count: 3, period: 30 } },
    });
    expect(r.status).toBe("SUCCESS");
    const id = r.answer.paymentOrderId as string;
    const before = await get(id);
    v4EnvelopeSchema(v4PaymentOrderSchema).parse(before.json);
    expect(before.answer.transactionDetails.installmentDetails).toMatchObject({
      count: 3,
      installments: [
        { number: 1, amount: 3000, status: "NOT_STARTED", date: null },
        { number: 2, amount: 3000, status: "NOT_STARTED" },
        { number: 3, amount: 3000, status: "NOT_STARTED" },
      ],
      _type: "V4/InstallmentDetails",
    });
    const token = (await db.paymentOrder.findUniqueOrThrow({ where: { id } })).token;
    // An instalment order keeps the card, so the first payment goes through a challenge.
    const r1 = await payOrder(db, { token, card: card("4970100000000055"), instalmentConsent: true });
    if (r1.outcome !== "CHALLENGE") throw new Error(`expected a challenge, got ${r1.outcome}`);
    const c = await getChallenge(db, token, r1.challengeId);
    await completeChallenge(db, { token, challengeId: r1.challengeId, code: c!.testCode! });
    const after = await get(id);
    v4EnvelopeSchema(v4PaymentOrderSchema).parse(after.json);
    const list = after.answer.transactionDetails.installmentDetails.installments;
    expect(list.map((i: { status: string }) => i.status)).toEqual(["PAID", "PENDING", "PENDING"]);
    const tx = await db.transaction.findFirstOrThrow({ where: { orderId: id } });
    expect(list[0].transactionUuid).toBe(tx.id);
    expect(list[1].transactionUuid).toBeNull();
    expect(list.every((i: { date: string | null }) => typeof i.date === "string")).toBe(true);
    expect(Date.parse(list[1].date) - Date.parse(list[0].date)).toBeGreaterThan(29 * 86_400_000);
  });

  it("a single payment has installmentDetails null", async () => {
    const r = await create({ amount: 700, currency: "EUR", orderId: "ONE-1" });
    expect((await get(r.answer.paymentOrderId)).answer.transactionDetails.installmentDetails).toBeNull();
  });
});
