// Reminders before expiry (issue 10) with a controlled clock: sweepReminders(db, now) is called at
// chosen instants around each step of orders whose validity end is set by the test. Each step goes
// out once, at its time, outside the shop's quiet hours, on the order's own channel; never for a
// paid, cancelled or expired order, an opted-out one or a URL link; SMS credits are taken like any
// SMS; concurrent or repeated sweeps never send twice; the e-mail carries the link and the end date
// in the order's language.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { deliverEmails } from "@/lib/channels/deliver-emails";
import { deliverSms } from "@/lib/channels/deliver-sms";
import { countSms } from "@/lib/channels/sms-segments";
import { updateCompanySettings } from "@/lib/companies/update-company-settings";
import { cancelOrder } from "@/lib/orders/cancel-order";
import { createMailOrders } from "@/lib/orders/create-mail-orders";
import { createOrder } from "@/lib/orders/create-order";
import { createPhoneOrder } from "@/lib/orders/create-phone-order";
import { findOrderMessages } from "@/lib/orders/find-order-messages";
import { sweepReminders } from "@/lib/reminders/sweep-reminders";
import { closeMailer } from "@/lib/server/mailer";
import { paymentUrl } from "@/lib/shared/links";
import { updateShopSettings } from "@/lib/shops/update-shop-settings";
import { formatDateTime } from "@/lib/time/shop-time";
import { DEMO } from "@/prisma/demo-data";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { card, payNow } from "../helpers/orders";
import { startFakeTwilio } from "../helpers/provider-servers";
import { type SmtpSink, startSmtpSink } from "../helpers/smtp-sink";

const SHOP = DEMO.shop.id;
const DAY = 86_400_000;
const MIN = 60_000;
const POLICY = { enabled: true, steps: [3, 1], quietStart: "21:00", quietEnd: "08:00" };
/** Intl puts no-break spaces in amounts and dates; compare with plain spaces. */
const plain = (s: string | null | undefined) => (s ?? "").replace(/[\u00a0\u202f]/g, " ");

let users: Awaited<ReturnType<typeof seedTenants>>;
let sink: SmtpSink;

beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
  // Turned on the way an administrator does it (Settings › Shop), in Europe/Paris.
  const { getShopSettings } = await import("@/lib/shops/get-shop-settings");
  const { settings } = await getShopSettings(db, { actor: users.admin, shopId: SHOP });
  await updateShopSettings(db, {
    actor: users.admin,
    shopId: SHOP,
    settings: { ...settings, remindersPolicy: { enabled: true, steps: "3, 1", quietStart: "21:00", quietEnd: "08:00" } },
  });
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
// Each test's orders are closed after it, so that the next test's sweeps see only its own.
afterEach(async () => {
  await db.paymentOrder.updateMany({ where: { status: { in: ["RUNNING", "REFUSED"] } }, data: { status: "CANCELLED" } });
  await db.shop.update({ where: { id: SHOP }, data: { remindersPolicy: POLICY, timeZone: "Europe/Paris" } });
});

/** An instant `days` days from today at hh:mm UTC (Paris is UTC+1 or +2: 10:00 UTC is daytime there). */
const dayAt = (days: number, hh: number, mm = 0) => {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + days, hh, mm));
};
/** `minutes` after the moment step `step` falls due for an order valid until `v`. */
const at = (v: Date, step: number, minutes: number) => new Date(v.getTime() - step * DAY + minutes * MIN);

let seq = 0;
async function mailOrders(validUntil: Date, n = 1, over: Record<string, string> = {}) {
  seq += 1;
  const recipients = Array.from({ length: n }, (_, i) => `buyer${seq}-${i}@buyer.test`).join(";");
  const { ids } = await createMailOrders(db, {
    actor: users.operator,
    values: { shopId: SHOP, mode: "TEST", amount: "15.90", currency: "EUR", reference: `R${seq}`, language: "fr", recipients, ...over },
  });
  await db.paymentOrder.updateMany({ where: { id: { in: ids } }, data: { validUntil } });
  return ids;
}
const reminders = (orderIds: string[]) =>
  db.message.findMany({ where: { orderId: { in: orderIds }, kind: "REMINDER" }, orderBy: { createdAt: "asc" } });
