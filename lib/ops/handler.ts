// The operations endpoints, answered by scripts/server.ts before Next (and by a worker's metrics
// port): framework-free like lib/lyra-api and lib/pay-page, so tests call them directly.
//   GET /api/health    liveness: the process answers (no database)
//   GET /api/ready     readiness: database, migrations, delivery queue lag (lib/ops/readiness.ts);
//                      503 at once while the process shuts down
//   GET /api/metrics   Prometheus text, Authorization: Bearer <METRICS_TOKEN> (none set: 404)
import { getDb } from "../server/db";
import { processMetrics } from "../server/metrics";
import { digestKey, safeEqualHex } from "../server/secrets";
import { isShuttingDown } from "../server/shutdown";
import { clusterMetrics } from "./cluster-metrics";
import { health } from "./health";
import { checkReadiness } from "./readiness";

export type OpsRequest = { method: string; pathname: string; authorization: string | null };
export type OpsResponse = { status: number; headers: Record<string, string>; body: string };

export const OPS_PATHS = new Set(["/api/health", "/api/ready", "/api/metrics"]);

const json = (status: number, payload: unknown): OpsResponse => ({
  status,
  headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
  body: JSON.stringify(payload),
});
const text = (status: number, body: string, extra: Record<string, string> = {}): OpsResponse => ({
  status,
  headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...extra },
  body,
});

/** Constant-time check of a Bearer token against the configured one (digests: equal lengths). */
export function isMetricsTokenValid(authorization: string | null, expected: string): boolean {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  return safeEqualHex(digestKey(m?.[1] ?? ""), digestKey(expected)) && Boolean(m);
}

async function metricsBody(queues: readonly string[] | null): Promise<OpsResponse> {
  const own = processMetrics().registry;
  const parts = [await own.metrics()];
  if (queues) parts.push(await clusterMetrics(queues).metrics());
  return text(200, parts.join("\n"), { "Content-Type": own.contentType });
}

/**
 * Answers an operations path; null for any other path. `cluster: false` (a worker process) leaves
 * out the database-derived gauges the web processes already serve.
 */
/**
 * `queues`: the application's job queues, for the cluster-wide gauges (the web processes'); none:
 * this process's own metrics only (a worker's).
 */
export async function handleOpsRaw(req: OpsRequest, opts: { queues?: readonly string[] } = {}): Promise<OpsResponse | null> {
  if (!OPS_PATHS.has(req.pathname)) return null;
  if (req.method !== "GET" && req.method !== "HEAD") return text(405, "Method not allowed", { Allow: "GET, HEAD" });
  if (req.pathname === "/api/health") return json(200, health());
  if (req.pathname === "/api/ready") {
    // Draining after SIGTERM: out of rotation at once, whatever the database says.
    if (isShuttingDown()) return json(503, { status: "not_ready", checks: { shutdown: { ok: false, error: "shutting down" } } });
    const maxQueueLagSeconds = Number(process.env.READY_MAX_QUEUE_LAG_SECONDS ?? 300);
    const r = await checkReadiness(getDb(), { maxQueueLagSeconds });
    return json(r.ready ? 200 : 503, { status: r.ready ? "ready" : "not_ready", checks: r.checks });
  }
  const token = process.env.METRICS_TOKEN;
  if (!token) return text(404, "Not found");
  if (!isMetricsTokenValid(req.authorization, token)) return text(401, "Unauthorized", { "WWW-Authenticate": 'Bearer realm="metrics"' });
  return metricsBody(opts.queues ?? null);
}
