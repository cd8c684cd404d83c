import { beforeAll, describe, expect, it } from "vitest";
import { v4EnvelopeSchema, v4PaymentOrderSchema } from "@/lib/lyra-api/response-schemas";
import { findOrders } from "@/lib/orders/find-orders";
import { getOrderOrThrow } from "@/lib/orders/get-order";
import { addCalendarDays, dayInZone, endOfDayInZone } from "@/lib/time/shop-time";
import { create } from "../../helpers/api";
import { verifiedConnector } from "../../helpers/connectors";
import { db, resetDatabase, seedTenants } from "../../helpers/db";

let users: Awaited<ReturnType<typeof seedTenants>>;
beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
  await db.company.updateMany({ data: { smsCredits: 100 } }); // SMS orders take credits when created
  await verifiedConnector(db, "12345678"); // PRODUCTION orders need the shop's processor (issue 20)
});

/** The order's messages with their delivery jobs (queued in the creating transaction). */
const jobsFor = (orderId: string) =>
  db.$queryRaw<{ name: string; channel: string; kind: string; recipient: string }[]>`
    SELECT j.name, m.channel::text, m.kind, m.recipient FROM "Message" m
    JOIN pgboss.job j ON j.data->>'messageId' = m.id::text WHERE m."orderId" = ${orderId}`;

