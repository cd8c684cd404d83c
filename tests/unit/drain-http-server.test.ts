import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { type Drain, drainable } from "@/lib/server/drain-http-server";

let server: http.Server;
let drain: Drain;
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

async function start() {
  server = http.createServer((req, res) => {
    if (req.url === "/hang") return; // never answered
    setTimeout(() => res.end(`ok ${req.url}`), req.url === "/slow" ? 300 : 0);
  });
  server.keepAliveTimeout = 65_000;
  drain = drainable(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return (server.address() as AddressInfo).port;
}

function get(port: number, path: string, viaAgent = true) {
  return new Promise<{ status: number; connection: string | undefined; body: string }>((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path, agent: viaAgent ? agent : false }, (res) => {
        let body = "";
        res.on("data", (c) => {
          body += c;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body }));
      })
      .on("error", reject);
  });
}

afterEach(() => {
  server.closeAllConnections();
  server.close();
});

describe("drainable", () => {
  it("answers the request in flight with Connection: close, refuses new connections, ends without waiting for keep-alive", async () => {
    const port = await start();
    expect((await get(port, "/warm")).connection).toBe("keep-alive"); // one idle keep-alive socket
    const inFlight = get(port, "/slow");
    await new Promise((r) => setTimeout(r, 50));
    const t0 = Date.now();
    const drained = drain(5_000);
    await expect(get(port, "/new", false)).rejects.toThrow(/ECONNREFUSED/);
    expect(await inFlight).toEqual({ status: 200, connection: "close", body: "ok /slow" });
    expect(await drained).toEqual({ timedOut: false });
    expect(Date.now() - t0).toBeLessThan(2_000);
  });

  it("cuts what is still running at the deadline", async () => {
    const port = await start();
    const hung = get(port, "/hang", false);
    await new Promise((r) => setTimeout(r, 50));
    const t0 = Date.now();
    expect(await drain(300)).toEqual({ timedOut: true });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
    await expect(hung).rejects.toThrow(/socket hang up|ECONNRESET/);
  });
});
