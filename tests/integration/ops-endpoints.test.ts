// The operations endpoints through the server front (lib/server/front.ts) over real HTTP:
// liveness, readiness (database, migrations, delivery queue lag) and the Prometheus metrics behind
// METRICS_TOKEN, with the cluster-wide gauges read from the database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emailJob } from "@/lib/channels/jobs";
import { getBoss } from "@/lib/server/jobs/boss";
import { instrumented } from "@/lib/server/jobs/instrument";
import { create } from "../helpers/api";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { startFrontServer } from "../helpers/front-server";

const TOKEN = "metrics-token-0123456789abcdef";
let front: Awaited<ReturnType<typeof startFrontServer>>;

const clearDeliveryJobs = () =>
  db.$executeRaw`DELETE FROM pgboss.job WHERE name IN ('channels.email', 'channels.sms', 'channels.whatsapp', 'notifications.webhook')`;

beforeAll(async () => {
  await resetDatabase();
  await seedTenants();
  await getBoss();
  await clearDeliveryJobs(); // jobs left by other files, never worked on here
  front = await startFrontServer();
});
afterAll(async () => {
  await front.stop();
  delete process.env.METRICS_TOKEN;
  delete process.env.READY_MAX_QUEUE_LAG_SECONDS;
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${front.base}${path}`, { headers });

describe("GET /api/health", () => {
  it("answers ok with the uptime and version, without the database, and echoes a request id", async () => {
    const r = await get("/api/health", { "X-Request-Id": "probe-1" });
    expect(r.status).toBe(200);
    expect(r.headers.get("x-request-id")).toBe("probe-1");
    expect(await r.json()).toEqual({ status: "ok", uptimeSeconds: expect.any(Number), version: "0.1.0" });
    // An unsafe incoming id is replaced by a generated one.
    const other = await get("/api/health", { "X-Request-Id": "a b<script>" });
    expect(other.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect((await fetch(`${front.base}/api/health`, { method: "POST" })).status).toBe(405);
  });
});

describe("GET /api/ready", () => {
  it("ready: database answers, every migration applied, no queue lag", async () => {
    const r = await get("/api/ready");
    const body = await r.json();
    expect(r.status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({
      status: "ready",
      checks: {
        database: { ok: true },
        migrations: { ok: true, pending: [], failed: [] },
        queueLag: { ok: true, maxLagSeconds: 300, lagSeconds: { "channels.email": 0, "notifications.webhook": 0 } },
      },
    });
    expect(body.checks.migrations.applied).toBeGreaterThan(5);
  });

  it("not ready while a delivery job waits longer than READY_MAX_QUEUE_LAG_SECONDS", async () => {
    await db.enqueue(emailJob, { messageId: "00000000-0000-0000-0000-000000000000" }, { startAfter: new Date(Date.now() - 400_000) });
    try {
      const r = await get("/api/ready");
      const body = await r.json();
      expect(r.status).toBe(503);
      expect(body.status).toBe("not_ready");
      expect(body.checks.queueLag).toMatchObject({ ok: false, error: expect.stringContaining("channels.email") });
      expect(body.checks.queueLag.lagSeconds["channels.email"]).toBeGreaterThanOrEqual(399);
      expect(body.checks.database.ok).toBe(true);
      process.env.READY_MAX_QUEUE_LAG_SECONDS = "600";
      expect((await get("/api/ready")).status).toBe(200);
    } finally {
      delete process.env.READY_MAX_QUEUE_LAG_SECONDS;
      await clearDeliveryJobs();
    }
  });

  it("not ready with a failed or a pending migration, naming it", async () => {
    await db.$executeRaw`INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count)
      VALUES ('test-broken', 'x', '29990101000000_broken', now(), 0)`;
    try {
      const body = await (await get("/api/ready")).json();
      expect(body.status).toBe("not_ready");
      expect(body.checks.migrations).toMatchObject({ ok: false, failed: ["29990101000000_broken"], error: "a migration failed" });
    } finally {
      await db.$executeRaw`DELETE FROM _prisma_migrations WHERE id = 'test-broken'`;
    }
    const [last] = await db.$queryRaw<{ name: string }[]>`
      SELECT migration_name AS name FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1`;
    await db.$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = ${last!.name}`;
    try {
      const r = await get("/api/ready");
      expect(r.status).toBe(503);
      expect((await r.json()).checks.migrations).toMatchObject({ ok: false, pending: [last!.name], error: "migrations pending" });
    } finally {
      await db.$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = NULL WHERE migration_name = ${last!.name}`;
    }
    expect((await get("/api/ready")).status).toBe(200);
  });
});

describe("GET /api/metrics", () => {
  it("404 without METRICS_TOKEN; 401 without or with a wrong Bearer token", async () => {
    delete process.env.METRICS_TOKEN;
    expect((await get("/api/metrics", { Authorization: `Bearer ${TOKEN}` })).status).toBe(404);
    process.env.METRICS_TOKEN = TOKEN;
    expect((await get("/api/metrics")).status).toBe(401);
    const wrong = await get("/api/metrics", { Authorization: `Bearer ${TOKEN}x` });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("www-authenticate")).toContain("Bearer");
    expect((await get("/api/metrics", { Authorization: `Basic ${TOKEN}` })).status).toBe(401);
  });

  it("HTTP latency by route group, job handler metrics, and the cluster's jobs, deliveries and orders", async () => {
    process.env.METRICS_TOKEN = TOKEN;
    const mail = await create({
      amount: 100,
      currency: "EUR",
      channelOptions: { channelType: "MAIL", mailOptions: { recipient: "buyer@example.com", subject: "Your order" } },
    });
    expect(mail.status, JSON.stringify(mail.answer)).toBe("SUCCESS");
    await fetch(`${front.base}/api-payment/V4/Charge/SDKTest`, { method: "POST", body: "{}" }); // 401 envelope, HTTP 200
    await get("/pay/no-such-token");
    await get("/orders");
    await instrumented("test.queue", async () => {})([]);
    await expect(
      instrumented("test.queue", async () => {
        throw new Error("boom");
      })([]),
    ).rejects.toThrow("boom");

    const r = await get("/api/metrics", { Authorization: `Bearer ${TOKEN}` });
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toContain("text/plain");
    const text = await r.text();
    const value = (series: string) => {
      const line = text.split("\n").find((l) => l.startsWith(`${series} `));
      return line === undefined ? undefined : Number(line.slice(series.length + 1));
    };
    expect(value('http_request_duration_seconds_count{route="api_v4",method="POST",status_class="2xx"}')).toBe(1);
    expect(value('http_request_duration_seconds_count{route="pay_page",method="GET",status_class="4xx"}')).toBe(1);
    expect(value('http_request_duration_seconds_count{route="backoffice",method="GET",status_class="4xx"}')).toBe(1);
    expect(value('http_request_duration_seconds_count{route="metrics",method="GET",status_class="4xx"}')).toBeGreaterThanOrEqual(3);
    expect(value('job_handler_duration_seconds_count{queue="test.queue"}')).toBe(2);
    expect(value('job_handler_failures_total{queue="test.queue"}')).toBe(1);
    expect(text).toContain("process_cpu_user_seconds_total");
    expect(text).toContain("nodejs_eventloop_lag_seconds");
    expect(value("cluster_state_up")).toBe(1);
    expect(value('jobs{queue="channels.email",state="created"}')).toBe(1);
    expect(value('jobs{queue="notifications.webhook",state="failed"}')).toBe(0);
    expect(value('message_deliveries{channel="MAIL",status="QUEUED"}')).toBe(1);
    expect(value('message_deliveries{channel="SMS",status="SENT"}')).toBe(0);
    expect(value('ipn_deliveries{status="DELIVERED"}')).toBe(0);
    expect(value('payment_orders{event="created",mode="TEST"}')).toBe(await db.paymentOrder.count({ where: { mode: "TEST" } }));
    expect(value('payment_orders{event="paid",mode="PRODUCTION"}')).toBe(0);
  });
});

describe("GET /api/ready while shutting down", () => {
  // Last: the process's shutdown state cannot be undone (lib/server/shutdown.ts).
  it("503 at once after SIGTERM, naming the shutdown", async () => {
    (globalThis as unknown as { poStopping?: AbortController }).poStopping?.abort();
    const r = await get("/api/ready");
    expect(r.status).toBe(503);
    expect(await r.json()).toEqual({ status: "not_ready", checks: { shutdown: { ok: false, error: "shutting down" } } });
    expect((await get("/api/health")).status).toBe(200);
  });
});
