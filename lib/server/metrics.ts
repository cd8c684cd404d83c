import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";

// This process's own Prometheus metrics (prom-client): HTTP latency (recorded by the server front),
// job handler latency and failures, IPN attempt outcomes (recorded where the worker runs them), and
// Node's default process metrics. The cluster-wide state read from the database (jobs by state,
// deliveries, orders) is lib/ops/cluster-metrics.ts, served by the web processes only.
// One set per process on globalThis: Next's bundles load this module separately.

export type ProcessMetrics = {
  registry: Registry;
  httpDuration: Histogram<"route" | "method" | "status_class">;
  jobDuration: Histogram<"queue">;
  jobFailures: Counter<"queue">;
  ipnAttempts: Counter<"outcome">;
};

function create(): ProcessMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpDuration: new Histogram({
      name: "http_request_duration_seconds",
      help: "HTTP requests by route group, method and status class (1xx-5xx), from the first byte in to the last byte out",
      labelNames: ["route", "method", "status_class"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    jobDuration: new Histogram({
      name: "job_handler_duration_seconds",
      help: "Time a job handler (one fetched batch) ran, by queue, in this process",
      labelNames: ["queue"],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers: [registry],
    }),
    jobFailures: new Counter({
      name: "job_handler_failures_total",
      help: "Job handler runs that threw (pg-boss retries them), by queue, in this process",
      labelNames: ["queue"],
      registers: [registry],
    }),
    ipnAttempts: new Counter({
      name: "ipn_attempts_total",
      help: "Notification (IPN) delivery jobs by outcome (delivered, retry, failed, skipped), in this process",
      labelNames: ["outcome"],
      registers: [registry],
    }),
  };
}

const g = globalThis as unknown as { poMetrics?: ProcessMetrics };

export function processMetrics(): ProcessMetrics {
  g.poMetrics ??= create();
  return g.poMetrics;
}

/** The route group of a path, for the HTTP histogram's label (a handful of values, never a raw path). */
export function routeGroup(pathname: string): string {
  if (pathname.startsWith("/api-payment/V4/")) return "api_v4";
  if (pathname.startsWith("/pay-assets/")) return "pay_assets";
  if (pathname.startsWith("/pay/")) return "pay_page";
  if (pathname.startsWith("/collect/")) return "collect";
  if (pathname === "/api/health" || pathname === "/api/ready") return "health";
  if (pathname === "/api/metrics") return "metrics";
  if (pathname.startsWith("/api/v1/")) return "api_v1";
  if (pathname.startsWith("/api/auth/")) return "auth";
  if (pathname.startsWith("/api/")) return "api_other";
  if (pathname.startsWith("/_next/")) return "next_static";
  return "backoffice";
}

export const statusClass = (status: number) => `${Math.min(5, Math.max(1, Math.floor(status / 100)))}xx`;

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
export const methodLabel = (method: string | undefined) => (method && METHODS.has(method) ? method : "OTHER");
