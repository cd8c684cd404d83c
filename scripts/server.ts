// Production HTTP server (`npm start`): Next.js serves the back office and the buyer pages; the
// REST API (/api-payment/V4/*) is answered here directly by lib/lyra-api, without Next's routing
// (measured ~1.3 ms of CPU per request for a trivial Next route handler on 2 cores, i.e. a
// ceiling under 1,000 req/s). The Next route file serves the same handler under `next dev`.
import http from "node:http";
import next from "next";
import { handleV4Raw } from "../lib/lyra-api/handler";
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

const app = next({ dev: false, dir: process.cwd(), hostname, port });
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
