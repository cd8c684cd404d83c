// Production HTTP server (`npm start`): Next.js serves the back office; the REST API
// (/api-payment/V4/*) and the buyer pages (/pay/*, /collect/*, /pay-assets/*) are answered here directly by
// lib/lyra-api and lib/pay-page, without Next's routing and renderer (measured ~1.3 ms of CPU per
// request for a trivial Next route handler and ~10 ms for a dynamic page on 2 cores, against the
// buyer page's goal of p95 ≤ 30 ms at 50 connections). `npm run dev` runs this same server with
// `--dev` (Next in development mode behind it).
import http from "node:http";
import next from "next";
import { handleV4Raw } from "../lib/lyra-api/handler";
import { handlePayRaw } from "../lib/pay-page/handler";
import { stopBoss } from "../lib/server/jobs/boss";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "0.0.0.0";
const PREFIX = "/api-payment/V4/";
const MAX_BODY = 256 * 1024;

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY + 1) chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

const dev = process.argv.includes("--dev");
const app = next({ dev, dir: process.cwd(), hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  const url = req.url ?? "/";
  if (req.method === "POST" && url.startsWith(PREFIX)) {
    const service = decodeURIComponent(url.slice(PREFIX.length).split("?")[0] ?? "");
    const idem = req.headers["idempotency-key"];
    handleV4Raw(service, {
      authorization: req.headers.authorization ?? null,
      idempotencyKey: typeof idem === "string" ? idem : null,
      readBody: () => readBody(req),
    }).then(
      (r) => {
        res.writeHead(r.status, r.headers);
        res.end(r.body);
      },
      (e) => {
        console.error("[api]", e);
        res.writeHead(500);
        res.end();
      },
    );
    return;
  }
  if (url.startsWith("/pay/") || url.startsWith("/pay-assets/") || url.startsWith("/collect/")) {
    // What Next would do: the peer's address appended to X-Forwarded-For (client-address.ts).
    const peer = req.socket.remoteAddress ?? "";
    const xff = req.headers["x-forwarded-for"];
    const headers: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(", ") : v;
    headers["x-forwarded-for"] = xff ? `${xff}, ${peer}` : peer;
    handlePayRaw({ method: req.method ?? "GET", url, headers, readBody: () => readBody(req) }).then(
      (r) => {
        res.writeHead(r.status, r.headers);
        res.end(r.body);
      },
      (e) => {
        console.error("[pay]", e);
        res.writeHead(500);
        res.end();
      },
    );
    return;
  }
  void handle(req, res);
});
server.keepAliveTimeout = 65_000;
server.listen(port, hostname, () => console.log(`[server] ready on http://${hostname}:${port}`));

let closing = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    console.log(`[server] ${signal}: closing`);
    server.close();
    server.closeIdleConnections();
    void stopBoss()
      .then(() => app.close())
      .finally(() => process.exit(0));
  });
}