const stepsOf = (orderId: string) =>
  db.orderReminder.findMany({ where: { orderId }, orderBy: { step: "desc" }, select: { step: true, messageId: true } });
const sent = async (now: Date) => (await sweepReminders(db, now)).reminders;

describe("reminder sweep", () => {
  it("sends each step once at its time (J-3, then J-1), nothing before; one job and one audit event each", async () => {
    const v = dayAt(20, 10);
    const [id] = await mailOrders(v);
    expect(await sent(at(v, 3, -1))).toBe(0);
    expect(await sweepReminders(db, at(v, 3, 1))).toEqual({ reminders: 1, skippedNoCredits: 0, skippedTooLong: 0 });
    const [j3] = await reminders([id!]);
    expect(j3).toMatchObject({ channel: "MAIL", kind: "REMINDER", recipient: `buyer${seq}-0@buyer.test`, status: "QUEUED", bcc: null });
    expect(await stepsOf(id!)).toEqual([{ step: 3, messageId: j3!.id }]);
    const jobs = await db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'channels.email' AND data->>'messageId' = $1`,
      j3!.id,
    );
    expect(jobs[0]!.n).toBe(1);
    const events = await db.auditEvent.findMany({ where: { orderId: id, action: "order.reminder" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorType: "SYSTEM", shopId: SHOP });
    expect(events[0]!.after).toEqual({ step: 3, steps: [3], channel: "MAIL", recipient: j3!.recipient, messageId: j3!.id });

    expect(await sent(at(v, 3, 10))).toBe(0);
    expect(await sent(at(v, 1, -1))).toBe(0);
    expect(await sent(at(v, 1, 1))).toBe(1);
    expect(await sent(at(v, 1, 30))).toBe(0);
    expect(await sent(at(v, 0, 1))).toBe(0);
    const all = await reminders([id!]);
    expect(all).toHaveLength(2);
    expect(await stepsOf(id!)).toEqual([
      { step: 3, messageId: all[0]!.id },
      { step: 1, messageId: all[1]!.id },
    ]);
    // The detail labels them by step.
    const listed = await findOrderMessages(db, { actor: users.viewer, orderId: id! });
    expect(listed.map((m) => [m.kind, m.reminderStep])).toEqual([
      ["ORDER", null],
      ["REMINDER", 3],
      ["REMINDER", 1],
    ]);
  });

  it("a late sweep with J-3 and J-1 both due sends one reminder and takes both steps: J-3 never follows J-1", async () => {
    const v = dayAt(21, 10);
    const [id] = await mailOrders(v);
    expect(await sent(at(v, 1, 5))).toBe(1);
    const [only] = await reminders([id!]);
    expect(await stepsOf(id!)).toEqual([
      { step: 3, messageId: only!.id },
      { step: 1, messageId: only!.id },
    ]);
    expect((await db.auditEvent.findFirstOrThrow({ where: { orderId: id, action: "order.reminder" } })).after).toMatchObject({
      step: 1,
      steps: [3, 1],
    });
    expect(await sent(at(v, 1, 10))).toBe(0);
    const listed = await findOrderMessages(db, { actor: users.viewer, orderId: id! });
    expect(listed.filter((m) => m.kind === "REMINDER").map((m) => m.reminderStep)).toEqual([1]);
  });

  it("an order created after a step's moment is not reminded for that step right after its own message", async () => {
    await db.shop.update({ where: { id: SHOP }, data: { remindersPolicy: { ...POLICY, quietStart: "00:00", quietEnd: "00:00" } } });
    const v = new Date(Date.now() + 2 * DAY);
    const [id] = await mailOrders(v);
    expect(await sent(new Date(Date.now() + MIN))).toBe(0);
    expect(await sent(at(v, 1, 1))).toBe(1);
    expect((await stepsOf(id!)).map((s) => s.step)).toEqual([1]);
  });

  it("respects quiet hours in the shop's zone: nothing inside them, sent by the first sweep after", async () => {
    // J-3 falls due at 21:30 UTC: 22:30 or 23:30 in Paris, inside 21:00–08:00.
    const v = dayAt(22, 21, 30);
    const [id] = await mailOrders(v);
    expect(await sent(at(v, 3, 1))).toBe(0);
    expect(await sent(at(v, 3, 6 * 60))).toBe(0); // 03:31 UTC, still night in Paris
    // 09:31 UTC the next morning: 10:31 or 11:31 in Paris.
    expect(await sent(at(v, 3, 12 * 60 + 1))).toBe(1);
    expect((await stepsOf(id!)).map((s) => s.step)).toEqual([3]);

    // The same instant is daytime in Tahiti (UTC−10): the shop's zone decides.
    const [other] = await mailOrders(v);
    await db.shop.update({ where: { id: SHOP }, data: { timeZone: "Pacific/Tahiti" } });
    expect(await sent(at(v, 3, 1))).toBe(1);
    expect((await reminders([other!])).length).toBe(1);
  });

  it("a shop with reminders off (or no policy) sends nothing", async () => {
    const v = dayAt(23, 10);
    const [id] = await mailOrders(v);
    await db.shop.update({ where: { id: SHOP }, data: { remindersPolicy: { ...POLICY, enabled: false } } });
    expect(await sent(at(v, 3, 1))).toBe(0);
    await db.$executeRawUnsafe(`UPDATE "Shop" SET "remindersPolicy" = NULL WHERE id = $1`, SHOP);
    expect(await sent(at(v, 3, 2))).toBe(0);
    expect(await reminders([id!])).toEqual([]);
    await db.shop.update({ where: { id: SHOP }, data: { remindersPolicy: POLICY } });
    expect(await sent(at(v, 3, 3))).toBe(1);
  });

  it("an order opted out at creation gets none; the others of the sweep do", async () => {
    const v = dayAt(24, 10);
    const out = await mailOrders(v, 2, { remindersOptOut: "on" });
    const [kept] = await mailOrders(v);
    expect(await sent(at(v, 1, 1))).toBe(1);
    expect(await reminders(out)).toEqual([]);
    expect(await reminders([kept!])).toHaveLength(1);
  });

  it("never a paid, cancelled or expired order (nor one past its validity not yet swept), nor a URL link; a refused one is", async () => {
    const v = dayAt(25, 10);
    const [paid, refused, cancelled, expired, lapsed, control] = await mailOrders(v, 6);
    const tokenOf = async (id: string) => (await db.paymentOrder.findUniqueOrThrow({ where: { id } })).token;
    await payNow({ token: await tokenOf(paid!), card: card("4970100000000055") });
    await payNow({ token: await tokenOf(refused!), card: card("4970100000000097") });
    await cancelOrder(db, { actor: users.operator, orderId: cancelled! });
    await db.paymentOrder.update({ where: { id: expired! }, data: { status: "EXPIRED" } });
    const now = at(v, 1, 1);
    await db.paymentOrder.update({ where: { id: lapsed! }, data: { validUntil: new Date(now.getTime() - MIN) } });
    const url = await createOrder(db, {
      actor: users.operator,
      shopId: SHOP,
      mode: "TEST",
      amountMinor: 1000,
      currency: "EUR",
      buyerEmail: "url@buyer.test",
      recipient: "url@buyer.test",
    });
    await db.paymentOrder.update({ where: { id: url.id }, data: { validUntil: v } });
    const statuses = await db.paymentOrder.findMany({ where: { id: { in: [paid!, refused!] } }, select: { id: true, status: true } });
    expect(Object.fromEntries(statuses.map((s) => [s.id, s.status]))).toEqual({ [paid!]: "PAID", [refused!]: "REFUSED" });

    expect(await sent(now)).toBe(2);
    const got = await reminders([paid!, refused!, cancelled!, expired!, lapsed!, control!, url.id]);
    expect(got.map((m) => m.orderId).sort()).toEqual([refused!, control!].sort());
  });

  it("two concurrent sweeps send one message per step (small batches, locked rows skipped)", async () => {
    const v = dayAt(26, 10);
    const ids = await mailOrders(v, 40);
    const now = at(v, 3, 1);
    const [a, b] = await Promise.all([sweepReminders(db, now, 7), sweepReminders(db, now, 7)]);
    expect(a.reminders + b.reminders).toBe(40);
    const got = await reminders(ids);
    expect(got).toHaveLength(40);
    expect(new Set(got.map((m) => m.orderId)).size).toBe(40);
    expect(await db.orderReminder.count({ where: { orderId: { in: ids } } })).toBe(40);
    expect(await db.auditEvent.count({ where: { orderId: { in: ids }, action: "order.reminder" } })).toBe(40);
  });

  it("no duplicate after a worker restart: the same sweep run again (same instant, or the next tick) sends nothing", async () => {
    const v = dayAt(27, 10);
    const ids = await mailOrders(v, 5);
    const now = at(v, 3, 1);
    expect(await sent(now)).toBe(5);
    // The worker dies after committing; pg-boss runs the sweep again when it restarts.
    expect(await sent(now)).toBe(0);
    expect(await sent(new Date(now.getTime() + 5 * MIN))).toBe(0);
    expect(await reminders(ids)).toHaveLength(5);
    expect(await db.orderReminder.count({ where: { orderId: { in: ids } } })).toBe(5);
  });

  it("SMS: the reminder's text is counted and its credits taken like an SMS order's; without credits the order waits", async () => {
    const setCredits = (n: number) => db.company.update({ where: { id: users.admin.companyId }, data: { smsCredits: n } });
    const credits = async () => (await db.company.findUniqueOrThrow({ where: { id: users.admin.companyId } })).smsCredits;
    const phone = async (reference: string) =>
      (
        await createPhoneOrder(db, {
          actor: users.operator,
          values: {
            shopId: SHOP,
            mode: "TEST",
            channel: "SMS",
            amount: "15.90",
            currency: "EUR",
            reference,
            language: "fr",
            phoneNumber: "06 12 34 56 78",
          },
        })
      ).id;
    await setCredits(100);
    const v = dayAt(28, 10);
    const first = await phone("SMS-R1");
    const second = await phone("SMS-R2");
    await db.paymentOrder.update({ where: { id: first }, data: { validUntil: v } });
    await db.paymentOrder.update({ where: { id: second }, data: { validUntil: new Date(v.getTime() + MIN) } });

    await setCredits(0);
    expect(await sweepReminders(db, at(v, 3, 5))).toEqual({ reminders: 0, skippedNoCredits: 2, skippedTooLong: 0 });
    expect(await db.orderReminder.count({ where: { orderId: { in: [first, second] } } })).toBe(0);

    // Enough for one: the one that expires first goes out; the other waits for credits.
    const order = await db.paymentOrder.findUniqueOrThrow({ where: { id: first } });
    const when = plain(formatDateTime(v, "Europe/Paris", "fr", false));
    const expected = `Rappel Boutique Démo : 15,90 € à régler (réf. SMS-R1) jusqu'au ${when} inclus sur ${paymentUrl(order.token)}`;
    const parts = countSms(expected).segments;
    await setCredits(parts);
    expect(await sweepReminders(db, at(v, 3, 10))).toEqual({ reminders: 1, skippedNoCredits: 1, skippedTooLong: 0 });
    const [msg] = await reminders([first]);
    expect(msg).toMatchObject({
      channel: "SMS",
      recipient: "+33612345678",
      text: expected,
      segments: parts,
      credits: parts,
      encoding: "GSM7",
    });
    expect(await credits()).toBe(0);
    expect((await db.auditEvent.findFirstOrThrow({ where: { orderId: first, action: "order.reminder" } })).after).toMatchObject({
      channel: "SMS",
      credits: parts,
    });

    await setCredits(10);
    expect(await sent(at(v, 3, 15))).toBe(1);
    expect(await reminders([second])).toHaveLength(1);
    expect(await credits()).toBe(10 - (await reminders([second]))[0]!.credits!);

    // The SMS worker sends the text as queued, through the company's provider account.
    const twilio = await startFakeTwilio({ login: "AC42", password: "pw" });
    try {
      await updateCompanySettings(db, {
        actor: users.admin,
        settings: {
          name: DEMO.company.name,
          managerEmail: DEMO.company.managerEmail,
          smsSender: "PAYDEMO",
          smsProviderUrl: twilio.url,
          smsLogin: "AC42",
          smsPassword: "pw",
        },
      } as never);
      expect(await deliverSms(db, [msg!.id])).toEqual({ sent: 1, failed: 0, retried: 0 });
      expect(new URLSearchParams(twilio.received[0]!.raw).get("Body")).toBe(expected);
    } finally {
      await twilio.stop();
    }
  });

  it("the e-mail renders the reminder template with the link and the end date in the order's language; not sent once paid", async () => {
    const v = dayAt(29, 10);
    const [fr] = await mailOrders(v);
    const [en] = await mailOrders(v, 1, { language: "en" });
    const [paidLater] = await mailOrders(v);
    expect(await sent(at(v, 3, 1))).toBe(3);
    const token = async (id: string) => (await db.paymentOrder.findUniqueOrThrow({ where: { id } })).token;
    await payNow({ token: await token(paidLater!), card: card("4970100000000055") });

    sink.messages.length = 0;
    const ids = (await reminders([fr!, en!, paidLater!])).map((m) => m.id);
    expect(await deliverEmails(db, ids)).toEqual({ sent: 2, failed: 1, retried: 0 });
    const mailTo = (address: string) => sink.messages.find((m) => m.rcptTo.includes(address))!.parsed;
    const recipientOf = async (id: string) => (await db.paymentOrder.findUniqueOrThrow({ where: { id } })).recipient!;

    const french = mailTo(await recipientOf(fr!));
    const frDate = plain(formatDateTime(v, "Europe/Paris", "fr", false));
    expect(plain(french.subject)).toBe(`Rappel : votre lien de paiement de 15,90 € expire le ${frDate}`);
    expect(french.html).toContain(`href="${paymentUrl(await token(fr!))}"`);
    expect(plain(french.text)).toContain(`Ce lien est valable jusqu’au ${frDate}.`);

    const english = mailTo(await recipientOf(en!));
    const enDate = plain(formatDateTime(v, "Europe/Paris", "en", false));
    expect(english.subject).toBe(`Reminder: your payment link for €15.90 expires on ${enDate}`);
    expect(english.html).toContain(`href="${paymentUrl(await token(en!))}"`);
    expect(plain(english.text)).toContain(`This link is valid until ${enDate}.`);

    const skipped = (await reminders([paidLater!]))[0]!;
    expect(skipped).toMatchObject({ status: "FAILED", error: "not sent: the order is paid" });
    expect((await db.paymentOrder.findUniqueOrThrow({ where: { id: paidLater! } })).deliveryStatus).toBe("IN_PROGRESS");

    // The shop's own default reminder for French replaces ours at the next step.
    await db.template.create({
      data: {
        shopId: SHOP,
        channel: "MAIL",
        kind: "REMINDER",
        name: "Relance maison",
        language: "fr",
        isDefault: true,
        subject: "Dernier jour : %reference%",
        body: "<p>Plus que quelques heures pour régler %amount%.</p>",
      },
    });
    expect(await sent(at(v, 1, 1))).toBe(2);
    sink.messages.length = 0;
    await deliverEmails(
      db,
      (await reminders([fr!])).map((m) => m.id),
    );
    const custom = sink.messages[0]!.parsed;
    expect(custom.subject).toMatch(/^Dernier jour : R\d+$/);
    // Without %url% in the template, the layout's button still leads to the page.
    expect(custom.html).toContain(paymentUrl(await token(fr!)));
  });
});
