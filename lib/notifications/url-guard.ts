// SSRF guard for notification URLs. At save time the URL's form is checked (http(s), https for
// PRODUCTION); at delivery time every address the host resolves to is checked inside the socket's
// own DNS lookup, so a name cannot resolve to a public address for the check and a private one
// for the connection (DNS rebinding). Private, loopback and link-local targets are allowed only
// with ALLOW_PRIVATE_WEBHOOKS=1 (default: on outside production builds).
import dns from "node:dns";
import net from "node:net";

export const allowPrivateWebhooks = () =>
  process.env.ALLOW_PRIVATE_WEBHOOKS !== undefined ? process.env.ALLOW_PRIVATE_WEBHOOKS === "1" : process.env.NODE_ENV !== "production";

const blocked = new net.BlockList();
for (const [addr, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  blocked.addSubnet(addr, prefix, "ipv4");
for (const [addr, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["2001:db8::", 32],
  ["64:ff9b::", 96],
] as const)
  blocked.addSubnet(addr, prefix, "ipv6");

/** Whether an IP literal is private, loopback, link-local, reserved or multicast (IPv4-mapped IPv6 included). */
export function isNonPublicAddress(ip: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1];
  if (mapped) return blocked.check(mapped, "ipv4");
  const family = net.isIP(ip);
  if (family === 4) return blocked.check(ip, "ipv4");
  if (family === 6) return blocked.check(ip, "ipv6");
  return true;
}

/** The URL's form, for a rule's TEST or PRODUCTION URL: an error key, or null when acceptable. */
export function checkWebhookUrl(raw: string, mode: "TEST" | "PRODUCTION"): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "err_webhook_url_invalid";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "err_webhook_url_scheme";
  if (url.username || url.password) return "err_webhook_url_credentials";
  if (raw.length > 2000) return "err_webhook_url_invalid";
  const allowPrivate = allowPrivateWebhooks();
  if (mode === "PRODUCTION" && url.protocol !== "https:" && !allowPrivate) return "err_webhook_url_https";
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (!allowPrivate && (host === "localhost" || host.endsWith(".localhost") || (net.isIP(host) && isNonPublicAddress(host)))) {
    return "err_webhook_url_private";
  }
  return null;
}

export class BlockedAddressError extends Error {
  constructor(readonly address: string) {
    super(`blocked address ${address} (private targets need ALLOW_PRIVATE_WEBHOOKS=1)`);
    this.name = "BlockedAddressError";
  }
}

/** A `lookup` for http(s).request that refuses non-public addresses unless they are allowed. */
export const guardedLookup: net.LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, "", 4);
    const list = addresses as dns.LookupAddress[];
    if (!allowPrivateWebhooks()) {
      const bad = list.find((a) => isNonPublicAddress(a.address));
      if (bad) return callback(new BlockedAddressError(bad.address) as NodeJS.ErrnoException, "", 4);
    }
    if ((options as dns.LookupOptions).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
    const first = list[0];
    if (!first) return callback(new Error(`no address for ${hostname}`) as NodeJS.ErrnoException, "", 4);
    callback(null, first.address, first.family);
  });
};