describe("Charge/CreatePaymentOrder", () => {
  it("creates a URL order with the shop's defaults; the answer has every field, typed", async () => {
    const r = await create({ amount: 10000, currency: "EUR", orderId: "INV-2025-0001", channelOptions: { channelType: "URL" } });
    expect(r.http).toBe(200);
    expect(r.status).toBe("SUCCESS");
    expect(r.headers.get("content-type")).toBe("application/json;charset=utf-8");
    v4EnvelopeSchema(v4PaymentOrderSchema).parse(r.json);
    const a = r.answer;
    expect(a).toMatchObject({
      paymentOrderStatus: "RUNNING",
      amount: 10000,
      currency: "EUR",
      orderId: "INV-2025-0001",
      locale: "fr_FR",
      strongAuthentication: "AUTO",
      formAction: "PAYMENT",
      updateDate: null,
      deliveryStatus: "MANUAL",
      sendCount: 0,
    });
    expect(a.paymentOrderId).toMatch(/^[a-f0-9]{32}$/);
    expect(a.message).toContain("%url%");
    const day = addCalendarDays(dayInZone(new Date(), "Europe/Paris"), 7);
    expect(a.expirationDate).toBe(`${endOfDayInZone(day, "Europe/Paris").toISOString().slice(0, 19)}+00:00`);
    expect(r.json.mode).toBe("TEST");
  });

  it("is the same order the back office sees", async () => {
    const r = await create({ amount: 555, currency: "EUR", orderId: "SAME-1" });
    const detail = await getOrderOrThrow(db, { actor: users.viewer, orderId: r.answer.paymentOrderId });
    expect(detail).toMatchObject({ amount: 555, reference: "SAME-1", createdVia: "API", mode: "TEST", channel: "URL" });
    expect((await findOrders(db, { actor: users.viewer, mode: "TEST" })).map((o) => o.id)).toContain(r.answer.paymentOrderId);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { orderId: r.answer.paymentOrderId } });
    expect(audit).toMatchObject({ action: "order.create", actorType: "API_KEY", actorId: "12345678:TEST" });
  });

  it("echoes every supported field", async () => {
    const exp = new Date(Date.now() + 3 * 86_400_000);
    const r = await create({
      amount: 4990,
      currency: "EUR",
      orderId: "QUOTE-77",
      expirationDate: exp.toISOString(),
      locale: "en_GB",
      merchantComment: "VIP",
      description: "Quote 77",
      taxAmount: 832,
      taxRate: 20,
      metadata: { crmId: "A-42", n: 7 },
      formAction: "ASK_REGISTER_PAY",
      strongAuthentication: "CHALLENGE_REQUESTED",
      paymentReceiptEmail: "receipt@example.com",
      customer: { email: "buyer@example.com", reference: "C-1", billingDetails: { firstName: "Ana", lastName: "Lopez", country: "ES" } },
      transactionOptions: { cardOptions: { manualValidation: "YES", captureDelay: 3 } },
      returnUrl: "https://shop.example/return",
      successUrl: "https://shop.example/ok",
      ipnTargetUrl: "https://shop.example/ipn",
      returnMode: "POST",
      redirectSuccessTimeout: 5,
      paymentMethods: ["VISA", "MASTERCARD"],
    });
    expect(r.status).toBe("SUCCESS");
    v4PaymentOrderSchema.parse(r.answer);
    const a = r.answer;
    expect(a).toMatchObject({
      locale: "en_GB",
      merchantComment: "VIP",
      description: "Quote 77",
      taxAmount: 832,
      taxRate: 20,
      metadata: { crmId: "A-42", n: "7" },
      formAction: "ASK_REGISTER_PAY",
      strongAuthentication: "CHALLENGE_REQUESTED",
      paymentReceiptEmail: "receipt@example.com",
      returnUrl: "https://shop.example/return",
      successUrl: "https://shop.example/ok",
      ipnTargetUrl: "https://shop.example/ipn",
      returnMode: "POST",
      redirectSuccessTimeout: 5,
      paymentMethods: ["VISA", "MASTERCARD"],
      transactionDetails: { cardDetails: { manualValidation: "YES", captureDelay: 3 } },
      customer: {
        email: "buyer@example.com",
        reference: "C-1",
        billingDetails: { firstName: "Ana", lastName: "Lopez", country: "ES", city: null },
      },
    });
    expect(a.expirationDate).toBe(`${exp.toISOString().slice(0, 19)}+00:00`);
    const row = await db.paymentOrder.findUniqueOrThrow({ where: { id: a.paymentOrderId } });
    expect(row).toMatchObject({
      aliasMode: "PROPOSE",
      threeDsPreference: "CHALLENGE",
      validationMode: "MANUAL",
      captureDelay: 3,
      buyerEmail: "receipt@example.com",
    });
  });

  it("copies customer.email into paymentReceiptEmail, not the reverse", async () => {
    expect((await create({ amount: 100, currency: "EUR", customer: { email: "c@example.com" } })).answer.paymentReceiptEmail).toBe(
      "c@example.com",
    );
    const r = await create({ amount: 100, currency: "EUR", paymentReceiptEmail: "p@example.com" });
    expect(r.answer.customer.email).toBeNull();
  });

  it("MAIL, SMS and WHATSAPP orders are queued for delivery in the same transaction", async () => {
    const mail = await create({
      amount: 100,
      currency: "EUR",
      channelOptions: {
        channelType: "MAIL",
        mailOptions: { recipient: "buyer@example.com", bcc: "ops@example.com;sales@example.com", subject: "Your quote" },
      },
    });
    expect(mail.answer.channelDetails).toMatchObject({
      channelType: "MAIL",
      mailDetails: {
        recipient: "buyer@example.com",
        bcc: "ops@example.com;sales@example.com",
        subject: "Your quote",
        _type: "V4/MailDetails",
      },
    });
    const sms = await create({
      amount: 100,
      currency: "EUR",
      channelOptions: { channelType: "SMS", smsOptions: { phoneNumber: "+33 6 00 00 00 00" } },
    });
    expect(sms.answer.channelDetails.smsDetails).toMatchObject({ phoneNumber: "+33600000000" });
    const wa = await create({
      amount: 100,
      currency: "EUR",
      channelOptions: { channelType: "WHATSAPP", whatsAppOptions: { phoneNumber: "+33600000001" } },
    });
    const expected = [
      { name: "channels.email", channel: "MAIL", kind: "ORDER", recipient: "buyer@example.com" },
      { name: "channels.sms", channel: "SMS", kind: "ORDER", recipient: "+33600000000" },
      { name: "channels.whatsapp", channel: "WHATSAPP", kind: "ORDER", recipient: "+33600000001" },
    ];
    for (const [i, r] of [mail, sms, wa].entries()) {
      expect(r.answer.deliveryStatus).toBe("IN_PROGRESS");
      expect(await jobsFor(r.answer.paymentOrderId)).toEqual([expected[i]]);
    }
  });

  it("REGISTER_PAY forces strong authentication", async () => {
    const r = await create({
      amount: 100,
      currency: "EUR",
      formAction: "REGISTER_PAY",
      customer: { email: "b@example.com" },
      strongAuthentication: "FRICTIONLESS",
    });
    const row = await db.paymentOrder.findUniqueOrThrow({ where: { id: r.answer.paymentOrderId } });
    expect(row).toMatchObject({ aliasMode: "AUTOMATIC", threeDsPreference: "CHALLENGE" });
  });

  it("PRODUCTION key → PRODUCTION order", async () => {
    const r = await create(
      { amount: 100, currency: "EUR" },
      { creds: { shopId: "12345678", password: "prodpassword_DEMOSHOPKEY0000000001" } },
    );
    expect(r.json.mode).toBe("PRODUCTION");
    expect((await db.paymentOrder.findUniqueOrThrow({ where: { id: r.answer.paymentOrderId } })).mode).toBe("PRODUCTION");
  });
});
