// `npm run worker`: a worker process alone (scale out: run several against one database).
import http from "node:http";
import { startWorker } from "../lib/composition/worker";
import { handleOpsRaw } from "../lib/ops/handler";
import { allowPrivateWebhooks, PRIVATE_TARGETS_WARNING } from "../lib/security/outbound-url";
import { loadEnvOrExit } from "../lib/server/env";
import { logger } from "../lib/server/logger";
import { onShutdownSignal, releaseResources } from "../lib/server/shutdown";

// Configuration first: a bad variable stops here with one line naming it.
const config = loadEnvOrExit();
if (allowPrivateWebhooks()) logger.warn(PRIVATE_TARGETS_WARNING);
process.env.PO_WORKER = "1";
// SIGTERM / SIGINT: no more fetching; the jobs in hand finish (SHUTDOWN_TIMEOUT_SECONDS, then what
// is left is failed and retried by another worker); pools closed; exit 0. Installed before the
// worker starts: its jobs run as soon as they are registered, while the start still recovers
// messages, and a signal then must not kill a job mid-batch.
onShutdownSignal("worker", releaseResources);
await startWorker();

// WORKER_METRICS_PORT: this process's own metrics (job latency and failures, IPN outcomes, Node's)
// at /api/metrics, with the same token, and /api/health; the cluster-wide gauges are the web processes'.
if (config.WORKER_METRICS_PORT !== undefined) {
  const server = http.createServer((req, res) => {
    const pathname = (req.url ?? "/").split("?")[0] ?? "/";
    // Liveness and metrics; readiness is the web processes' (it checks the shared database).
    const ops =
      pathname === "/api/ready"
        ? Promise.resolve(null)
        : handleOpsRaw({ method: req.method ?? "GET", pathname, authorization: req.headers.authorization ?? null });
    ops.then(
      (r) => {
        const answer = r ?? { status: 404, headers: {}, body: "" };
        res.writeHead(answer.status, answer.headers).end(answer.body);
      },
      (err) => {
        logger.error({ err }, "worker metrics endpoint failed");
        res.writeHead(500).end();
      },
    );
  });
  server.listen(config.WORKER_METRICS_PORT, config.HOST ?? "0.0.0.0", () =>
    logger.info({ port: config.WORKER_METRICS_PORT }, "worker metrics listening"),
  );
}
