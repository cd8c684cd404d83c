// Production HTTP server (`npm start`): Next.js serves the back office; the REST API
// (/api-payment/V4/*) and the buyer pages (/pay/*, /collect/*, /pay-assets/*) are answered here directly by
// lib/lyra-api and lib/pay-page, without Next's routing and renderer (measured ~1.3 ms of CPU per
// request for a trivial Next route handler and ~10 ms for a dynamic page on 2 cores, against the
// buyer page's goal of p95 ≤ 30 ms at 50 connections). `npm run dev` runs this same server with
// `--dev` (Next in development mode behind it).
import http from "node:http";
import next from "next";
import { frontRoutes } from "../lib/composition/front-routes";
import { allowPrivateWebhooks, PRIVATE_TARGETS_WARNING } from "../lib/security/outbound-url";
import { getDb } from "../lib/server/db";
import { drainable } from "../lib/server/drain-http-server";
import { loadEnvOrExit } from "../lib/server/env";
import { createFront } from "../lib/server/front";
import { logger } from "../lib/server/logger";
import { onShutdownSignal, releaseResources } from "../lib/server/shutdown";
import { formatBanner, gatherBannerFacts } from "./ready-banner";

// Configuration first: a bad variable stops here with one line naming it.
const config = loadEnvOrExit();
if (allowPrivateWebhooks()) logger.warn(PRIVATE_TARGETS_WARNING);
const port = config.PORT;
const hostname = config.HOST ?? "0.0.0.0";

const dev = process.argv.includes("--dev");
const app = next({ dev, dir: process.cwd(), hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

// Request id, metrics and access log for every request; ops, REST API and buyer pages answered
// directly (lib/server/front.ts, routes from lib/composition); the rest by Next.
const server = http.createServer(
  createFront((req, res) => {
    void handle(req, res);
  }, frontRoutes),
);
server.keepAliveTimeout = 65_000;
const drain = drainable(server);
server.listen(port, hostname, () => {
  logger.info({ url: `http://${hostname}:${port}` }, "server ready");
  // The block a person reads (the URL to open is APP_URL, not the address listened on).
  gatherBannerFacts(getDb())
    .then((facts) => process.stderr.write(`${formatBanner(facts)}\n`))
    .catch((err) => logger.error({ err }, "ready banner not printed"));
});

// SIGTERM / SIGINT: stop accepting, answer the requests in flight (Connection: close), then the
// in-process worker's jobs, Next and the pools, all within SHUTDOWN_TIMEOUT_SECONDS; exit 0.
onShutdownSignal("server", async (deadline) => {
  const { timedOut } = await drain(deadline - Date.now());
  if (timedOut) logger.warn("requests still running at the shutdown deadline were cut");
  await app.close();
  await releaseResources(deadline);
});
