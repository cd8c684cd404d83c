// E-mail fan-outs through real worker processes (scripts/worker.ts, pg-boss) while things go wrong:
// the SMTP server refusing connections, and a worker killed (SIGKILL) in the middle of the run.
import { type ChildProcess, spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailOrders } from "@/lib/orders/create-mail-orders";
import { getBoss } from "@/lib/server/jobs/boss";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { type SmtpSink, startSmtpSink } from "../helpers/smtp-sink";

let users: Awaited<ReturnType<typeof seedTenants>>;
let sink: SmtpSink;
const workers: ChildProcess[] = [];

const JOB_EXPIRE_SECONDS = "8";

function startWorker() {
  // node itself (not the tsx wrapper, which would leave its child running after a SIGKILL).
  const w = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    env: {
      ...process.env,
      SMTP_URL: sink.url,
      MAIL_RETRY_SCHEDULE: "1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1",
      DELIVERY_JOB_EXPIRE_SECONDS: JOB_EXPIRE_SECONDS,
      JOBS_SUPERVISE_SECONDS: "2",
      JOBS_POLL_SECONDS: "0.5",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  workers.push(w);
  return w;
}

const recipients = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}@buyer.test`).join(";");

async function waitAllSent(orderIds: string[], timeoutMs: number) {
  const t0 = Date.now();
  for (;;) {
    const sent = await db.paymentOrder.count({ where: { id: { in: orderIds }, deliveryStatus: "SENT" } });
    if (sent === orderIds.length) return;
    if (Date.now() - t0 > timeoutMs) throw new Error(`${sent} of ${orderIds.length} orders sent after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Each recipient's distinct Message-IDs in the sink (what a mailbox shows). */
function perRecipient(prefix: string) {
  const ids = new Map<string, Set<string>>();
  let raw = 0;
  for (const m of sink.messages) {
    const to = m.rcptTo.find((r) => r.startsWith(prefix));
    if (!to) continue;
    raw++;
    if (!ids.has(to)) ids.set(to, new Set());
    ids.get(to)!.add(m.messageId);
  }
  return { ids, raw };
}

beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
  sink = await startSmtpSink();
  process.env.DELIVERY_JOB_EXPIRE_SECONDS = JOB_EXPIRE_SECONDS;
  await (await getBoss()).updateQueue("channels.email", { expireInSeconds: Number(JOB_EXPIRE_SECONDS) });
});

afterAll(async () => {
  for (const w of workers) if (w.exitCode === null) w.kill("SIGKILL");
  await sink.stop();
  delete process.env.DELIVERY_JOB_EXPIRE_SECONDS;
});

describe("e-mail fan-out under faults", () => {
  it("SMTP server refusing connections during a fan-out: nothing lost, all delivered once it is back", async () => {
    await sink.stop();
    const worker = startWorker();
    const { ids } = await createMailOrders(db, {
      actor: users.operator,
      values: { shopId: "12345678", mode: "TEST", amount: "10", currency: "EUR", reference: "DOWN", recipients: recipients("down", 300) },
    });
    // The worker tries, fails (connection refused) and schedules retries.
    const t0 = Date.now();
    while ((await db.message.count({ where: { orderId: { in: ids }, error: { not: null }, attempts: { gte: 1 } } })) < 300) {
      if (Date.now() - t0 > 30_000) throw new Error("the worker did not try to send");
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(await db.paymentOrder.count({ where: { id: { in: ids }, deliveryStatus: "IN_PROGRESS" } })).toBe(300);
    expect(await db.message.count({ where: { orderId: { in: ids }, status: { in: ["SENT", "FAILED"] } } })).toBe(0);
    await sink.start();
    await waitAllSent(ids, 60_000);
    const { ids: got, raw } = perRecipient("down");
    expect(got.size).toBe(300);
    expect(raw).toBe(300);
    expect(await db.message.count({ where: { orderId: { in: ids }, status: "SENT", attempts: { gte: 2 } } })).toBe(300);
    worker.kill("SIGTERM");
    await new Promise((r) => worker.once("exit", r));
  }, 120_000);

  it("a worker killed mid fan-out: after a restart every recipient has exactly one message", async () => {
    sink.delayMs = 10; // ~ 2,000 × 10 ms over the pool's connections: a few seconds to kill it in
    const first = startWorker();
    const n = 2000;
    const { ids } = await createMailOrders(db, {
      actor: users.operator,
      values: { shopId: "12345678", mode: "TEST", amount: "10", currency: "EUR", reference: "KILL", recipients: recipients("kill", n) },
    });
    await sink.waitFor(sink.messages.length + 300, 60_000);
    first.kill("SIGKILL");
    await new Promise((r) => first.once("exit", r));
    const atKill = perRecipient("kill").raw;
    expect(atKill).toBeLessThan(n); // it really died in the middle
    const stuck = await db.message.count({ where: { orderId: { in: ids }, status: { in: ["QUEUED", "SENDING"] } } });
    expect(stuck).toBeGreaterThan(0);

    sink.delayMs = 0;
    const second = startWorker();
    await waitAllSent(ids, 90_000);
    const { ids: got, raw } = perRecipient("kill");
    expect(got.size).toBe(n);
    // One message per recipient: a message sent again after the crash carries the Message-ID of
    // the first attempt (a mailbox shows it once). Resends are bounded by what was in flight.
    for (const [to, set] of got) expect(set.size, to).toBe(1);
    const stored = await db.message.findMany({ where: { orderId: { in: ids } }, select: { providerMessageId: true, status: true } });
    expect(stored.every((m) => m.status === "SENT")).toBe(true);
    expect(new Set(stored.map((m) => m.providerMessageId)).size).toBe(n);
    console.log(`[faults] killed after ${atKill} of ${n}; ${raw - n} message(s) re-sent under their original Message-ID`);
    expect(raw - n).toBeLessThanOrEqual(16);
    second.kill("SIGTERM");
    await new Promise((r) => second.once("exit", r));
  }, 180_000);
});
