// The SSRF guard's pure parts: which addresses are never called, the URL form check, and the
// socket lookup over every resolved address (a fake resolver stands in for DNS).
import type dns from "node:dns";
import { afterEach, describe, expect, it } from "vitest";
import {
  BlockedAddressError,
  createGuardedLookup,
  isNonPublicAddress,
  isPrivateHost,
  outboundUrlProblem,
  type Resolver,
} from "@/lib/security/outbound-url";

const saved = process.env.ALLOW_PRIVATE_WEBHOOKS;
afterEach(() => {
  if (saved === undefined) delete process.env.ALLOW_PRIVATE_WEBHOOKS;
  else process.env.ALLOW_PRIVATE_WEBHOOKS = saved;
});
const closed = () => delete process.env.ALLOW_PRIVATE_WEBHOOKS;

describe("isNonPublicAddress", () => {
  it.each([
    "127.0.0.1",
    "127.255.0.9",
    "10.0.0.1",
    "172.16.5.4",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254", // AWS, GCP, Azure metadata
    "100.100.100.200", // Alibaba metadata
    "100.64.0.1",
    "0.0.0.0",
    "224.0.0.1",
    "255.255.255.255",
    "::",
    "::1",
    "fe80::1",
    "fe80::1%lo0",
    "fc00::1",
    "fd00:ec2::254", // AWS metadata over IPv6
    "::ffff:10.0.0.1",
    "::ffff:a00:1", // the same, as URL parsing writes it
    "::ffff:7f00:1",
    "::ffff:127.0.0.1",
    "0:0:0:0:0:ffff:a9fe:a9fe",
    "::ffff:8.8.8.8", // IPv4-mapped: refused whatever the address
    "::7f00:1", // IPv4-compatible
    "64:ff9b::a00:1", // NAT64
    "2002:a00:1::1", // 6to4
    "2001:db8::1",
    "ff02::1",
    "not-an-ip",
  ])("%s is not called", (ip) => expect(isNonPublicAddress(ip)).toBe(true));

  it.each(["8.8.8.8", "1.1.1.1", "93.184.216.34", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111", "2001:4860:4860::8888"])(
    "%s is public",
    (ip) => expect(isNonPublicAddress(ip)).toBe(false),
  );
});

describe("isPrivateHost", () => {
  it("localhost names and non-public literals (as URL parsing writes them)", () => {
    for (const raw of [
      "http://localhost/",
      "http://LOCALHOST./",
      "http://api.localhost/",
      "http://[::1]/",
      "http://0x7f.1/",
      "http://2130706433/",
    ]) {
      expect(isPrivateHost(new URL(raw).hostname), raw).toBe(true);
    }
    expect(isPrivateHost(new URL("http://[::ffff:10.0.0.1]/").hostname)).toBe(true);
    expect(isPrivateHost("api.twilio.com")).toBe(false);
    expect(isPrivateHost("localhost.example.com")).toBe(false);
  });
});

describe("outboundUrlProblem", () => {
  it("closed (ALLOW_PRIVATE_WEBHOOKS unset): scheme, credentials, private hosts, https when asked", () => {
    closed();
    const cases: [string, ReturnType<typeof outboundUrlProblem>][] = [
      ["https://shop.example/ipn", null],
      ["http://shop.example/ipn", null],
      ["ftp://shop.example/ipn", "scheme"],
      ["javascript:alert(1)", "scheme"],
      ["file:///etc/passwd", "scheme"],
      ["nope", "invalid"],
      [`https://shop.example/${"x".repeat(2000)}`, "invalid"],
      ["https://user:pw@shop.example/ipn", "credentials"],
      ["http://127.0.0.1/ipn", "private"],
      ["http://localhost:8080/ipn", "private"],
      ["http://[::ffff:10.0.0.1]/ipn", "private"],
      ["http://[::ffff:7f00:1]/ipn", "private"],
      ["http://169.254.169.254/latest/meta-data/", "private"],
      ["http://[fd00:ec2::254]/", "private"],
    ];
    for (const [raw, problem] of cases) expect(outboundUrlProblem(raw), raw).toBe(problem);
    expect(outboundUrlProblem("http://shop.example/ipn", { requireHttps: true })).toBe("https");
    expect(outboundUrlProblem("https://shop.example/ipn", { requireHttps: true })).toBeNull();
  });

  it("open only with ALLOW_PRIVATE_WEBHOOKS=1 (not with 0, not with NODE_ENV)", () => {
    for (const v of ["0", "true", "yes"]) {
      process.env.ALLOW_PRIVATE_WEBHOOKS = v;
      expect(outboundUrlProblem("http://127.0.0.1/ipn"), v).toBe("private");
    }
    process.env.ALLOW_PRIVATE_WEBHOOKS = "1";
    expect(outboundUrlProblem("http://127.0.0.1/ipn")).toBeNull();
    expect(outboundUrlProblem("http://shop.example/ipn", { requireHttps: true })).toBeNull();
    // Still refused: what is never a web address.
    expect(outboundUrlProblem("ftp://127.0.0.1/")).toBe("scheme");
    expect(outboundUrlProblem("http://a:b@127.0.0.1/")).toBe("credentials");
  });
});

describe("createGuardedLookup: every resolved address is checked", () => {
  const fake =
    (answers: Record<string, dns.LookupAddress[]>): Resolver =>
    (hostname, _options, callback) =>
      callback(null, answers[hostname] ?? []);
  const lookup = createGuardedLookup(
    fake({
      "public.test": [{ address: "93.184.216.34", family: 4 }],
      "metadata.test": [{ address: "169.254.169.254", family: 4 }],
      "mapped.test": [{ address: "::ffff:10.0.0.1", family: 6 }],
      // A public address first does not hide a private one after it.
      "mixed.test": [
        { address: "93.184.216.34", family: 4 },
        { address: "127.0.0.1", family: 4 },
      ],
    }),
  );
  const run = (hostname: string, all = false) =>
    new Promise<{ err: NodeJS.ErrnoException | null; result: unknown }>((resolve) =>
      lookup(hostname, { all } as dns.LookupOneOptions, (err, address) => resolve({ err, result: address })),
    );

  it("refuses a name with any non-public address; passes public ones, one or all", async () => {
    closed();
    for (const [name, address] of [
      ["metadata.test", "169.254.169.254"],
      ["mapped.test", "::ffff:10.0.0.1"],
      ["mixed.test", "127.0.0.1"],
    ] as const) {
      const { err } = await run(name);
      expect(err, name).toBeInstanceOf(BlockedAddressError);
      expect((err as BlockedAddressError).address).toBe(address);
    }
    expect(await run("public.test")).toEqual({ err: null, result: "93.184.216.34" });
    expect(await run("public.test", true)).toEqual({ err: null, result: [{ address: "93.184.216.34", family: 4 }] });
    expect((await run("unknown.test")).err?.code).toBe("ENOTFOUND");
    process.env.ALLOW_PRIVATE_WEBHOOKS = "1";
    expect(await run("metadata.test")).toEqual({ err: null, result: "169.254.169.254" });
  });
});
