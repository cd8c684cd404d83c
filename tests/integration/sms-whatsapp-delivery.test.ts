// SMS and WhatsApp delivery against real local HTTP servers implementing the providers' APIs
// (Twilio Messages, WhatsApp Cloud), our status callback and the sandbox gateways served over
// HTTP: request shape, auth, E.164, signed delivery reports, refusals and refunds, retries, PSP
// codes, the sandbox path end to end and the outbox per tenant.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as smsStatusRoute } from "@/app/api/channels/sms/status/route";
import { POST as sandboxSmsRoute } from "@/app/api/sandbox/sms/2010-04-01/Accounts/[login]/Messages.json/route";
import { POST as sandboxWhatsAppRoute } from "@/app/api/sandbox/whatsapp/[phoneNumberId]/messages/route";
import { deliverSms } from "@/lib/channels/deliver-sms";
import { deliverWhatsApp } from "@/lib/channels/deliver-whatsapp";
import { findSandboxMessages, usesSandboxGateways } from "@/lib/channels/find-sandbox-messages";
import { claimPhoneMessages, recordAccepted } from "@/lib/channels/phone-delivery";
import { recoverMessages } from "@/lib/channels/recover-messages";
import { countSms } from "@/lib/channels/sms-segments";
import { twilioSignature } from "@/lib/channels/twilio-signature";
import { updateCompanySettings } from "@/lib/companies/update-company-settings";
import { createOrder } from "@/lib/orders/create-order";
import { appUrl } from "@/lib/server/env";
import { formatDateTime } from "@/lib/time/shop-time";
import { DEMO } from "@/prisma/demo-data";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { type FakeProvider, form, startFakeTwilio, startFakeWhatsApp } from "../helpers/provider-servers";
import { startRouteServer } from "../helpers/route-server";

// APP_URL is read once per process: it must point at the route server before anything loads.
const { appPort } = await vi.hoisted(async () => {
  const net = await import("node:net");
  const port = await new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
  process.env.APP_URL = `http://127.0.0.1:${port}`;
  return { appPort: port };
});

const TWILIO = { login: "AC0123456789", password: "twilio-secret-1" };
const WA = { phoneNumberId: "1098765", token: "wa-token-1" };
const SHOP = DEMO.shop.id;
const plain = (s: string | null | undefined) => (s ?? "").replace(/[\u00a0\u202f]/g, " ");

let users: Awaited<ReturnType<typeof seedTenants>>;
let twilio: Awaited<ReturnType<typeof startFakeTwilio>>;
let wa: FakeProvider;
let routes: Awaited<ReturnType<typeof startRouteServer>>;
let companyId: string;

beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
  companyId = users.admin.companyId;
  process.env.SMS_RETRY_SCHEDULE = "1,1";
  process.env.WHATSAPP_RETRY_SCHEDULE = "1,1";
  process.env.SANDBOX_SMS_CALLBACK_DELAY_MS = "100";
  twilio = await startFakeTwilio(TWILIO);
  wa = await startFakeWhatsApp(WA);
  routes = await startRouteServer(
    [
      { pattern: /^\/api\/channels\/sms\/status$/, handler: smsStatusRoute },
      { pattern: /^\/api\/sandbox\/sms\/2010-04-01\/Accounts\/(?<login>[^/]+)\/Messages\.json$/, handler: sandboxSmsRoute as never },
      { pattern: /^\/api\/sandbox\/whatsapp\/(?<phoneNumberId>[^/]+)\/messages$/, handler: sandboxWhatsAppRoute as never },
    ],
    appPort,
  );
  // Credits are debited at creation: give the companies plenty.
  await db.company.updateMany({ data: { smsCredits: 1000 } });
});
afterAll(async () => {
  await twilio.stop();
  await wa.stop();
  await routes.stop();
  for (const k of ["WHATSAPP_API_URL", "WHATSAPP_TOKEN", "WHATSAPP_PHONE_NUMBER_ID", "WHATSAPP_TEMPLATE_NAME"]) delete process.env[k];
});
beforeEach(() => {
  twilio.received.length = 0;
  twilio.script.length = 0;
  wa.received.length = 0;
  wa.script.length = 0;
});

