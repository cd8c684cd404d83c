// Structured logs: every line written while the server front (lib/server/front.ts) and the worker
// (in this process) handle an API call with Basic auth, a sign-in with a password, an e-mail send,
// a card payment and its HMAC-signed IPN is captured, parsed and searched. Lines are JSON with
// level, time and msg; requests carry their id, and the worker's lines about the order carry the
// id of the request that queued them; no line holds the card number, the password, the API key,
// the HMAC key, the buyer link's token or an e-mail body.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { startWorker } from "@/lib/composition/worker";
import { stopBoss } from "@/lib/server/jobs/boss";
import { logger, setLogDestination } from "@/lib/server/logger";
import { closeMailer } from "@/lib/server/mailer";
import { DEMO } from "@/prisma/demo-data";
import { basic, DEMO_TEST } from "../helpers/api";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { startFrontServer } from "../helpers/front-server";
import { type SmtpSink, startSmtpSink } from "../helpers/smtp-sink";

const CARD = "4970100000000055";
const PASSWORD = DEMO.users[0].password;
const API_KEY = DEMO_TEST.password;
const HMAC_KEY = DEMO.shop.keys.testHmacKey;

const output: string[] = [];
const lines = () =>
  output
    .join("")
    .split("\n")
    .filter((l) => l.trim() !== "");
const records = () => lines().map((l) => JSON.parse(l) as Record<string, unknown>);

let front: Awaited<ReturnType<typeof startFrontServer>>;
let sink: SmtpSink;
const ipnBodies: string[] = [];
const ipn = http.createServer((req, res) => {
  let body = "";
  req.on("data", (c) => (body += c));
  req.on("end", () => {
    ipnBodies.push(body);
    res.end("OK");
  });
});

