// SIGTERM to a worker process (scripts/worker.ts) in the middle of an e-mail fan-out: it stops
// fetching, finishes the batches in hand, exits 0 at once; a second worker sends the rest. Unlike
// a SIGKILL (mail-worker-faults.test.ts), nothing is left claimed, so nothing is sent twice. And
// in the middle of the retention sweep: it stops after its batch and the next run goes on.
import { type ChildProcess, spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailOrders } from "@/lib/orders/create-mail-orders";
import { retentionSweep } from "@/lib/retention/jobs";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { type SmtpSink, startSmtpSink } from "../helpers/smtp-sink";

let users: Awaited<ReturnType<typeof seedTenants>>;
let sink: SmtpSink;
const workers: ChildProcess[] = [];
const SHUTDOWN_TIMEOUT_SECONDS = 20;

function startWorker() {
  // node itself, not the tsx wrapper: the signal goes to the process under test.
  const w = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    env: {
      ...process.env,
      SMTP_URL: sink.url,
      SHUTDOWN_TIMEOUT_SECONDS: String(SHUTDOWN_TIMEOUT_SECONDS),
      JOBS_POLL_SECONDS: "0.5",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  workers.push(w);
  return w;
}

const exited = (w: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (w.exitCode !== null || w.signalCode !== null) resolve({ code: w.exitCode, signal: w.signalCode });
    else w.once("exit", (code, signal) => resolve({ code, signal }));
  });

async function waitAllSent(orderIds: string[], timeoutMs: number) {
  const t0 = Date.now();
  for (;;) {
    const sent = await db.paymentOrder.count({ where: { id: { in: orderIds }, deliveryStatus: "SENT" } });
    if (sent === orderIds.length) return;
    if (Date.now() - t0 > timeoutMs) throw new Error(`${sent} of ${orderIds.length} orders sent after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const received = (prefix: string) => sink.messages.filter((m) => m.rcptTo.some((r) => r.startsWith(prefix)));

beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
  sink = await startSmtpSink();
});

afterAll(async () => {
  for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill("SIGKILL");
  await sink.stop();
});

describe("graceful shutdown of a worker", () => {
  it("SIGTERM mid fan-out: exit 0 quickly, nothing left claimed, every message sent exactly once after a restart", async () => {
    sink.delayMs = 10; // ~ 2,000 × 10 ms over the pool's connections: a few seconds to stop it in
    const first = startWorker();
    const n = 2000;
    const { ids } = await createMailOrders(db, {
      actor: users.operator,
      values: {
        shopId: "12345678",
        mode: "TEST",
        amount: "10",
        currency: "EUR",
        reference: "TERM",
        recipients: Array.from({ length: n }, (_, i) => `term${i}@buyer.test`).join(";"),
      },
    });
    await sink.waitFor(300, 60_000);

    const t0 = Date.now();
    first.kill("SIGTERM");
    const { code, signal } = await exited(first);
    const stopMs = Date.now() - t0;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(stopMs).toBeLessThan(10_000); // it finished its batches, it did not wait for the timeout

    const atStop = received("term").length;
    expect(atStop).toBeLessThan(n); // it really stopped in the middle
    const byStatus = await db.message.groupBy({ by: ["status"], where: { orderId: { in: ids } }, _count: true });
    const count = (s: string) => byStatus.find((g) => g.status === s)?._count ?? 0;
    expect(count("SENDING")).toBe(0); // every message it had claimed was sent and recorded
    expect(count("SENT")).toBe(atStop); // what the server accepted is what the database says
    expect(count("QUEUED")).toBe(n - atStop);

    sink.delayMs = 0;
    const second = startWorker();
    await waitAllSent(ids, 90_000);
    const all = received("term");
    // Exactly once: one message per recipient and per Message-ID, no resend at all.
    expect(all).toHaveLength(n);
    expect(new Set(all.map((m) => m.messageId)).size).toBe(n);
    expect(new Set(all.flatMap((m) => m.rcptTo)).size).toBe(n);
    const stored = await db.message.findMany({ where: { orderId: { in: ids } }, select: { status: true, attempts: true } });
    expect(stored.every((m) => m.status === "SENT" && m.attempts === 1)).toBe(true);
    console.log(`[shutdown] SIGTERM after ${atStop} of ${n} messages; the worker exited 0 in ${stopMs} ms`);

    second.kill("SIGTERM");
    expect(await exited(second)).toEqual({ code: 0, signal: null });
  }, 180_000);

  it("SIGTERM during the retention sweep: it stops after its batch, records a partial run, the next run finishes", async () => {
    const n = 40_000;
    // Orders whose validity ended two years ago, written in one statement.
    await db.$executeRawUnsafe(`
      INSERT INTO "PaymentOrder" (id, "shopId", mode, token, amount, currency, "validUntil", "createdAt", recipient)
      SELECT md5('ret' || i), '12345678', 'TEST', md5('token' || i), 1000, 'EUR',
             now() - interval '2 years', now() - interval '2 years', 'old' || i || '@buyer.test'
      FROM generate_series(1, ${n}) AS i`);
    const old = () => db.paymentOrder.count({ where: { recipient: { startsWith: "old" } } });
    const worker = startWorker();
    await db.enqueue(retentionSweep, {});
    const t0 = Date.now();
    while ((await old()) === n) {
      if (Date.now() - t0 > 60_000) throw new Error("the retention sweep did not start");
      await new Promise((r) => setTimeout(r, 20));
    }
    const t1 = Date.now();
    worker.kill("SIGTERM");
    expect(await exited(worker)).toEqual({ code: 0, signal: null });
    expect(Date.now() - t1).toBeLessThan(10_000);
    const left = await old();
    expect(left).toBeGreaterThan(0); // stopped in the middle…
    expect(left % 1000).toBe(0); // …between two batches of 1,000
    const run = await db.auditEvent.findFirstOrThrow({ where: { action: "retention.sweep" } });
    expect(run.after).toMatchObject({ complete: false, ordersDeleted: n - left });

    const next = startWorker();
    await db.enqueue(retentionSweep, {});
    const t2 = Date.now();
    while ((await db.auditEvent.count({ where: { action: "retention.sweep" } })) < 2) {
      if (Date.now() - t2 > 60_000) throw new Error("the second retention run did not end");
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await old()).toBe(0);
    const last = await db.auditEvent.findFirstOrThrow({ where: { action: "retention.sweep" }, orderBy: { createdAt: "desc" } });
    expect(last.after).toMatchObject({ complete: true, ordersDeleted: left });
    next.kill("SIGTERM");
    expect(await exited(next)).toEqual({ code: 0, signal: null });
  }, 180_000);
});