const baseSettings = { name: DEMO.company.name, managerEmail: DEMO.company.managerEmail, smsSender: "PAYDEMO" };
async function useOwnSmsAccount(url: string | null, password = TWILIO.password) {
  await updateCompanySettings(db, {
    actor: users.admin,
    settings: { ...baseSettings, smsProviderUrl: url, smsLogin: url ? TWILIO.login : "", smsPassword: url ? password : "" },
  } as never);
}

let seq = 0;
async function createPhoneOrder(
  channel: "SMS" | "WHATSAPP",
  recipient: string,
  message?: string,
  actor = users.operator,
  shopId: string = SHOP,
) {
  seq += 1;
  const o = await createOrder(db, {
    actor,
    shopId,
    mode: "TEST",
    channel,
    recipient,
    message,
    amountMinor: 1590,
    currency: "EUR",
    reference: `PH-${seq}`,
  });
  const msg = await db.message.findFirstOrThrow({ where: { orderId: o.id } });
  return { ...o, msg };
}

/** The credits debited for an order's message at creation (simulated if the creation did not debit). */
async function debited(messageId: string) {
  const m = await db.message.findUniqueOrThrow({ where: { id: messageId } });
  if (m.credits) return m.credits;
  await db.message.update({ where: { id: messageId }, data: { credits: 2 } });
  await db.company.update({ where: { id: companyId }, data: { smsCredits: { decrement: 2 } } });
  return 2;
}
const credits = async () => (await db.company.findUniqueOrThrow({ where: { id: companyId } })).smsCredits;

/** What a worker does: deliver every due message of the channel until none is pending. */
async function drain(channel: "SMS" | "WHATSAPP", maxMs = 15_000) {
  const t0 = Date.now();
  for (;;) {
    const due = await db.message.findMany({
      where: { channel, status: "QUEUED", OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: new Date(Date.now() + 1000) } }] },
      select: { id: true },
    });
    if (due.length)
      await (channel === "SMS" ? deliverSms : deliverWhatsApp)(
        db,
        due.map((m) => m.id),
      );
    const pending = await db.message.count({ where: { channel, status: { in: ["QUEUED", "SENDING"] } } });
    if (!pending) return;
    if (Date.now() - t0 > maxMs) throw new Error(`${pending} messages still pending`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, maxMs = 5000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() - t0 > maxMs) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

const order = (id: string) => db.paymentOrder.findUniqueOrThrow({ where: { id } });
const message = (id: string) => db.message.findUniqueOrThrow({ where: { id } });
const audit = (orderId: string) =>
  db.auditEvent.findMany({ where: { orderId }, orderBy: { createdAt: "asc" } }).then((a) => a.map((e) => e.action));

