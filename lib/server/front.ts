// The production server's request listener (scripts/server.ts): every request gets a request id
// (X-Request-Id in and out), an async context carrying it, its latency in the HTTP histogram and
// one access log line; then the application's routes (the composition room's: operations
// endpoints, REST API, buyer pages) answer what is theirs, and everything else goes to Next.
// Before any of that, for every request: the socket peer is appended to X-Forwarded-For
// (client-address.ts reads the client from it), and a path whose percent-escapes do not decode
// (or decode to U+0000) is answered 400 at once.
import type http from "node:http";
import { logger } from "./logger";
import { methodLabel, processMetrics, routeGroup, statusClass } from "./metrics";
import { type RequestContext, requestIdFrom, runWithContext } from "./request-context";

const MAX_BODY = 256 * 1024;

type Listener = (req: http.IncomingMessage, res: http.ServerResponse) => void;
export type FrontResponse = { status: number; headers: Record<string, string>; body: string | Buffer };

/** The application's routes, given to the front by the composition room. */
export type FrontRoutes = {
  /** Answers the request and returns true, or returns false (Next answers it). */
  handle(req: http.IncomingMessage, res: http.ServerResponse, url: string, pathname: string): boolean;
  /** The 400 for a path that does not decode, when a route family has its own envelope. */
  badPath?(pathname: string): FrontResponse | null;
};

/** The request's body, up to 256 KiB (+1 byte, so the route sees it was longer). */
export function readBody(req: http.IncomingMessage): Promise<string> {
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

/** The path as logged: no query string, and a buyer link's token (a bearer secret) masked. */
export const loggedPath = (pathname: string) => pathname.replace(/^\/pay\/[^/]+/, "/pay/:token");

export function send(res: http.ServerResponse, r: FrontResponse) {
  res.writeHead(r.status, r.headers);
  res.end(r.body);
}

export function fail(res: http.ServerResponse, err: unknown, what: string) {
  logger.error({ err }, `${what} failed`);
  if (!res.headersSent) res.writeHead(500);
  res.end();
}

/** Measures and logs one request when its response is done (or the client went away). */
function observe(req: http.IncomingMessage, res: http.ServerResponse, ctx: RequestContext, pathname: string) {
  const t0 = performance.now();
  res.once("close", () => {
    const seconds = (performance.now() - t0) / 1000;
    const route = routeGroup(pathname);
    const method = methodLabel(req.method);
    processMetrics().httpDuration.observe({ route, method, status_class: statusClass(res.statusCode) }, seconds);
    if (route === "health" || route === "next_static" || route === "pay_assets") return;
    // A buyer page shown without trouble is the busiest and least telling request: its line is
    // debug (the latency histogram still counts it); its POSTs, errors and everything else are info.
    // Measured: an info line per page view cost ~30 % of the page's throughput (docs/benchmarks.md).
    const quiet = (route === "pay_page" || route === "collect") && method === "GET" && res.statusCode < 400;
    if (quiet && !logger.isLevelEnabled("debug")) return;
    logger[quiet ? "debug" : "info"](
      {
        reqId: ctx.requestId,
        method,
        route,
        path: loggedPath(pathname),
        status: res.statusCode,
        ms: Math.round(seconds * 10_000) / 10,
        ...(res.writableFinished ? {} : { aborted: true }),
        ...ctx.fields,
      },
      "request",
    );
  });
}

/** The server's listener; `routes` answer what is theirs, `next` whatever is not. */
export function createFront(next: Listener, routes: FrontRoutes): Listener {
  return (req, res) => {
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const pathname = q === -1 ? url : url.slice(0, q);
    const ctx: RequestContext = { requestId: requestIdFrom(req.headers["x-request-id"]), fields: {} };
    res.setHeader("X-Request-Id", ctx.requestId as string);
    observe(req, res, ctx, pathname);
    // Always appended, also for Next: Next only sets X-Forwarded-For when it is absent, which
    // would leave a client-sent header's last entry (attacker-chosen) as the client's address.
    const xff = req.headers["x-forwarded-for"];
    const peer = req.socket.remoteAddress ?? "";
    req.headers["x-forwarded-for"] = xff ? `${xff}, ${peer}` : peer;
    if (!decodes(pathname)) {
      send(res, routes.badPath?.(pathname) ?? BAD_PATH);
      return;
    }
    runWithContext(ctx, () => {
      if (!routes.handle(req, res, url, pathname)) next(req, res);
    });
  };
}

/**
 * Whether every percent-escape of the path decodes (else decodeURIComponent throws, here or in
 * Next), and not to U+0000: no path of ours holds one, and PostgreSQL refuses it in a query.
 */
function decodes(pathname: string): boolean {
  if (!pathname.includes("%")) return true;
  try {
    return !decodeURIComponent(pathname).includes("\u0000");
  } catch {
    return false;
  }
}

const BAD_PATH = {
  status: 400,
  headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  body: "Bad request: invalid percent-escape in the path (malformed, or U+0000)\n",
};
