import { Gauge, Registry } from "prom-client";
import { getDb } from "../server/db";
import { logger } from "../server/logger";

// Cluster-wide state read from the database on scrape, whatever process did the work: jobs by
// queue and state (pg-boss' live jobs), messages by channel and status, notification deliveries by
// status, orders created/paid/expired (the analytics counters). One statement, its result cached
// for CACHE_MS so that several scrapers (or a fast scrape interval) cost one query per window.

const CACHE_MS = 5000;
const JOB_STATES = ["created", "retry", "active", "failed"] as const;
const CHANNELS = ["MAIL", "SMS", "WHATSAPP"] as const;
const MESSAGE_STATUSES = ["QUEUED", "SENDING", "SENT", "FAILED"] as const;
const WEBHOOK_STATUSES = ["PENDING", "DELIVERED", "FAILED"] as const;
const MODES = ["TEST", "PRODUCTION"] as const;
const ORDER_EVENTS = ["created", "paid", "expired"] as const;

// Completed and cancelled jobs (kept for days, most of the table) are left out: counting them
// would read every retained job; pg-boss' index on live jobs covers the rest.
const STATE_SQL = `
SELECT 'job' AS kind, name AS a, state::text AS b, count(*)::float8 AS n FROM pgboss.job
  WHERE state IN ('created', 'retry', 'active', 'failed') GROUP BY name, state
UNION ALL
SELECT 'message', channel::text, status::text, count(*)::float8 FROM "Message" GROUP BY channel, status
UNION ALL
SELECT 'webhook', status::text, '', count(*)::float8 FROM "WebhookDelivery" GROUP BY status
UNION ALL
SELECT 'order', s.mode::text, v.event, sum(v.n)::float8 FROM "ShopDailyStats" s
  CROSS JOIN LATERAL (VALUES ('created', s.created), ('paid', s.paid), ('expired', s.expired)) v(event, n)
  GROUP BY s.mode, v.event`;

type Row = { kind: "job" | "message" | "webhook" | "order"; a: string; b: string; n: number };

function create(queues: readonly string[]): Registry {
  const registry = new Registry();
  let cached: { at: number; rows: Promise<Row[] | null> } | undefined;

  // One read shared by every gauge of a scrape; null when the database did not answer.
  function rows(): Promise<Row[] | null> {
    if (!cached || Date.now() - cached.at > CACHE_MS) {
      const p = getDb()
        .sql<Row>(STATE_SQL)
        .then(
          (r) => r.rows,
          (err) => {
            logger.warn({ err }, "metrics: reading the cluster state failed");
            return null;
          },
        );
      cached = { at: Date.now(), rows: p };
    }
    return cached.rows;
  }

  new Gauge({
    name: "cluster_state_up",
    help: "1 when the database-derived gauges below could be read at this scrape, else 0",
    registers: [registry],
    async collect() {
      this.set((await rows()) ? 1 : 0);
    },
  });
  new Gauge({
    name: "jobs",
    help: "pg-boss jobs by queue and state (created, retry, active, failed), cluster-wide",
    labelNames: ["queue", "state"],
    registers: [registry],
    async collect() {
      this.reset();
      const r = await rows();
      if (!r) return;
      for (const queue of queues) for (const state of JOB_STATES) this.set({ queue, state }, 0);
      for (const x of r) if (x.kind === "job") this.set({ queue: x.a, state: x.b }, x.n);
    },
  });
  new Gauge({
    name: "message_deliveries",
    help: "Messages (e-mail, SMS, WhatsApp) by channel and status, cluster-wide",
    labelNames: ["channel", "status"],
    registers: [registry],
    async collect() {
      this.reset();
      const r = await rows();
      if (!r) return;
      for (const channel of CHANNELS) for (const status of MESSAGE_STATUSES) this.set({ channel, status }, 0);
      for (const x of r) if (x.kind === "message") this.set({ channel: x.a, status: x.b }, x.n);
    },
  });
  new Gauge({
    name: "ipn_deliveries",
    help: "Notification (IPN) deliveries by status (PENDING, DELIVERED, FAILED), cluster-wide",
    labelNames: ["status"],
    registers: [registry],
    async collect() {
      this.reset();
      const r = await rows();
      if (!r) return;
      for (const status of WEBHOOK_STATUSES) this.set({ status }, 0);
      for (const x of r) if (x.kind === "webhook") this.set({ status: x.a }, x.n);
    },
  });
  new Gauge({
    name: "payment_orders",
    help: "Orders created, paid and expired since the start, by mode (from the analytics counters)",
    labelNames: ["event", "mode"],
    registers: [registry],
    async collect() {
      this.reset();
      const r = await rows();
      if (!r) return;
      for (const mode of MODES) for (const event of ORDER_EVENTS) this.set({ event, mode }, 0);
      for (const x of r) if (x.kind === "order") this.set({ event: x.b, mode: x.a }, x.n);
    },
  });

  return registry;
}

const g = globalThis as unknown as { poClusterMetrics?: Registry };

/** The registry of the cluster-wide gauges (one per process). */
/** `queues`: every job queue of the application (reported at 0 when empty). */
export function clusterMetrics(queues: readonly string[]): Registry {
  g.poClusterMetrics ??= create(queues);
  return g.poClusterMetrics;
}
