import type http from "node:http";

export type Drain = (timeoutMs: number) => Promise<{ timedOut: boolean }>;

/**
 * Makes an HTTP server stoppable the way a load balancer expects; call it when the server is made.
 * The returned drain: no new connections, the requests in flight answered, then every connection
 * closed. Node's `server.close()` alone keeps serving new requests on open keep-alive connections
 * and waits for them to time out (65 s here), so from the drain on every response not yet started
 * says `Connection: close`, and connections are closed as soon as they are idle. Past `timeoutMs`
 * the remaining connections are cut. Resolves with how it ended.
 */
export function drainable(server: http.Server): Drain {
  const inFlight = new Set<http.ServerResponse>();
  let draining = false;
  const closeAfter = (res: http.ServerResponse) => {
    if (!res.headersSent) res.setHeader("Connection", "close");
  };
  server.on("request", (_req: http.IncomingMessage, res: http.ServerResponse) => {
    if (draining) return closeAfter(res);
    inFlight.add(res);
    res.once("close", () => inFlight.delete(res));
  });
  return (timeoutMs) =>
    new Promise((resolve) => {
      draining = true;
      for (const res of inFlight) closeAfter(res);
      inFlight.clear();
      let done = false;
      const finish = (timedOut: boolean) => {
        if (done) return;
        done = true;
        clearInterval(idle);
        clearTimeout(cut);
        if (timedOut) server.closeAllConnections();
        resolve({ timedOut });
      };
      server.close(() => finish(false));
      server.closeIdleConnections();
      // A keep-alive connection becomes idle when its last response is written.
      const idle = setInterval(() => server.closeIdleConnections(), 100);
      const cut = setTimeout(() => finish(true), Math.max(0, timeoutMs));
    });
}
