// The SSRF guard for every address a tenant can type (notification rule URLs, an order's
// ipnTargetUrl, a company's SMS provider) and that our processes then call. Two checks:
// - the URL's form, when it is saved: http(s), no credentials, no private/loopback/link-local/
//   metadata/IPv4-mapped literal host, no `localhost`;
// - every address the host resolves to, inside the socket's own DNS lookup (`guardedLookup`), so a
//   name cannot resolve to a public address for a check and a private one for the connection
//   (DNS rebinding). Redirects are never followed (lib/security/outbound-request.ts).
// Closed by default in every process: only ALLOW_PRIVATE_WEBHOOKS=1 opens it (local receivers in
// development and tests). Addresses the operator configured are trusted by their callers instead.
import dns from "node:dns";
import net from "node:net";

export const allowPrivateWebhooks = () => process.env.ALLOW_PRIVATE_WEBHOOKS === "1";

/** Logged once by the server and the worker at start when the guard is open. */
export const PRIVATE_TARGETS_WARNING =
  "ALLOW_PRIVATE_WEBHOOKS=1: URLs typed by tenants (notifications, ipnTargetUrl, SMS provider) may reach private and internal addresses; for development and tests only";

const blockedV4 = new net.BlockList();
for (const [addr, prefix] of [
  ["0.0.0.0", 8], // "this network"
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT (and Alibaba's metadata 100.100.100.200)
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local: the clouds' metadata 169.254.169.254
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  blockedV4.addSubnet(addr, prefix, "ipv4");

const blockedV6 = new net.BlockList();
for (const [addr, prefix] of [
  ["::", 96], // unspecified, loopback, IPv4-compatible
  ["::ffff:0:0", 96], // IPv4-mapped: refused whatever the IPv4 address
  ["::ffff:0:0:0", 96], // IPv4-translated
  ["64:ff9b::", 96], // NAT64: reaches any IPv4 address
  ["64:ff9b:1::", 48],
  ["100::", 64], // discard
  ["2001::", 32], // Teredo
  ["2001:db8::", 32],
  ["2002::", 16], // 6to4: embeds an IPv4 address
  ["fc00::", 7], // unique local (AWS's metadata fd00:ec2::254)
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
] as const)
  blockedV6.addSubnet(addr, prefix, "ipv6");

/** The 8 16-bit words of an IPv6 address (a dotted IPv4 tail and a zone id allowed). */
function ipv6Words(ip: string): number[] {
  let s = ip.split("%")[0]!.toLowerCase();
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(s);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    s = `${s.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = s.split("::");
  const h = head ? head.split(":") : [];
  const t = tail === undefined ? [] : tail ? tail.split(":") : [];
  const words = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill("0"), ...t];
  return words.map((w) => Number.parseInt(w, 16));
}

/**
 * Whether an IP literal must not be called: private, loopback, link-local (metadata included),
 * reserved, multicast, IPv4-mapped or -embedding IPv6. Anything that is not an IP counts as such.
 */
export function isNonPublicAddress(ip: string): boolean {
  const family = net.isIP(ip.split("%")[0]!);
  if (family === 4) return blockedV4.check(ip, "ipv4");
  if (family !== 6) return true;
  const w = ipv6Words(ip);
  const canonical = w.map((x) => x.toString(16)).join(":");
  return blockedV6.check(canonical, "ipv6");
}

/** A host that names this machine or a non-public address by itself (no lookup needed). */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname
    .replace(/^\[|\]$/g, "")
    .replace(/\.$/, "")
    .toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  return net.isIP(host.split("%")[0]!) !== 0 && isNonPublicAddress(host);
}

export type UrlProblem = "invalid" | "scheme" | "credentials" | "https" | "private";

/**
 * The form of a URL a tenant typed: null when it may be saved. `requireHttps` (PRODUCTION) and the
 * private-host rule are waived with ALLOW_PRIVATE_WEBHOOKS=1.
 */
export function outboundUrlProblem(raw: string, opts: { requireHttps?: boolean; maxLength?: number } = {}): UrlProblem | null {
  if (raw.length > (opts.maxLength ?? 2000)) return "invalid";
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "invalid";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "scheme";
  if (!url.hostname) return "invalid";
  if (url.username || url.password) return "credentials";
  if (allowPrivateWebhooks()) return null;
  if (opts.requireHttps && url.protocol !== "https:") return "https";
  return isPrivateHost(url.hostname) ? "private" : null;
}

/** A rule's TEST or PRODUCTION URL (or an order's ipnTargetUrl): an error key, or null. */
export function checkWebhookUrl(raw: string, mode: "TEST" | "PRODUCTION"): string | null {
  const problem = outboundUrlProblem(raw, { requireHttps: mode === "PRODUCTION" });
  return problem && `err_webhook_url_${problem}`;
}

/** The guard refused the target; `address` is for the server's log, never for the tenant. */
export class BlockedAddressError extends Error {
  constructor(readonly address: string) {
    super(`blocked address ${address} (private targets need ALLOW_PRIVATE_WEBHOOKS=1)`);
    this.name = "BlockedAddressError";
  }
}

export type Resolver = (
  hostname: string,
  options: dns.LookupAllOptions,
  callback: (err: NodeJS.ErrnoException | null, addresses: dns.LookupAddress[]) => void,
) => void;

const systemResolver: Resolver = (hostname, options, callback) => dns.lookup(hostname, options, callback);
let resolver: Resolver = systemResolver;

/** Tests only (there is no DNS server to rebind): names resolve through `r`; null restores dns.lookup. */
export function setOutboundResolver(r: Resolver | null) {
  resolver = r ?? systemResolver;
}

/** A `lookup` for net/http(s) that refuses the connection when any resolved address is non-public. */
export function createGuardedLookup(resolve: Resolver): net.LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...(options as dns.LookupOptions), all: true }, (err, list) => {
      if (err) return callback(err, "", 4);
      if (!allowPrivateWebhooks()) {
        const bad = list.find((a) => isNonPublicAddress(a.address));
        if (bad) return callback(new BlockedAddressError(bad.address) as NodeJS.ErrnoException, "", 4);
      }
      if ((options as dns.LookupOptions).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      const first = list[0];
      if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: "ENOTFOUND" }), "", 4);
      callback(null, first.address, first.family);
    });
  };
}

export const guardedLookup = createGuardedLookup((hostname, options, callback) => resolver(hostname, options, callback));
