// Issue 21, "modify and resend": what the buyer receives can change — an e-mail's subject and
// message (the message sent through SMTP is the new one), an SMS/WhatsApp's number and text,
// the language, and the advanced options a payment already attempted does not contradict.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { deliverEmails } from "@/lib/channels/deliver-emails";
import { createMailOrders } from "@/lib/orders/create-mail-orders";
import { createPhoneOrder } from "@/lib/orders/create-phone-order";
import { createUrlOrder } from "@/lib/orders/create-url-order";
import { fixedOptions, modifyOrder } from "@/lib/orders/modify-order";
import { payOrder } from "@/lib/payments/pay-order";
import type { AppError } from "@/lib/server/errors";
import { closeMailer } from "@/lib/server/mailer";
import { addCalendarDays, dayInZone } from "@/lib/time/shop-time";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { card } from "../helpers/orders";
import { type SmtpSink, startSmtpSink } from "../helpers/smtp-sink";

let users: Awaited<ReturnType<typeof seedTenants>>;
let sink: SmtpSink;
beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
  process.env.MAIL_FROM = "orders@pay.example.test";
  await closeMailer();
});
afterAll(async () => {
  await closeMailer();
  await sink.stop();
  delete process.env.SMTP_URL;
});
beforeEach(() => {
  sink.messages.length = 0;
});

const day = (n: number) => addCalendarDays(dayInZone(new Date(), "Europe/Paris"), n);
const main = (over: Record<string, string> = {}) => ({
  shopId: "12345678",
  mode: "TEST",
  reference: "MOD-1",
  amount: "20.00",
  currency: "EUR",
  validUntil: day(5),
  language: "fr",
  ...over,
});
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: AppError) => ({ code: e.code, fields: e.fields }),
  );

async function drainMail() {
  for (let i = 0; i < 50; i++) {
    const due = await db.message.findMany({ where: { status: "QUEUED", channel: "MAIL" }, select: { id: true } });
    if (!due.length) return;
    await deliverEmails(
      db,
      due.map((m) => m.id),
    );
  }
}

describe("modify and resend", () => {
  it("e-mail: the new subject, body and language are the ones sent", async () => {
    const { ids } = await createMailOrders(db, {
      actor: users.operator,
      values: main({ recipients: "anne@buyer.test", subject: "Ancien sujet %reference%", message: "<p>Ancien texte</p>" }),
    });
    const id = ids[0] as string;
    await drainMail();
    expect(sink.messages.map((m) => m.parsed.subject)).toEqual(["Ancien sujet MOD-1"]);
    sink.messages.length = 0;
    await modifyOrder(db, {
      actor: users.operator,
      orderId: id,
      values: main({
        recipient: "bea@buyer.test",
        language: "en",
        subject: "New subject %reference%",
        message: "<p>New <u>body</u> for %amount%</p><script>x()</script>",
      }),
    });
    const o = await db.paymentOrder.findUniqueOrThrow({ where: { id } });
    expect(o).toMatchObject({ recipient: "bea@buyer.test", locale: "en_GB", subject: "New subject %reference%" });
    expect(o.message).not.toContain("script");
    await drainMail();
    expect(sink.messages).toHaveLength(1);
    const sent = sink.messages[0]!;
    expect(sent.rcptTo).toEqual(["bea@buyer.test"]);
    expect(sent.parsed.subject).toBe("New subject MOD-1");
    expect(sent.parsed.html).toContain("New <u>body</u> for €20.00");
    expect(sent.parsed.html).not.toContain("Ancien texte");
  });

  for (const channel of ["SMS", "WHATSAPP"] as const) {
    it(`${channel}: a new number and a new text, rendered for the order as changed, queued again`, async () => {
      const o = await createPhoneOrder(db, {
        actor: users.operator,
        values: main({ channel, phoneNumber: "0612345678", message: "Ancien %amount%" }),
      });
      await modifyOrder(db, {
        actor: users.operator,
        orderId: o.id,
        values: main({ amount: "25.00", phoneNumber: "06 98 76 54 32", message: "Nouveau : %amount% %url%" }),
      });
      const after = await db.paymentOrder.findUniqueOrThrow({ where: { id: o.id } });
      expect(after.recipient).toBe("+33698765432");
      expect(after.message?.replace(/[\u00a0\u202f]/g, " ")).toMatch(/^Nouveau : 25,00 € http/);
      const queued = await db.message.findMany({ where: { orderId: o.id }, orderBy: { createdAt: "asc" } });
      expect(queued.map((m) => m.recipient)).toEqual(["+33612345678", "+33698765432"]);
    });
  }

  it("refuses a bad phone number by field", async () => {
    const o = await createPhoneOrder(db, { actor: users.operator, values: main({ channel: "SMS", phoneNumber: "0612345678" }) });
    expect(await refusal(modifyOrder(db, { actor: users.operator, orderId: o.id, values: main({ phoneNumber: "12" }) }))).toMatchObject({
      code: "VALIDATION",
      fields: { phoneNumber: "phone_err_invalid" },
    });
  });

  it("advanced options change while nobody tried to pay, including the alias and the adjustable amount", async () => {
    const o = await createUrlOrder(db, { actor: users.operator, values: main() });
    expect(fixedOptions({ channel: "URL", transactions: [] })).toEqual(["instalments", "remindersOptOut"]);
    await modifyOrder(db, {
      actor: users.operator,
      orderId: o.id,
      values: main({
        advanced: "1",
        description: "Chaise",
        validationMode: "MANUAL",
        captureDelay: "2",
        aliasMode: "PROPOSE",
        amountUpdateMode: "FREE",
        amountUpdateMin: "5",
      }),
    });
    expect(await db.paymentOrder.findUniqueOrThrow({ where: { id: o.id } })).toMatchObject({
      description: "Chaise",
      validationMode: "MANUAL",
      captureDelay: 2,
      aliasMode: "PROPOSE",
      threeDsPreference: "CHALLENGE",
      amountUpdate: { mode: "FREE", min: 500 },
    });
  });

  it("after a refused payment: the alias, the form and the adjustable amount stay as the buyer saw them", async () => {
    const o = await createUrlOrder(db, { actor: users.operator, values: main({ description: "Avant" }) });
    await payOrder(db, { token: (await db.paymentOrder.findUniqueOrThrow({ where: { id: o.id } })).token, card: card("4970100000000097") });
    const order = await db.paymentOrder.findUniqueOrThrow({ where: { id: o.id }, include: { transactions: true } });
    expect(order.status).toBe("REFUSED");
    expect(fixedOptions(order)).toEqual(["instalments", "aliasMode", "dataCollectionForm", "amountUpdate", "remindersOptOut"]);
    await modifyOrder(db, {
      actor: users.operator,
      orderId: o.id,
      values: main({
        advanced: "1",
        description: "",
        merchantComment: "rappeler",
        aliasMode: "AUTOMATIC",
        amountUpdateMode: "FREE",
        amountUpdateMin: "1",
      }),
    });
    expect(await db.paymentOrder.findUniqueOrThrow({ where: { id: o.id } })).toMatchObject({
      status: "RUNNING",
      description: null,
      merchantComment: "rappeler",
      aliasMode: "NONE",
      amountUpdate: null,
    });
  });
});
