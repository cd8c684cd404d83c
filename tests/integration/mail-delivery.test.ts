// The e-mail channel against a real SMTP server: recipients, BCC, variables in the message's
// language, text part, Message-ID, delivery statuses, retries, permanent failures and receipts.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { deliverEmails } from "@/lib/channels/deliver-emails";
import { findCaughtMail, getCaughtMail } from "@/lib/channels/find-caught-mail";
import { cancelOrder } from "@/lib/orders/cancel-order";
import { createMailOrders } from "@/lib/orders/create-mail-orders";
import { resendOrder } from "@/lib/orders/resend-order";
import { AppError } from "@/lib/server/errors";
import { closeMailer } from "@/lib/server/mailer";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { card, payNow } from "../helpers/orders";
import { type SmtpSink, startSmtpSink } from "../helpers/smtp-sink";

/** Intl puts no-break spaces in amounts ("15,90 €"); compare with plain spaces. */
const plain = (s: string | undefined) => (s ?? "").replace(/[\u00a0\u202f]/g, " ");

let users: Awaited<ReturnType<typeof seedTenants>>;
let sink: SmtpSink;

beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
  process.env.MAIL_FROM = "orders@pay.example.test";
  process.env.MAIL_RETRY_SCHEDULE = "1,1";
  await closeMailer();
});
afterAll(async () => {
  await closeMailer();
  await sink.stop();
  delete process.env.SMTP_URL;
});
beforeEach(() => {
  sink.messages.length = 0;
  sink.reject.clear();
});

const form = (over: Record<string, string> = {}) => ({
  shopId: "12345678",
  mode: "TEST",
  amount: "15.90",
  currency: "EUR",
  reference: "REF",
  language: "fr",
  recipients: "anne@buyer.test",
  ...over,
});

