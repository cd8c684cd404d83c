// The server front (lib/server/front.ts) on every request, over real HTTP with a stand-in for Next:
// the client address that rate limits and the audit log read (X-Forwarded-For, TRUST_PROXY_HOPS),
// and paths whose percent-escapes do not decode, answered 400 at once.
import http from "node:http";
import net from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/server/client-address";
import { startFrontServer } from "../helpers/front-server";

let front: Awaited<ReturnType<typeof startFrontServer>>;
const uncaught: unknown[] = [];
const onUncaught = (e: unknown) => uncaught.push(e);

beforeAll(async () => {
  process.on("uncaughtException", onUncaught);
  // Next's stand-in answers with the address our code would see (as authorize and server actions do).
  front = await startFrontServer((req, res) => {
    res.writeHead(200, { "Content-Type": "text/plain" });
    res.end(clientAddress(req.headers) ?? "none");
  });
});
afterAll(async () => {
  await front.stop();
  process.off("uncaughtException", onUncaught);
});
afterEach(() => {
  delete process.env.TRUST_PROXY_HOPS;
});

const seenAddress = async (xff?: string) =>
  (await fetch(`${front.base}/api/auth/callback/credentials`, { method: "POST", headers: xff ? { "X-Forwarded-For": xff } : {} })).text();

/** One request written by hand on a socket (Connection: close): the answer, and how long it took to come. */
function rawRequest(lines: string): Promise<{ head: string; body: string; ms: number }> {
  const { port } = new URL(front.base);
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const socket = net.connect(Number(port), "127.0.0.1", () => socket.write(lines));
    let data = "";
    let ms = 0;
    socket.setTimeout(2_000, () => socket.destroy(new Error(`no answer in 2 s to ${lines.split("\r\n")[0]}`)));
    socket.on("data", (c) => {
      ms ||= performance.now() - t0;
      data += c;
    });
    socket.on("end", () => {
      const [head = "", body = ""] = data.split("\r\n\r\n");
      // The body as sent (chunked or not): the JSON between its first "{" and last "}".
      resolve({ head, body: body.slice(body.indexOf("{"), body.lastIndexOf("}") + 1), ms });
    });
    socket.on("error", reject);
  });
}

describe("the client address", () => {
  it("on Next's routes is the peer, whatever X-Forwarded-For the client sends", async () => {
    expect(await seenAddress()).toBe("127.0.0.1");
    expect(await seenAddress("203.0.113.7")).toBe("127.0.0.1");
    expect(await seenAddress("198.51.100.1, 203.0.113.7")).toBe("127.0.0.1");
  });

  it("behind TRUST_PROXY_HOPS proxies is the entry that many hops left of the peer", async () => {
    process.env.TRUST_PROXY_HOPS = "1";
    // The proxy appended the address it received from; what the client claimed is further left.
    expect(await seenAddress("198.51.100.4")).toBe("198.51.100.4");
    expect(await seenAddress("203.0.113.66, 198.51.100.4")).toBe("198.51.100.4");
    process.env.TRUST_PROXY_HOPS = "2";
    expect(await seenAddress("203.0.113.66, 198.51.100.4, 10.0.0.2")).toBe("198.51.100.4");
    // Fewer hops than configured: the leftmost entry (so the server must be reachable only through them).
    expect(await seenAddress()).toBe("127.0.0.1");
  });
});

describe("a malformed percent-escape in the path", () => {
  it("POST /api-payment/V4/%E0: 400 within 100 ms, a Lyra error envelope, no uncaught exception", async () => {
    // The first API answer of the process pays for compiling the envelope's code: not measured
    // (a call without credentials, answered without the database).
    await rawRequest("POST /api-payment/V4/Charge/SDKTest HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    const body = '{"value":"x"}';
    const r = await rawRequest(
      `POST /api-payment/V4/%E0 HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
    );
    expect(r.head).toMatch(/^HTTP\/1\.1 400 /);
    expect(r.ms, `${Math.round(r.ms)} ms`).toBeLessThan(100);
    expect(JSON.parse(r.body)).toMatchObject({
      webService: "%E0",
      status: "ERROR",
      answer: { errorCode: "INT_901", detailedErrorMessage: "Invalid percent-escape in the path (malformed, or U+0000)" },
    });
    expect(uncaught).toEqual([]);
  });

  it("any other path, GET or POST, ours or Next's: 400 at once, and the server keeps serving", async () => {
    for (const [method, path] of [
      ["GET", "/orders/%E0%A4"],
      ["POST", "/api/auth/callback/%C0"],
      ["GET", "/pay/%ZZ"],
      ["POST", "/collect/12345678/%"],
      ["GET", "/api-payment/V4/Charge/%E0"],
      // A NUL byte, well-formed but never in a path of ours (and refused by PostgreSQL).
      ["GET", "/orders/%00"],
      ["POST", "/api-payment/V4/Charge/SDKTest%00"],
    ]) {
      const r = await rawRequest(`${method} ${path}?q=1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      expect(r.head, path).toMatch(/^HTTP\/1\.1 400 /);
      expect(r.ms, `${path}: ${Math.round(r.ms)} ms`).toBeLessThan(100);
    }
    expect(uncaught).toEqual([]);
    // Well-formed escapes still pass, to Next here.
    const ok = await new Promise<number>((resolve, reject) =>
      http.get(`${front.base}/orders/%C3%A9t%C3%A9`, (res) => resolve(res.resume().statusCode ?? 0)).on("error", reject),
    );
    expect(ok).toBe(200);
  });
});
