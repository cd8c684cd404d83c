// What the SSRF tests share: an "internal service" on 127.0.0.1 that answers a secret to whoever
// reaches it, names that resolve where a test says (there is no DNS server to rebind here), and
// the guard closed for the file (scripts/test.mjs opens it for the other tests' local receivers).
import dns from "node:dns";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { setOutboundResolver } from "@/lib/security/outbound-url";

export const SECRET = "INTERNAL-SECRET-7f3a9c";

export type InternalService = { port: number; hits: string[]; stop(): Promise<void> };

/** Answers every request with `status` and a body holding SECRET (as an error an adapter would quote). */
export async function startInternalService(status = 400): Promise<InternalService> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    req.resume();
    req.on("end", () => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify({ code: 99999, message: `${SECRET}: db password is hunter2`, error: { code: 99999, message: SECRET } }));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    port: (server.address() as AddressInfo).port,
    hits,
    stop: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** Names resolving to chosen addresses in the guard's lookup; other names through dns.lookup. */
export function fakeDns(answers: Record<string, string>) {
  setOutboundResolver((hostname, options, callback) => {
    const address = answers[hostname];
    if (!address) return dns.lookup(hostname, options, callback);
    const list: dns.LookupAddress[] = [{ address, family: address.includes(":") ? 6 : 4 }];
    callback(null, list);
  });
  return () => setOutboundResolver(null);
}

/** ALLOW_PRIVATE_WEBHOOKS unset, as in production; returns the function that restores it. */
export function closePrivateTargets() {
  const saved = process.env.ALLOW_PRIVATE_WEBHOOKS;
  delete process.env.ALLOW_PRIVATE_WEBHOOKS;
  return () => {
    if (saved === undefined) delete process.env.ALLOW_PRIVATE_WEBHOOKS;
    else process.env.ALLOW_PRIVATE_WEBHOOKS = saved;
  };
}