async function until(ok: () => boolean | Promise<boolean>, what: string, ms = 20_000) {
  const t0 = Date.now();
  while (!(await ok())) {
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

// Next's stand-in: the credentials sign-in (next-auth's callback) checks the password.
async function nextStandIn(req: http.IncomingMessage, res: http.ServerResponse) {
  let body = "";
  for await (const c of req) body += c;
  if (req.method === "POST" && req.url === "/api/auth/callback/credentials") {
    const form = new URLSearchParams(body);
    const r = await verifyCredentials(db, { email: form.get("email") ?? "", password: form.get("password") ?? "" });
    res.writeHead(r.ok ? 200 : 401).end();
    return;
  }
  res.writeHead(404).end();
}

beforeAll(async () => {
  setLogDestination({ write: (s: string) => void output.push(s) }, "info");
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
  process.env.ALLOW_PRIVATE_WEBHOOKS = "1";
  await closeMailer();
  await new Promise<void>((r) => ipn.listen(0, "127.0.0.1", () => r()));
  await resetDatabase();
  await seedTenants();
  await db.notificationRule.create({
    data: {
      shopId: DEMO.shop.id,
      kind: "URL_CALL",
      label: "ERP",
      events: ["PAYMENT_ACCEPTED"],
      urlTest: `http://127.0.0.1:${(ipn.address() as AddressInfo).port}/ipn`,
      hashKey: "sha256_hmac",
    },
  });
  front = await startFrontServer((req, res) => void nextStandIn(req, res));
  await startWorker();
});
afterAll(async () => {
  await stopBoss();
  await closeMailer();
  await front.stop();
  await sink.stop();
  await new Promise<void>((r) => ipn.close(() => r()));
  setLogDestination(null);
  delete process.env.SMTP_URL;
  delete process.env.ALLOW_PRIVATE_WEBHOOKS;
});

describe("structured JSON logs", () => {
  it("an API call, a sign-in, an e-mail, a payment and its IPN: request ids followed, no secret in any line", async () => {
    // The API call (Basic auth) creates an e-mail order: the worker sends it.
    const api = await fetch(`${front.base}/api-payment/V4/Charge/CreatePaymentOrder`, {
      method: "POST",
      headers: { Authorization: basic(DEMO_TEST), "X-Request-Id": "req-api-1", "Content-Type": "application/json" },
      body: JSON.stringify({
        amount: 4990,
        currency: "EUR",
        orderId: "LOG-1",
        channelOptions: { channelType: "MAIL", mailOptions: { recipient: "buyer@example.test", subject: "Your order LOG-1" } },
      }),
    });
    const answer = (await api.json()).answer;
    expect(api.headers.get("x-request-id")).toBe("req-api-1");
    const orderId: string = answer.paymentOrderId;
    const token = String(answer.paymentURL).split("/pay/")[1]!;
    await until(() => sink.messages.length >= 1, "the order's e-mail");

    // A sign-in with a password (through the front, to Next's stand-in).
    const signIn = await fetch(`${front.base}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Request-Id": "req-signin-1" },
      body: new URLSearchParams({ email: DEMO.users[0].email, password: PASSWORD }).toString(),
    });
    expect(signIn.status).toBe(200);

    // A card payment on the buyer page: accepted, its HMAC-signed IPN delivered by the worker.
    const pay = await fetch(`${front.base}/pay/${token}`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Request-Id": "req-pay-1" },
      body: new URLSearchParams({ cardNumber: "4970 1000 0000 0055", expiry: "12/30", cvc: "123", cardName: "Anne Buyer" }).toString(),
    });
    expect(pay.status).toBe(303);
    expect(await db.paymentOrder.findUniqueOrThrow({ where: { id: orderId }, select: { status: true } })).toEqual({ status: "PAID" });
    await until(() => ipnBodies.length >= 1, "the IPN");
    await until(() => records().some((r) => r.msg === "notification delivered"), "the IPN's log line");
    await until(async () => (await db.message.count({ where: { status: { in: ["QUEUED", "SENDING"] } } })) === 0, "every e-mail");
    await until(() => records().filter((r) => r.msg === "message delivery").length >= 2, "the e-mails' log lines");

    // Every line is JSON with a level, an ISO time and a message.
    const all = records();
    expect(all.length).toBeGreaterThan(5);
    for (const r of all) {
      expect(r).toMatchObject({ level: expect.any(String), time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), msg: expect.any(String) });
    }
    // Requests: one access line each, with their id and what they touched.
    const request = (id: string) => all.find((r) => r.msg === "request" && r.reqId === id);
    expect(request("req-api-1")).toMatchObject({ route: "api_v4", method: "POST", status: 200, orderId, shopId: DEMO.shop.id });
    expect(request("req-signin-1")).toMatchObject({ route: "auth", status: 200 });
    expect(request("req-pay-1")).toMatchObject({
      route: "pay_page",
      method: "POST",
      status: 303,
      path: "/pay/:token",
      outcome: "ACCEPTED",
    });
    // The worker's lines about the order name the request that queued the work.
    expect(all).toContainEqual(
      expect.objectContaining({ msg: "message delivery", channel: "MAIL", orderId, outcome: "sent", reqId: "req-api-1" }),
    );
    expect(all).toContainEqual(expect.objectContaining({ msg: "notification delivered", orderId, reqId: "req-pay-1", statusCode: 200 }));

    // Nothing secret, whatever the field.
    const text = lines().join("\n");
    const bodies = (await db.message.findMany({ select: { body: true, text: true } })).flatMap((m) => [m.body, m.text]);
    const mailed = sink.messages.flatMap((m) => [m.parsed.text, typeof m.parsed.html === "string" ? m.parsed.html : null]);
    const secrets = {
      card: CARD,
      spacedCard: "4970 1000 0000 0055",
      password: PASSWORD,
      apiKey: API_KEY,
      basicHeader: basic(DEMO_TEST).slice("Basic ".length),
      hmacKey: HMAC_KEY,
      token,
      ...Object.fromEntries(
        [...bodies, ...mailed].filter((b): b is string => Boolean(b && b.length > 40)).map((b, i) => [`e-mail body ${i}`, b.trim()]),
      ),
    };
    expect(Object.keys(secrets).length).toBeGreaterThan(8);
    for (const [what, secret] of Object.entries(secrets)) expect(text.includes(secret), what).toBe(false);
    // The e-mails' distinctive text (the order's subject line is fine; its body's link is not there).
    expect(text).not.toContain(`/pay/${token}`);
  });

  it("redacts secret-looking fields and masks card numbers that a caller logs by mistake", () => {
    const before = output.length;
    logger.info(
      {
        password: PASSWORD,
        headers: { authorization: basic(DEMO_TEST), "kr-hash": "abc123" },
        card: { cardNumber: CARD, cvc: "123", pan: CARD },
        rule: { hashKey: HMAC_KEY, secret: API_KEY },
        mail: { html: "<p>Dear buyer</p>", body: "Dear buyer" },
      },
      `oops ${CARD} and 4970-1000-0000-0055`,
    );
    const line = output.slice(before).join("");
    const r = JSON.parse(line);
    expect(r.password).toBe("[Redacted]");
    expect(r.headers).toEqual({ authorization: "[Redacted]", "kr-hash": "[Redacted]" });
    expect(r.card).toEqual({ cardNumber: "[Redacted]", cvc: "[Redacted]", pan: "[Redacted]" });
    expect(r.rule).toEqual({ hashKey: "[Redacted]", secret: "[Redacted]" });
    expect(r.mail).toEqual({ html: "[Redacted]", body: "[Redacted]" });
    expect(r.msg).toBe("oops 497010******0055 and 497010******0055");
    for (const s of [PASSWORD, CARD, API_KEY, HMAC_KEY, "Dear buyer"]) expect(line).not.toContain(s);
  });

  it("redacts inside arrays and errors, two levels down, without changing the caller's objects", () => {
    const before = output.length;
    const fields = {
      items: [{ token: "tok-secret-1" }, { ok: 1 }],
      err: Object.assign(new Error("upstream said no"), { payload: "body-secret-2" }),
      deep: { a: { password: "pw-secret-3", b: { token: "three-levels-down" } } },
      plain: "kept",
    };
    logger.info(fields, "nested");
    const r = JSON.parse(output.slice(before).join(""));
    expect(r.items).toEqual([{ token: "[Redacted]" }, { ok: 1 }]);
    expect(r.err.message).toBe("upstream said no");
    expect(r.err.payload).toBe("[Redacted]");
    expect(r.err.stack).toContain("upstream said no");
    expect(r.deep.a.password).toBe("[Redacted]");
    // pino's paths reached two levels down; so does the redaction (a third is written as is)
    expect(r.deep.a.b.token).toBe("three-levels-down");
    expect(r.plain).toBe("kept");
    expect(fields.items[0]!.token).toBe("tok-secret-1");
    expect(fields.err.payload).toBe("body-secret-2");
    expect(fields.deep.a.password).toBe("pw-secret-3");
  });
});
