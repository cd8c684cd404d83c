// The production server's front (lib/server/front.ts: request id, metrics, access log, ops, REST
// API, buyer pages) over real HTTP without a Next build: `next` stands in for Next.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { frontRoutes } from "@/lib/composition/front-routes";
import { createFront } from "@/lib/server/front";

type Listener = (req: http.IncomingMessage, res: http.ServerResponse) => void;

const notFound: Listener = (_req, res) => {
  res.writeHead(404, { "Content-Type": "text/plain" });
  res.end("Not found (Next stand-in)");
};

/** `port`: 0 for any free one, or one chosen earlier (APP_URL must name it before the code reads it). */
export async function startFrontServer(next: Listener = notFound, port = 0) {
  const server = http.createServer(createFront(next, frontRoutes));
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