describe("SMS through a Twilio-compatible provider (the company's own account)", () => {
  beforeAll(() => useOwnSmsAccount(twilio.url));

  it("posts To (E.164), From, Body, StatusCallback with Basic auth; signed reports move the statuses, idempotently", async () => {
    const o = await createPhoneOrder("SMS", "+33612345678", "Boutique Démo : réglez %amount% sur %url%");
    await drain("SMS");
    expect(twilio.received).toHaveLength(1);
    const req = twilio.received[0]!;
    expect(req.method).toBe("POST");
    expect(req.path).toBe(`/2010-04-01/Accounts/${TWILIO.login}/Messages.json`);
    expect(req.headers.authorization).toBe(`Basic ${Buffer.from(`${TWILIO.login}:${TWILIO.password}`).toString("base64")}`);
    expect(req.headers["content-type"]).toContain("application/x-www-form-urlencoded");
    const f = form(req);
    expect(f.To).toBe("+33612345678");
    expect(f.From).toBe("PAYDEMO");
    expect(plain(f.Body)).toBe(`Boutique Démo : réglez 15,90 € sur ${appUrl()}/pay/${o.token}`);
    expect(f.StatusCallback).toBe(`${appUrl()}/api/channels/sms/status?message=${o.msg.id}`);

    let m = await message(o.msg.id);
    const count = countSms(f.Body!);
    expect(m).toMatchObject({ status: "SENT", providerStatus: "queued", text: f.Body, segments: count.segments, encoding: count.encoding });
    const sid = m.providerMessageId!;
    expect(sid).toMatch(/^SM\d{32}$/);
    expect(await order(o.id)).toMatchObject({ deliveryStatus: "IN_PROGRESS", sendCount: 1 });

    expect(await twilio.report(req, sid, "sent")).toBe(204);
    expect(await order(o.id)).toMatchObject({ deliveryStatus: "SENT", sendCount: 1 });
    expect(await twilio.report(req, sid, "delivered")).toBe(204);
    m = await message(o.msg.id);
    expect(m).toMatchObject({ status: "SENT", providerStatus: "delivered" });
    const trail = await audit(o.id);
    expect(trail).toEqual(["order.create", "order.delivery.accepted", "order.delivery.delivered", "order.delivery.provider_status"]);

    // Repeated, late and forged reports change nothing.
    expect(await twilio.report(req, sid, "delivered")).toBe(204);
    expect(await twilio.report(req, sid, "sent")).toBe(204);
    expect(await twilio.report(req, sid, "undelivered", { password: "not-the-password" })).toBe(403);
    expect(await twilio.report(req, "SMother", "undelivered")).toBe(204);
    expect(await message(o.msg.id)).toMatchObject({ status: "SENT", providerStatus: "delivered" });
    expect(await order(o.id)).toMatchObject({ deliveryStatus: "SENT" });
    expect(await audit(o.id)).toEqual(trail);
  });

  it("the built-in template when the order has no text; an unknown message id is 404", async () => {
    const o = await createPhoneOrder("SMS", "+33612345679");
    await drain("SMS");
    const end = plain(formatDateTime(o.validUntil, "Europe/Paris", "fr", false));
    expect(plain(form(twilio.received[0]!).Body)).toBe(
      `Boutique Démo : réglez 15,90 € (réf. ${o.row.reference}) avant le ${end} sur ${appUrl()}/pay/${o.token}`,
    );
    const res = await fetch(`${appUrl()}/api/channels/sms/status?message=01890000-0000-7000-8000-000000000000`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "MessageSid=SMx&MessageStatus=delivered",
    });
    expect(res.status).toBe(404);
  });

  it("undelivered after acceptance: message and order failed, credits kept (the provider bills what it accepted)", async () => {
    const o = await createPhoneOrder("SMS", "+33612345670", "Payez ici");
    await debited(o.msg.id);
    await drain("SMS");
    const before = await credits();
    const m = await message(o.msg.id);
    expect(await twilio.report(twilio.received[0]!, m.providerMessageId!, "undelivered", { errorCode: "30003" })).toBe(204);
    expect(await message(o.msg.id)).toMatchObject({ status: "FAILED", providerStatus: "undelivered" });
    expect((await message(o.msg.id)).error).toContain("30003");
    expect(await order(o.id)).toMatchObject({ deliveryStatus: "FAILED", sendCount: 1 });
    expect(await credits()).toBe(before);
    expect((await audit(o.id)).at(-1)).toBe("order.delivery.failed");
  });

  it("undelivered after the provider reported it sent: the order goes from sent to failed (the table's `failed`)", async () => {
    const o = await createPhoneOrder("SMS", "+33612345669", "Payez ici");
    await drain("SMS");
    const sid = (await message(o.msg.id)).providerMessageId!;
    expect(await twilio.report(twilio.received[0]!, sid, "sent")).toBe(204);
    expect(await order(o.id)).toMatchObject({ deliveryStatus: "SENT" });
    expect(await twilio.report(twilio.received[0]!, sid, "undelivered", { errorCode: "30005" })).toBe(204);
    expect(await message(o.msg.id)).toMatchObject({ status: "FAILED", providerStatus: "undelivered" });
    expect(await order(o.id)).toMatchObject({ deliveryStatus: "FAILED", sendCount: 1 });
    expect((await audit(o.id)).slice(-2)).toEqual(["order.delivery.delivered", "order.delivery.failed"]);
  });

  it("a 4xx refusal (invalid number) fails at once with PSP_1031 and refunds the credits", async () => {
    const o = await createPhoneOrder("SMS", "+33612344000", "Payez ici");
    const cost = await debited(o.msg.id);
    const before = await credits();
    await drain("SMS");
    const m = await message(o.msg.id);
    expect(m).toMatchObject({ status: "FAILED", attempts: 1, credits: 0 });
    expect(m.error).toMatch(/^PSP_1031: HTTP 400 \(21211\)/);
    expect(await order(o.id)).toMatchObject({ deliveryStatus: "FAILED", sendCount: 0 });
    expect(await credits()).toBe(before + cost);
    const ev = await db.auditEvent.findFirstOrThrow({ where: { orderId: o.id, action: "order.delivery.failed" } });
    expect(ev.after).toMatchObject({ creditsRefunded: cost, deliveryStatus: "FAILED" });
    expect(ev.companyId).toBe(companyId);
  });

  it("refused credentials: PSP_1029, permanent, refunded", async () => {
    await useOwnSmsAccount(twilio.url, "wrong-password");
    try {
      const o = await createPhoneOrder("SMS", "+33612345671", "Payez ici");
      const cost = await debited(o.msg.id);
      const before = await credits();
      await drain("SMS");
      expect(twilio.received).toHaveLength(1);
      expect((await message(o.msg.id)).error).toMatch(/^PSP_1029: HTTP 401 \(20003\)/);
      expect(await credits()).toBe(before + cost);
    } finally {
      await useOwnSmsAccount(twilio.url);
    }
  });

  it("5xx answers are retried on the schedule, then the message goes out", async () => {
    twilio.script.push({ status: 503, body: { message: "busy" } }, { status: 500, body: {} });
    const o = await createPhoneOrder("SMS", "+33612345672", "Payez ici");
    await drain("SMS");
    expect(twilio.received).toHaveLength(3);
    expect(await message(o.msg.id)).toMatchObject({ status: "SENT", attempts: 3, error: null });
    expect(await order(o.id)).toMatchObject({ deliveryStatus: "IN_PROGRESS", sendCount: 1 });
  });

  it("connection refused, then the provider is back: retried and sent", async () => {
    await twilio.stop();
    const o = await createPhoneOrder("SMS", "+33612345673", "Payez ici");
    await deliverSms(db, [o.msg.id]);
    const m = await message(o.msg.id);
    expect(m).toMatchObject({ status: "QUEUED", attempts: 1 });
    expect(m.error).toMatch(/^PSP_1044: gateway unreachable: ECONNREFUSED/);
    await twilio.start();
    await drain("SMS");
    expect(await message(o.msg.id)).toMatchObject({ status: "SENT", attempts: 2 });
  });

  it("a provider down past the schedule: failed with PSP_1044 and refunded", async () => {
    twilio.script.push({ status: 502, body: {} }, { status: 502, body: {} }, "close");
    const o = await createPhoneOrder("SMS", "+33612345674", "Payez ici");
    const cost = await debited(o.msg.id);
    const before = await credits();
    await drain("SMS");
    const m = await message(o.msg.id);
    expect(m).toMatchObject({ status: "FAILED", attempts: 3, credits: 0 });
    expect(m.error).toMatch(/^PSP_1044: gateway unreachable: .*\(gave up after 3 attempts\)$/);
    expect(await credits()).toBe(before + cost);
  });

  it("a report that overtakes the provider's answer is applied when the answer is recorded", async () => {
    const o = await createPhoneOrder("SMS", "+33612345675", "Payez ici");
    await claimPhoneMessages(db, "SMS", [o.msg.id]);
    const url = `${appUrl()}/api/channels/sms/status?message=${o.msg.id}`;
    const params = { MessageSid: "SMearly", MessageStatus: "delivered" };
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": twilioSignature(url, params, TWILIO.password) },
      body: new URLSearchParams(params).toString(),
    });
    expect(res.status).toBe(204);
    expect(await message(o.msg.id)).toMatchObject({ status: "SENDING", providerStatus: "delivered" });
    await recordAccepted(db, {
      id: o.msg.id,
      text: "Payez ici",
      language: "fr",
      providerMessageId: "SMearly",
      providerStatus: "queued",
      deliveredOnAccept: false,
    });
    expect(await message(o.msg.id)).toMatchObject({ status: "SENT", providerStatus: "delivered", providerMessageId: "SMearly" });
    expect(await order(o.id)).toMatchObject({ deliveryStatus: "SENT", sendCount: 1 });
  });

  it("an order paid or cancelled before its SMS went out: not sent, credits refunded, order status untouched", async () => {
    const o = await createPhoneOrder("SMS", "+33612345676", "Payez ici");
    const cost = await debited(o.msg.id);
    await db.paymentOrder.update({ where: { id: o.id }, data: { status: "CANCELLED" } });
    const before = await credits();
    await drain("SMS");
    expect(twilio.received).toHaveLength(0);
    expect((await message(o.msg.id)).error).toBe("not sent: the order is cancelled");
    expect(await order(o.id)).toMatchObject({ deliveryStatus: "IN_PROGRESS" });
    expect(await credits()).toBe(before + cost);
  });

  it("stale SMS claims of a dead worker are queued again on the SMS queue", async () => {
    const o = await createPhoneOrder("SMS", "+33612345677", "Payez ici");
    await db.message.update({ where: { id: o.msg.id }, data: { status: "SENDING", claimedAt: new Date(Date.now() - 3_600_000) } });
    expect(await recoverMessages(db)).toBeGreaterThanOrEqual(1);
    const jobs = await db.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'channels.sms' AND data->>'messageId' = $1`,
      o.msg.id,
    );
    expect(jobs[0]!.n).toBeGreaterThanOrEqual(2);
    // The new job's handler claims the stale message (a SENDING claim past the lease) and sends it.
    expect(await deliverSms(db, [o.msg.id])).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(await message(o.msg.id)).toMatchObject({ status: "SENT" });
  });
});

describe("WhatsApp through a Cloud API-compatible provider", () => {
  beforeAll(() => {
    process.env.WHATSAPP_API_URL = wa.url;
    process.env.WHATSAPP_TOKEN = WA.token;
    process.env.WHATSAPP_PHONE_NUMBER_ID = WA.phoneNumberId;
  });
  afterAll(() => {
    delete process.env.WHATSAPP_TEMPLATE_NAME;
  });

  it("posts a JSON text message with a link preview and a bearer token; accepted = sent", async () => {
    const o = await createPhoneOrder("WHATSAPP", "+33612345678", "Bonjour, réglez %amount% : %url%");
    await drain("WHATSAPP");
    const req = wa.received[0]!;
    expect(req.path).toBe(`/${WA.phoneNumberId}/messages`);
    expect(req.headers.authorization).toBe(`Bearer ${WA.token}`);
    expect(req.headers["content-type"]).toBe("application/json");
    const body = JSON.parse(req.raw);
    expect(body).toMatchObject({ messaging_product: "whatsapp", to: "33612345678", type: "text", text: { preview_url: true } });
    expect(plain(body.text.body)).toBe(`Bonjour, réglez 15,90 € : ${appUrl()}/pay/${o.token}`);
    expect(await message(o.msg.id)).toMatchObject({ status: "SENT", providerMessageId: "wamid.TEST1", providerStatus: "accepted" });
    expect(await order(o.id)).toMatchObject({ deliveryStatus: "SENT", sendCount: 1 });
    expect(await audit(o.id)).toEqual(["order.create", "order.delivery.delivered"]);
  });

  it("a template message with the order's values when WHATSAPP_TEMPLATE_NAME is set", async () => {
    process.env.WHATSAPP_TEMPLATE_NAME = "payment_link";
    try {
      const o = await createPhoneOrder("WHATSAPP", "+33612345678");
      await drain("WHATSAPP");
      const body = JSON.parse(wa.received[0]!.raw);
      expect(body.type).toBe("template");
      expect(body.template.name).toBe("payment_link");
      expect(body.template.language).toEqual({ code: "fr" });
      const values = body.template.components[0].parameters.map((p: { text: string }) => plain(p.text));
      expect(values[0]).toBe("Boutique Démo");
      expect(values[1]).toBe("15,90 €");
      expect(values[2]).toBe(o.row.reference);
      expect(values[4]).toBe(`${appUrl()}/pay/${o.token}`);
    } finally {
      delete process.env.WHATSAPP_TEMPLATE_NAME;
    }
  });

  it.each([
    [400, 131026, "PSP_1002"],
    [401, 190, "PSP_1003"],
    [404, 132001, "PSP_1004"],
    [400, 131047, "PSP_1002"],
  ])("Graph error HTTP %i code %i → %s, failed at once, no retry", async (status, code, psp) => {
    wa.script.push({ status, body: { error: { message: `error ${code}`, type: "OAuthException", code } } });
    const o = await createPhoneOrder("WHATSAPP", "+33612345678");
    await drain("WHATSAPP");
    expect(wa.received).toHaveLength(1);
    const m = await message(o.msg.id);
    expect(m.status).toBe("FAILED");
    expect(m.error).toMatch(new RegExp(`^${psp}: HTTP ${status} \\(${code}\\)`));
    expect(await order(o.id)).toMatchObject({ deliveryStatus: "FAILED" });
  });

  it("a 500 then accepted: retried; unreachable past the schedule: PSP_1001", async () => {
    wa.script.push({ status: 500, body: { error: { message: "oops", code: 1 } } });
    const a = await createPhoneOrder("WHATSAPP", "+33612345678");
    await drain("WHATSAPP");
    expect(await message(a.msg.id)).toMatchObject({ status: "SENT", attempts: 2 });

    await wa.stop();
    try {
      const b = await createPhoneOrder("WHATSAPP", "+33612345678");
      await drain("WHATSAPP");
      const m = await message(b.msg.id);
      expect(m).toMatchObject({ status: "FAILED", attempts: 3 });
      expect(m.error).toMatch(/^PSP_1001: gateway unreachable: ECONNREFUSED.*\(gave up after 3 attempts\)$/);
    } finally {
      await wa.start();
    }
  });

  it("a partial configuration is PSP_1003", async () => {
    delete process.env.WHATSAPP_TOKEN;
    try {
      const o = await createPhoneOrder("WHATSAPP", "+33612345678");
      await drain("WHATSAPP");
      expect(wa.received).toHaveLength(0);
      expect((await message(o.msg.id)).error).toMatch(/^PSP_1003: WhatsApp not configured/);
    } finally {
      process.env.WHATSAPP_TOKEN = WA.token;
    }
  });
});

describe("the sandbox gateways (nothing configured)", () => {
  beforeAll(async () => {
    await useOwnSmsAccount(null);
    for (const k of ["WHATSAPP_API_URL", "WHATSAPP_TOKEN", "WHATSAPP_PHONE_NUMBER_ID"]) delete process.env[k];
    await db.sandboxMessage.deleteMany();
  });

  it("an SMS lands in the sandbox, whose signed report marks the order sent; 0000 → undelivered; 0001 → refused and refunded", async () => {
    const ok = await createPhoneOrder("SMS", "+33611112222", "Payez %amount% : %url%");
    const lost = await createPhoneOrder("SMS", "+33611110000", "Payez ici");
    const refused = await createPhoneOrder("SMS", "+33611110001", "Payez ici");
    const cost = await debited(refused.msg.id);
    const before = await credits();
    await drain("SMS");
    expect(twilio.received).toHaveLength(0);
    const rows = await db.sandboxMessage.findMany({ where: { channel: "SMS" }, orderBy: { to: "asc" } });
    expect(rows.map((r) => [r.to, r.shopId, r.account, r.from])).toEqual([
      ["+33611110000", SHOP, "ACsandbox", "PAYDEMO"],
      ["+33611112222", SHOP, "ACsandbox", "PAYDEMO"],
    ]);
    expect(plain(rows[1]!.body)).toBe(`Payez 15,90 € : ${appUrl()}/pay/${ok.token}`);

    expect(
      await until(
        () => order(ok.id),
        (o) => o.deliveryStatus === "SENT",
      ),
    ).toMatchObject({ deliveryStatus: "SENT", sendCount: 1 });
    expect(await message(ok.msg.id)).toMatchObject({ status: "SENT", providerStatus: "delivered" });
    expect(
      await until(
        () => order(lost.id),
        (o) => o.deliveryStatus === "FAILED",
      ),
    ).toMatchObject({ deliveryStatus: "FAILED" });
    expect(await message(lost.msg.id)).toMatchObject({ status: "FAILED", providerStatus: "undelivered" });
    expect(
      await until(
        () => db.sandboxMessage.findMany({ where: { channel: "SMS" } }),
        (r) => r.every((x) => x.status !== "queued"),
      ),
    ).toHaveLength(2);

    expect((await message(refused.msg.id)).error).toMatch(/^PSP_1031: HTTP 400 \(21211\)/);
    expect(await credits()).toBe(before + cost);
  });

  it("a WhatsApp message lands in the sandbox (sent); 0000 is not on WhatsApp (PSP_1002)", async () => {
    const ok = await createPhoneOrder("WHATSAPP", "+33622223333", "Bonjour : %url%");
    const no = await createPhoneOrder("WHATSAPP", "+33622220000");
    await drain("WHATSAPP");
    expect(await order(ok.id)).toMatchObject({ deliveryStatus: "SENT" });
    const row = await db.sandboxMessage.findFirstOrThrow({ where: { channel: "WHATSAPP" } });
    expect(row).toMatchObject({ to: "+33622223333", shopId: SHOP, body: `Bonjour : ${appUrl()}/pay/${ok.token}`, status: "accepted" });
    expect((await message(no.msg.id)).error).toMatch(/^PSP_1002: HTTP 400 \(131026\)/);
  });

  it("the outbox is per tenant", async () => {
    const theirs = await createPhoneOrder("WHATSAPP", "+33633334444", "Autre", users.other, DEMO.other.shop.id);
    await drain("WHATSAPP");
    expect(await order(theirs.id)).toMatchObject({ deliveryStatus: "SENT" });
    const mine = await findSandboxMessages(db, { actor: users.viewer });
    const other = await findSandboxMessages(db, { actor: users.other });
    expect(mine.length).toBe(3);
    expect(mine.every((m) => m.shopId === SHOP)).toBe(true);
    expect(other.map((m) => m.to)).toEqual(["+33633334444"]);
    expect(await usesSandboxGateways(db, { actor: users.viewer })).toBe(true);
  });

  it("the sandboxes refuse other credentials, like the real APIs", async () => {
    const sms = await fetch(`${appUrl()}/api/sandbox/sms/2010-04-01/Accounts/ACsandbox/Messages.json`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from("ACsandbox:guess").toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: "To=%2B33611112222&From=X&Body=hi",
    });
    expect(sms.status).toBe(401);
    expect(await sms.json()).toMatchObject({ code: 20003 });
    const whatsapp = await fetch(`${appUrl()}/api/sandbox/whatsapp/100000000000000/messages`, {
      method: "POST",
      headers: { authorization: "Bearer guess", "content-type": "application/json" },
      body: JSON.stringify({ messaging_product: "whatsapp", to: "33611112222", type: "text", text: { body: "hi" } }),
    });
    expect(whatsapp.status).toBe(401);
    expect(await whatsapp.json()).toMatchObject({ error: { code: 190 } });
  });
});
