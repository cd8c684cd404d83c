// Scale-out (issue 11): 2 web processes (scripts/server.ts, no worker inside) and 2 worker
// processes (scripts/worker.ts) on one database. A 10,000-recipient e-mail fan-out, 1,000
// payments made over HTTP on both web processes (each one's IPN delivered by the workers) and a
// 10,000-order expiry, while one worker is killed (SIGKILL) mid-run: no message, IPN or expiry is
// lost; the expiry happens once per order; only what was in flight in the killed worker may be
// sent a second time (same Message-ID, same IPN body: at-least-once, see the README).
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailOrders } from "@/lib/orders/create-mail-orders";
import { expireOrdersSweep } from "@/lib/orders/jobs";
import { getBoss, stopBoss } from "@/lib/server/jobs/boss";
import { freePort } from "../../bench/lib";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { newOrder } from "../helpers/orders";

const FANOUT = 10_000;
const PAYMENTS = 1_000;
const EXPIRIES = 10_000;

// A counting SMTP sink: Message-ID of every message received (no parsing beyond the header).
const mailIds: string[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, _session, cb) {
    let head = "";
    stream.on("data", (c: Buffer) => {
      if (head.length < 4096) head += c.toString("latin1");
    });
    stream.on("end", () => {
      const id = /^Message-ID:\s*(<[^>]+>)/im.exec(head)?.[1];
      if (id) mailIds.push(id);
      cb();
    });
  },
});
// The merchant's server: the IPN bodies received.
const ipnBodies: string[] = [];
const receiver = http.createServer((req, res) => {
  let body = "";
  req.on("data", (c) => (body += c));
  req.on("end", () => {
    ipnBodies.push(body);
    res.end("OK");
  });
});

const procs: ChildProcess[] = [];
// With TEST_LOG_DIR (scripts/test.mjs), every process's output goes to a file there and the
// database is dumped at the end: tests/after-e2e looks for card numbers in both.
const logDir = process.env.TEST_LOG_DIR;
function capture(p: ChildProcess, name: string) {
  if (!logDir) return;
  const fd = fs.openSync(path.join(logDir, `scale-out-${name}-${p.pid}.log`), "a");
  p.stdout?.on("data", (c: Buffer) => fs.writeSync(fd, c));
  p.stderr?.on("data", (c: Buffer) => {
    process.stderr.write(c);
    fs.writeSync(fd, c);
  });
  p.once("close", () => fs.closeSync(fd));
}
const stdio = (): ["ignore", "pipe" | "ignore", "pipe" | "inherit"] =>
  logDir ? ["ignore", "pipe", "pipe"] : ["ignore", "ignore", "inherit"];
let users: Awaited<ReturnType<typeof seedTenants>>;
let smtpUrl = "";
let ipnUrl = "";

const env = (): NodeJS.ProcessEnv => ({
  ...process.env,
  NODE_ENV: "production",
  START_WORKER: "0",
  SMTP_URL: smtpUrl,
  ALLOW_PRIVATE_WEBHOOKS: "1",
  DELIVERY_JOB_EXPIRE_SECONDS: "10",
  JOBS_SUPERVISE_SECONDS: "2",
  JOBS_POLL_SECONDS: "0.5",
  PAY_LIMIT_PER_ADDRESS: "100000",
  MAIL_RETRY_SCHEDULE: "1,1,1,1,1,1,1,1,1,1",
  WEBHOOK_RETRY_SCHEDULE: "1,1,1,1,1",
});