/** What a worker does: deliver every due message, until none is left (waiting for retries). */
async function drain(maxMs = 15_000) {
  const t0 = Date.now();
  for (;;) {
    const due = await db.message.findMany({
      where: { status: "QUEUED", OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: new Date(Date.now() + 1000) } }] },
      select: { id: true },
    });
    if (due.length)
      await deliverEmails(
        db,
        due.map((m) => m.id),
      );
    const pending = await db.message.count({ where: { status: { in: ["QUEUED", "SENDING"] } } });
    if (!pending) return;
    if (Date.now() - t0 > maxMs) throw new Error(`${pending} messages still pending`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("e-mail orders (F-CH-MAIL)", () => {
  it("one order per recipient, BCC to the manager and another address, French formatting, text part", async () => {
    const { ids } = await createMailOrders(db, {
      actor: users.operator,
      values: form({ recipients: "anne@buyer.test; bob@buyer.test;\ncarl@buyer.test", bccManager: "on", bcc: "audit@shop.test" }),
    });
    expect(ids).toHaveLength(3);
    const orders = await db.paymentOrder.findMany({ where: { id: { in: ids } }, orderBy: { reference: "asc" } });
    expect(orders.map((o) => [o.reference, o.recipient, o.deliveryStatus, o.channel])).toEqual([
      ["REF-001", "anne@buyer.test", "IN_PROGRESS", "MAIL"],
      ["REF-002", "bob@buyer.test", "IN_PROGRESS", "MAIL"],
      ["REF-003", "carl@buyer.test", "IN_PROGRESS", "MAIL"],
    ]);

    await drain();
    expect(sink.messages).toHaveLength(3);
    for (const o of orders) {
      const m = sink.messages.find((x) => x.parsed.to && !Array.isArray(x.parsed.to) && x.parsed.to.text === o.recipient);
      expect(m, o.recipient!).toBeDefined();
      const mail = m!.parsed;
      // BCC: in the envelope, never in the headers
      expect(m!.rcptTo.sort()).toEqual([o.recipient, "audit@shop.test", "boutique@demo.test"].sort());
      expect(mail.headers.has("bcc")).toBe(false);
      expect(mail.from?.value[0]).toEqual({ name: "Boutique Démo", address: "orders@pay.example.test" });
      expect(mail.replyTo?.value[0]?.address).toBe("boutique@demo.test");
      expect(plain(mail.subject)).toBe("Boutique Démo : votre lien de paiement de 15,90 €");
      const link = `/pay/${o.token}`;
      expect(mail.html).toContain(`href="${process.env.APP_URL ?? "http://localhost:3000"}${link}"`);
      expect(mail.html).toContain(o.reference);
      expect(plain(mail.text)).toContain("15,90 €");
      expect(plain(mail.text)).toContain(link);
      expect(mail.text).not.toContain("<p>");
      const msg = await db.message.findFirstOrThrow({ where: { orderId: o.id } });
      expect(m!.messageId).toBe(msg.providerMessageId);
      expect(msg).toMatchObject({ status: "SENT", attempts: 1, language: "fr", error: null });
      expect(msg.sentAt).toBeInstanceOf(Date);
    }
    const after = await db.paymentOrder.findMany({ where: { id: { in: ids } } });
    expect(after.map((o) => [o.deliveryStatus, o.sendCount])).toEqual([
      ["SENT", 1],
      ["SENT", 1],
      ["SENT", 1],
    ]);
    const audit = await db.auditEvent.findMany({ where: { orderId: ids[0], action: "order.delivery.delivered" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorType).toBe("SYSTEM");
  });

  it("formats in the message language: €15.00 in English", async () => {
    await createMailOrders(db, { actor: users.operator, values: form({ amount: "15", language: "en", reference: "EN-1" }) });
    await drain();
    expect(plain(sink.messages[0]!.parsed.subject)).toBe("Boutique Démo: your payment link for €15.00");
    expect(plain(sink.messages[0]!.parsed.text)).toContain("€15.00");
  });

  it("the typed subject and body: variables replaced, unknown ones left visible, the link appended when absent", async () => {
    const { ids } = await createMailOrders(db, {
      actor: users.operator,
      values: form({
        reference: "TPL-1",
        subject: "Facture %reference% — %xyz%",
        message: '<p>Montant : %amount%</p><script>alert(1)</script><p onclick="x()">Merci</p>',
      }),
    });
    await drain();
    const mail = sink.messages[0]!.parsed;
    expect(plain(mail.subject)).toBe("Facture TPL-1 — %xyz%");
    expect(mail.html).not.toContain("<script");
    expect(mail.html).not.toContain("onclick");
    const token = (await db.paymentOrder.findUniqueOrThrow({ where: { id: ids[0] } })).token;
    expect(mail.html).toContain(`/pay/${token}`);
    expect(plain(mail.text)).toContain("Montant : 15,90 €");
  });

  it("lists exactly the invalid addresses and creates nothing", async () => {
    const before = await db.paymentOrder.count();
    const err = await createMailOrders(db, {
      actor: users.operator,
      values: form({ recipients: "ok@buyer.test; bad@; also bad ;x@y.test", bcc: "nope" }),
    }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.fields).toEqual({ recipients: "err_recipients_invalid", bcc: "err_bcc_invalid" });
    expect(err.details).toEqual({ invalidRecipients: ["bad@", "also bad"], invalidBcc: ["nope"] });
    expect(await db.paymentOrder.count()).toBe(before);
  });

  it("a permanent refusal (550) fails the delivery with the server's reason, without retrying", async () => {
    sink.reject.add("ghost@buyer.test");
    const { ids } = await createMailOrders(db, {
      actor: users.operator,
      values: form({ recipients: "ghost@buyer.test", reference: "G-1" }),
    });
    await drain();
    const msg = await db.message.findFirstOrThrow({ where: { orderId: ids[0] } });
    expect(msg.status).toBe("FAILED");
    expect(msg.attempts).toBe(1);
    expect(msg.error).toMatch(/550|mailbox unavailable/);
    const o = await db.paymentOrder.findUniqueOrThrow({ where: { id: ids[0] } });
    expect([o.deliveryStatus, o.sendCount]).toEqual(["FAILED", 0]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { orderId: ids[0], action: "order.delivery.failed" } });
    expect(JSON.stringify(audit.after)).toMatch(/mailbox unavailable/);
  });

  it("connection refused: retried on the schedule, delivered once the server is back; given up past the schedule", async () => {
    await sink.stop();
    const { ids } = await createMailOrders(db, { actor: users.operator, values: form({ reference: "DOWN-1" }) });
    const [id] = (await db.message.findMany({ where: { orderId: ids[0] }, select: { id: true } })).map((m) => m.id);
    expect(await deliverEmails(db, [id!])).toEqual({ sent: 0, failed: 0, retried: 1 });
    const waiting = await db.message.findUniqueOrThrow({ where: { id: id! } });
    expect(waiting.status).toBe("QUEUED");
    expect(waiting.error).toMatch(/ECONNREFUSED|ECONNECTION|ESOCKET/);
    expect(waiting.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now());
    expect((await db.paymentOrder.findUniqueOrThrow({ where: { id: ids[0] } })).deliveryStatus).toBe("IN_PROGRESS");
    // a delivery job waits for the retry
    const jobs = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'channels.email' AND data->>'messageId' = ${id} AND start_after > now()`;
    expect(jobs[0]!.n).toBe(1);
    await sink.start();
    await closeMailer();
    await drain();
    expect(sink.messages).toHaveLength(1);
    expect(await db.message.findUniqueOrThrow({ where: { id: id! } })).toMatchObject({ status: "SENT", attempts: 2 });

    // Past the last step of the schedule ("1,1": three attempts), it fails with the last reason.
    await sink.stop();
    await closeMailer();
    const r2 = await createMailOrders(db, { actor: users.operator, values: form({ reference: "DOWN-2" }) });
    await drain().catch(() => {});
    await new Promise((r) => setTimeout(r, 1200));
    await drain();
    const failed = await db.message.findFirstOrThrow({ where: { orderId: r2.ids[0] } });
    expect(failed.status).toBe("FAILED");
    expect(failed.attempts).toBe(3);
    expect(failed.error).toMatch(/gave up after 3 attempts/);
    expect((await db.paymentOrder.findUniqueOrThrow({ where: { id: r2.ids[0] } })).deliveryStatus).toBe("FAILED");
    await sink.start();
    await closeMailer();
  });

  it("a delivery is sent once however often its job runs; resend sends again and counts it", async () => {
    const { ids } = await createMailOrders(db, { actor: users.operator, values: form({ reference: "ONCE-1" }) });
    const msg = await db.message.findFirstOrThrow({ where: { orderId: ids[0] } });
    await Promise.all([deliverEmails(db, [msg.id]), deliverEmails(db, [msg.id]), deliverEmails(db, [msg.id])]);
    await deliverEmails(db, [msg.id]);
    expect(sink.messages).toHaveLength(1);
    await resendOrder(db, { actor: users.operator, orderId: ids[0]! });
    expect((await db.paymentOrder.findUniqueOrThrow({ where: { id: ids[0] } })).deliveryStatus).toBe("IN_PROGRESS");
    await drain();
    expect(sink.messages).toHaveLength(2);
    expect(sink.messages[0]!.messageId).not.toBe(sink.messages[1]!.messageId);
    expect(await db.paymentOrder.findUniqueOrThrow({ where: { id: ids[0] } })).toMatchObject({ deliveryStatus: "SENT", sendCount: 2 });
  });

  it("an order cancelled before its message left is not sent", async () => {
    const { ids } = await createMailOrders(db, { actor: users.operator, values: form({ reference: "CXL-1" }) });
    await cancelOrder(db, { actor: users.operator, orderId: ids[0]! });
    await drain();
    expect(sink.messages).toHaveLength(0);
    const msg = await db.message.findFirstOrThrow({ where: { orderId: ids[0] } });
    expect(msg).toMatchObject({ status: "FAILED", error: "not sent: the order is cancelled" });
  });

  it("after an accepted payment: a receipt to the buyer (order language) and a notice to the merchant (shop language)", async () => {
    const { ids } = await createMailOrders(db, {
      actor: users.operator,
      values: form({ recipients: "payer@buyer.test", reference: "PAID-1", language: "en", amount: "42" }),
    });
    await drain();
    sink.messages.length = 0;
    const order = await db.paymentOrder.findUniqueOrThrow({ where: { id: ids[0] } });
    const paid = await payNow({ token: order.token, card: card("4970100000000055") });
    expect(paid.outcome).toBe("ACCEPTED");
    const kinds = await db.message.findMany({
      where: { orderId: order.id },
      orderBy: { kind: "asc" },
      select: { kind: true, recipient: true },
    });
    expect(kinds).toEqual([
      { kind: "ORDER", recipient: "payer@buyer.test" },
      { kind: "RECEIPT_BUYER", recipient: "payer@buyer.test" },
      { kind: "RECEIPT_MERCHANT", recipient: "boutique@demo.test" },
    ]);
    await drain();
    const buyer = sink.messages.find((m) => m.rcptTo.includes("payer@buyer.test"))!.parsed;
    expect(plain(buyer.subject)).toBe("Boutique Démo: payment of €42.00 received");
    expect(buyer.text).toContain(paid.number);
    expect(buyer.headers.get("auto-submitted")).toBe("auto-generated");
    const merchant = sink.messages.find((m) => m.rcptTo.includes("boutique@demo.test"))!.parsed;
    expect(plain(merchant.subject)).toBe("Paiement reçu : 42,00 € pour l'ordre PAID-1");
    // receipts leave the order's delivery status and send count alone
    expect(await db.paymentOrder.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ deliveryStatus: "SENT", sendCount: 1 });
  });

  it("no SMTP_URL: the same SMTP path to the built-in catcher, whose mailbox each tenant sees alone", async () => {
    const saved = process.env.SMTP_URL;
    delete process.env.SMTP_URL;
    await closeMailer();
    try {
      const { ids } = await createMailOrders(db, {
        actor: users.operator,
        values: form({ reference: "CATCH-1", recipients: "zoe@buyer.test" }),
      });
      await drain();
      expect(sink.messages).toHaveLength(0);
      const mine = await findCaughtMail(db, { actor: users.operator });
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ shopId: "12345678", envelopeTo: ["zoe@buyer.test"] });
      const full = await getCaughtMail(db, { actor: users.operator, id: mine[0]!.id });
      const msg = await db.message.findFirstOrThrow({ where: { orderId: ids[0] } });
      expect(full).toMatchObject({ messageId: msg.providerMessageId, subject: expect.stringContaining("15,90") });
      expect(plain(full!.text ?? "")).toContain("15,90 €");
      expect(full!.html).toContain("CATCH-1");
      expect(await findCaughtMail(db, { actor: users.other })).toEqual([]);
      expect(await getCaughtMail(db, { actor: users.other, id: mine[0]!.id })).toBeNull();
    } finally {
      await closeMailer();
      process.env.SMTP_URL = saved;
    }
  });

  it("tenants: another company cannot create e-mail orders on this shop", async () => {
    await expect(createMailOrders(db, { actor: users.other, values: form() })).rejects.toMatchObject({
      code: expect.stringMatching(/FORBIDDEN|NOT_FOUND/),
    });
    await expect(createMailOrders(db, { actor: users.viewer, values: form() })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
