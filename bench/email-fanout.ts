// Benchmark of the e-mail fan-out (issue 5): one back-office creation to 10,000 recipients, then
// delivery by worker processes (scripts/worker.ts) to a local SMTP sink that counts and discards.
// Goals: creation committed ≤ 3 s; delivery ≥ 500 messages/s, and ≥ 0.5× the ceiling measured in
// the same run: a bare pooled nodemailer loop (same transport options, same concurrency as the
// worker: 2 batches in flight) sending the same message (one the worker sent, read back) to the
// same sink — no database, no rendering. On a shared machine the ratio is the figure to compare.
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npx tsx bench/email-fanout.ts
//   RECIPIENTS=10000 WORKERS=1 (worker processes) MAIL_BATCH_SIZE=100 SMTP_MAX_CONNECTIONS=8
import { type ChildProcess, spawn } from "node:child_process";
import { SMTPServer } from "smtp-server";
import { freshDatabase, machine } from "./lib";

const N = Number(process.env.RECIPIENTS ?? 10_000);
const WORKERS = Number(process.env.WORKERS ?? 1);

// The sink: a real SMTP server, reading each message to the end and counting it.
let received = 0;
let firstAt = 0;
let lastAt = 0;
const resetSink = () => {
  received = 0;
  firstAt = 0;
  lastAt = 0;
};
const sink = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, _session, cb) {
    stream.on("data", () => {});
    stream.on("end", () => {
      received++;
      lastAt = performance.now();
      if (!firstAt) firstAt = lastAt;
      cb();
    });
  },
});
await new Promise<void>((r) => sink.listen(0, "127.0.0.1", () => r()));
const smtpUrl = `smtp://127.0.0.1:${(sink.server.address() as { port: number }).port}`;

const db = await freshDatabase();
const { getDb } = await import("../lib/server/db");
const { getUserActor } = await import("../lib/auth/get-user-actor");
const { createMailOrders } = await import("../lib/orders/create-mail-orders");
const prisma = getDb();
const user = await prisma.user.findUniqueOrThrow({ where: { email: "operator@demo.test" }, select: { id: true } });
const actor = (await getUserActor(prisma, user.id))!.actor;
const recipients = Array.from({ length: N }, (_, i) => `buyer${i}@bench.test`).join(";");

// Warm-up (connections, prepared plans, pg-boss), not measured.
await createMailOrders(prisma, {
  actor,
  values: { shopId: "12345678", mode: "TEST", amount: "1", currency: "EUR", recipients: "warm@bench.test" },
});

const t0 = performance.now();
const { ids } = await createMailOrders(prisma, {
  actor,
  values: { shopId: "12345678", mode: "TEST", amount: "49.90", currency: "EUR", reference: "FAN", recipients, bccManager: "on" },
});
const createSeconds = (performance.now() - t0) / 1000;

const workers: ChildProcess[] = [];
const tw = performance.now();
for (let i = 0; i < WORKERS; i++) {
  workers.push(
    spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
      env: { ...process.env, SMTP_URL: smtpUrl, JOBS_POLL_SECONDS: "0.5", NODE_OPTIONS: process.env.WORKER_NODE_OPTIONS ?? "" },
      stdio: ["ignore", "ignore", "inherit"],
    }),
  );
}
for (;;) {
  const left = await prisma.message.count({ where: { status: { in: ["QUEUED", "SENDING"] } } });
  if (!left) break;
  await new Promise((r) => setTimeout(r, 100));
}
const allSentAt = performance.now();
const sent = await prisma.message.count({ where: { orderId: { in: ids }, status: "SENT" } });
const ordersSent = await prisma.paymentOrder.count({ where: { id: { in: ids }, deliveryStatus: "SENT" } });
for (const w of workers) w.kill("SIGTERM");
await Promise.all(workers.map((w) => new Promise((r) => w.once("exit", r))));
const sinkSeconds = (lastAt - firstAt) / 1000;
const workerRate = (received - 1) / sinkSeconds;
const workerReceived = received - 1;

// The ceiling: the same message, the same transport, no database.
const sample = await prisma.message.findFirstOrThrow({
  where: { orderId: { in: ids }, status: "SENT" },
  select: { recipient: true, bcc: true, subject: true, body: true, text: true },
});
const { transportOptions, mailFrom } = await import("../lib/server/mailer");
const nodemailer = (await import("nodemailer")).default;
const transport = nodemailer.createTransport(transportOptions(smtpUrl));
const inFlight = 2 * Number(process.env.MAIL_BATCH_SIZE ?? 100);
resetSink();
let next = 0;
await Promise.all(
  Array.from({ length: inFlight }, async () => {
    while (next < N) {
      const i = next++;
      await transport.sendMail({
        from: { name: "Bench", address: mailFrom() },
        to: [sample.recipient],
        bcc: sample.bcc ? [sample.bcc] : undefined,
        subject: sample.subject ?? "",
        html: sample.body ?? "",
        text: sample.text ?? "",
        messageId: `<ceiling-${i}@bench.test>`,
      });
    }
  }),
);
const ceilingRate = N / ((lastAt - firstAt) / 1000);
transport.close();
await new Promise<void>((r) => sink.close(() => r()));
await db.drop();

console.log(
  JSON.stringify(
    {
      date: new Date().toISOString(),
      machine: machine(),
      recipients: N,
      workers: WORKERS,
      createSeconds: Number(createSeconds.toFixed(2)),
      createGoal: "<= 3 s",
      messagesSent: sent,
      ordersMarkedSent: ordersSent,
      receivedBySink: workerReceived,
      // from the first message received to the last (steady delivery rate)
      deliveryRatePerSecond: Math.round(workerRate),
      ceilingRatePerSecond: Math.round(ceilingRate),
      ratio: Number((workerRate / ceilingRate).toFixed(2)),
      // from the workers' start (process boot included) to every message recorded as sent
      endToEndSeconds: Number(((allSentAt - tw) / 1000).toFixed(2)),
      rateGoal: ">= 500 messages/s; ratio >= 0.5",
    },
    null,
    2,
  ),
);
process.exit(0);