async function startWeb() {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const p = spawn(process.execPath, ["--import", "tsx", "scripts/server.ts"], {
    env: { ...env(), PORT: String(port), HOST: "127.0.0.1", APP_URL: base },
    stdio: stdio(),
  });
  capture(p, "web");
  procs.push(p);
  for (let i = 0; ; i++) {
    if (i > 600) throw new Error("web process did not start");
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  return base;
}
function startWorker() {
  // node itself (not the tsx wrapper, which would leave its child running after a SIGKILL).
  const p = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], { env: env(), stdio: stdio() });
  capture(p, "worker");
  procs.push(p);
  return p;
}
async function until(check: () => Promise<boolean>, ms: number, what: string) {
  const t0 = Date.now();
  while (!(await check())) {
    if (Date.now() - t0 > ms) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  // The worker killed mid-run resets its SMTP connections: that message was not received, and the
  // server says so with an 'error' event (unhandled, it would crash the test process).
  smtp.on("error", () => {});
  await new Promise<void>((r) => smtp.listen(0, "127.0.0.1", () => r()));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  ipnUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/ipn`;
  await resetDatabase();
  users = await seedTenants();
}, 180_000);
afterAll(async () => {
  for (const p of procs) if (p.exitCode === null) p.kill("SIGTERM");
  await Promise.all(procs.map((p) => (p.exitCode === null && p.signalCode === null ? new Promise((r) => p.once("exit", r)) : null)));
  if (logDir) {
    const { dumpDatabaseRows } = await import("../helpers/db-dump");
    fs.writeFileSync(path.join(logDir, "db-scale-out.txt"), (await dumpDatabaseRows()).text);
  }
  await stopBoss();
  await new Promise<void>((r) => smtp.close(() => r()));
  await new Promise<void>((r) => receiver.close(() => r()));
});

describe("2 web + 2 worker processes on one database", () => {
  it("fan-out, IPNs and expiry: nothing lost, expiry once, a killed worker's jobs taken over", async () => {
    await db.notificationRule.create({
      data: { shopId: "12345678", kind: "URL_CALL", label: "ERP", events: ["PAYMENT_ACCEPTED"], urlTest: ipnUrl },
    });
    // 1,000 links to pay and 10,000 orders already past their validity.
    const links = [];
    for (let i = 0; i < PAYMENTS; i++) links.push((await newOrder(users.operator, { reference: `SO-PAY-${i}` })).token);
    await db.$executeRawUnsafe(
      `INSERT INTO "PaymentOrder" (id, "shopId", mode, token, amount, currency, "validUntil", reference)
       SELECT md5('so-exp' || i), '12345678', 'TEST', md5('so-exp-token' || i), 1000, 'EUR', now() - interval '1 hour', 'SO-EXP-' || i
       FROM generate_series(1, ${EXPIRIES}) i`,
    );

    const webs = [await startWeb(), await startWeb()];
    const workers = [startWorker(), startWorker()];

    // The fan-out, then the payments on both web processes while the workers send.
    const recipients = Array.from({ length: FANOUT }, (_, i) => `so${i}@buyer.test`).join(";");
    await createMailOrders(db, {
      actor: users.operator,
      values: { shopId: "12345678", mode: "TEST", amount: "10", currency: "EUR", reference: "SO-FAN", recipients },
    });
    const pay = async (token: string, i: number) => {
      const r = await fetch(`${webs[i % 2]}/pay/${token}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ cardNumber: "4970100000000055", expiry: "12/30", cvc: "123" }).toString(),
        redirect: "manual",
      });
      if (r.status !== 303) throw new Error(`payment ${i}: HTTP ${r.status}`);
    };
    for (let i = 0; i < PAYMENTS; i += 20) await Promise.all(links.slice(i, i + 20).map((t, k) => pay(t, i + k)));

    // The expiry sweep is scheduled every minute on every worker; queue two runs at once now.
    const boss = await getBoss();
    await boss.send(expireOrdersSweep.name, {});
    await boss.send(expireOrdersSweep.name, {});

    // Kill one worker in the middle of the fan-out.
    await until(async () => mailIds.length >= FANOUT / 4, 120_000, "a quarter of the fan-out sent");
    workers[0]!.kill("SIGKILL");
    const sentBeforeKill = mailIds.length;

    await until(
      async () => (await db.message.count({ where: { kind: "ORDER", status: "SENT" } })) === FANOUT,
      240_000,
      "every message SENT",
    );
    // The receipts too: the sink may have a message before its worker records it SENT.
    await until(async () => (await db.message.count({ where: { status: "SENT" } })) === FANOUT + PAYMENTS, 120_000, "every receipt SENT");
    await until(
      async () => (await db.webhookDelivery.count({ where: { status: "DELIVERED" } })) === PAYMENTS,
      120_000,
      "every IPN delivered",
    );
    await until(
      async () => (await db.paymentOrder.count({ where: { reference: { startsWith: "SO-EXP-" }, status: "EXPIRED" } })) === EXPIRIES,
      120_000,
      "every order expired",
    );

    // Messages: every one received, under its own Message-ID; repeats only from the killed worker's batch.
    const distinct = new Set(mailIds);
    expect(distinct.size).toBe(await db.message.count({ where: { status: "SENT" } }));
    expect(distinct.size).toBe(FANOUT + PAYMENTS);
    const repeats = mailIds.length - distinct.size;
    expect(repeats).toBeLessThanOrEqual(200); // at most its two batches of 100 in flight
    // IPNs: one per payment (distinct transactions), repeats bounded the same way.
    const uuids = new Set(ipnBodies.map((b) => JSON.parse(new URLSearchParams(b).get("kr-answer")!).transactions[0].uuid));
    expect(uuids.size).toBe(PAYMENTS);
    expect(ipnBodies.length - PAYMENTS).toBeLessThanOrEqual(200);
    // Expiry: exactly one audit event per order, although two sweeps ran on two workers.
    const audits = await db.$queryRawUnsafe<{ n: bigint; max: bigint }[]>(
      `SELECT count(*) AS n, max(c) AS max FROM (SELECT "orderId", count(*) AS c FROM "AuditEvent" WHERE action = 'order.expire' GROUP BY "orderId") x`,
    );
    expect(Number(audits[0]!.n)).toBe(EXPIRIES);
    expect(Number(audits[0]!.max)).toBe(1);
    expect(sentBeforeKill).toBeGreaterThan(0);
  }, 600_000);
});
