// Serves some Next route handlers over real HTTP for integration tests (no Next server): each
// request becomes a web Request handed to the route's exported POST, with its dynamic params.
import http from "node:http";
import type { AddressInfo } from "node:net";

type Handler = (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;
export type Route = { pattern: RegExp; handler: Handler };

export async function startRouteServer(routes: Route[], port = 0) {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      try {
        const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
        const route = routes.find((r) => r.pattern.test(url.pathname));
        if (!route) {
          res.writeHead(404).end();
          return;
        }
        const params = (url.pathname.match(route.pattern)?.groups ?? {}) as Record<string, string>;
        const headers = new Headers();
        for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
        const request = new Request(url, { method: req.method, headers, body: req.method === "GET" ? undefined : Buffer.concat(chunks) });
        const response = await route.handler(request, { params: Promise.resolve(params) });
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(Buffer.from(await response.arrayBuffer()));
      } catch (e) {
        console.error(e);
        res.writeHead(500).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", () => resolve()));
  return {
    port: (server.address() as AddressInfo).port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
