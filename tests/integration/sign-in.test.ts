import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { safeCallbackPath, sameOriginUrl } from "@/lib/auth/callback-url";
import { SIGN_IN_BACKOFF, verifyCredentials } from "@/lib/auth/verify-credentials";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { startFrontServer } from "../helpers/front-server";
import { nextAuthStandIn, signInOver } from "../helpers/next-auth-stand-in";

const VIEWER = { email: "viewer@demo.test", password: "demo-viewer-1" };
const ADMIN = { email: "admin@demo.test", password: "demo-admin-1" };

/** Moves a throttle bucket's last attempt back in time, as if the wait had passed. */
const age = (key: string, seconds: number) =>
  db.$executeRaw`UPDATE "RateLimitBucket" SET "windowStart" = "windowStart" - make_interval(secs => ${seconds}) WHERE key = ${key}`;
const bucket = (key: string) => db.rateLimitBucket.findUnique({ where: { key } });

beforeAll(async () => {
  await resetDatabase();
  await seedTenants();
});
beforeEach(async () => {
  await db.rateLimitBucket.deleteMany();
});

describe("sign-in", () => {
  it("accepts the right password (e-mail case-insensitive), refuses others alike", async () => {
    expect(await verifyCredentials(db, { email: "Admin@Demo.test", password: "demo-admin-1" })).toMatchObject({ ok: true });
    expect(await verifyCredentials(db, { email: "admin@demo.test", password: "wrong" })).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyCredentials(db, { email: "nobody@demo.test", password: "demo-admin-1" })).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyCredentials(db, { email: "not-an-email", password: "x" })).toEqual({ ok: false, reason: "invalid" });
  });

  it("stores passwords hashed with argon2id", async () => {
    const u = await db.user.findUniqueOrThrow({ where: { email: "admin@demo.test" }, select: { passwordHash: true } });
    expect(u.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("keeps shop keys out of reach: digests and ciphertexts only", async () => {
    const raw = await db.$queryRaw<Record<string, string>[]>`SELECT * FROM "Shop" WHERE id = '12345678'`;
    const dump = JSON.stringify(raw);
    expect(dump).not.toContain("testpassword_DEMOSHOPKEY0000000001");
    expect(dump).not.toContain("testhmac_DEMOSHOPKEY0000000001");
    // and the default client never selects them
    const shop = await db.shop.findUniqueOrThrow({ where: { id: "12345678" } });
    expect(Object.keys(shop)).not.toContain("testPasswordEnc");
  });
});

describe("sign-in throttling: a growing delay, never a lock", () => {
  it("failures from one address slow that address down on that account; the owner elsewhere is not kept out", async () => {
    const from = "203.0.113.10";
    const key = `signin:pair:${from}:${VIEWER.email}`;
    const bad = () => verifyCredentials(db, { ...VIEWER, password: "bad", clientAddress: from });
    for (let i = 0; i < SIGN_IN_BACKOFF.pair.free; i++) expect(await bad()).toEqual({ ok: false, reason: "invalid" });
    // After 5 failures the next attempt waits 1 s, even with the right password...
    expect(await bad()).toEqual({ ok: false, reason: "rate_limited", retryAfterSeconds: 1 });
    expect(await verifyCredentials(db, { ...VIEWER, clientAddress: from })).toMatchObject({ reason: "rate_limited" });
    // ...while the owner, from anywhere else, signs in.
    expect(await verifyCredentials(db, { ...VIEWER, clientAddress: "198.51.100.20" })).toMatchObject({ ok: true });
    // Each further failure doubles the wait: 2 s, then 4 s; refused attempts do not count.
    await age(key, 1);
    expect(await bad()).toEqual({ ok: false, reason: "invalid" });
    expect(await bad()).toEqual({ ok: false, reason: "rate_limited", retryAfterSeconds: 2 });
    await age(key, 2);
    expect(await bad()).toEqual({ ok: false, reason: "invalid" });
    expect(await bad()).toEqual({ ok: false, reason: "rate_limited", retryAfterSeconds: 4 });
    expect((await bucket(key))?.count).toBe(7);
    // At most 15 minutes, however many failures.
    await db.rateLimitBucket.update({ where: { key }, data: { count: 2_000 } });
    expect(await bad()).toEqual({ ok: false, reason: "rate_limited", retryAfterSeconds: 900 });
    // Once waited, the right password passes and clears the account's count for that address.
    await age(key, 900);
    expect(await verifyCredentials(db, { ...VIEWER, clientAddress: from })).toMatchObject({ ok: true });
    expect(await bucket(key)).toBeNull();
    // An hour without failures: forgotten.
    for (let i = 0; i < SIGN_IN_BACKOFF.pair.free; i++) await bad();
    await age(key, SIGN_IN_BACKOFF.pair.forgetSeconds + 1);
    expect(await bad()).toEqual({ ok: false, reason: "invalid" });
    expect((await bucket(key))?.count).toBe(1);
  });

  it("concurrent attempts cannot slip past the delay before the first failures are counted", async () => {
    const results = await Promise.all(
      Array.from({ length: 15 }, () => verifyCredentials(db, { ...ADMIN, password: "bad", clientAddress: "203.0.113.11" })),
    );
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(SIGN_IN_BACKOFF.pair.free);
    expect(results.filter((r) => !r.ok && r.reason === "rate_limited")).toHaveLength(15 - SIGN_IN_BACKOFF.pair.free);
  });

  it("one address trying many accounts: a growing delay after 50 failures, on every account from it", async () => {
    const from = "203.0.113.12";
    const key = `signin:addr:${from}`;
    // A success does not buy more guesses: it takes back its own attempt only.
    expect(await verifyCredentials(db, { ...ADMIN, clientAddress: from })).toMatchObject({ ok: true });
    expect(await bucket(key)).toMatchObject({ count: 0 });
    for (let i = 0; i < SIGN_IN_BACKOFF.address.free; i++) {
      expect(await verifyCredentials(db, { email: `guess-${i}@demo.test`, password: "x", clientAddress: from })).toMatchObject({
        reason: "invalid",
      });
    }
    expect(await verifyCredentials(db, { email: "guess-x@demo.test", password: "x", clientAddress: from })).toEqual({
      ok: false,
      reason: "rate_limited",
      retryAfterSeconds: 1,
    });
    expect(await verifyCredentials(db, { ...ADMIN, clientAddress: from })).toMatchObject({ reason: "rate_limited" });
    // The refused attempt left the account's own count as it was.
    expect(await bucket(`signin:pair:${from}:${ADMIN.email}`)).toMatchObject({ count: 0 });
    expect(await verifyCredentials(db, { ...ADMIN, clientAddress: "198.51.100.21" })).toMatchObject({ ok: true });
    await age(key, 1);
    expect(await verifyCredentials(db, { ...ADMIN, clientAddress: from })).toMatchObject({ ok: true });
  });
});

describe("through the server front and next-auth", () => {
  let front: Awaited<ReturnType<typeof startFrontServer>>;
  beforeAll(async () => {
    front = await startFrontServer((req, res) => void nextAuthStandIn(req, res));
  });
  afterAll(() => front.stop());

  it("a new X-Forwarded-For on every attempt gets no fresh budget: the address is the peer's", async () => {
    for (let i = 0; i < SIGN_IN_BACKOFF.pair.free; i++) {
      const r = await signInOver(front.base, { ...VIEWER, password: "bad", xForwardedFor: `198.51.100.${i}` });
      expect(r.error).toBe("CredentialsSignin");
    }
    const r = await signInOver(front.base, { ...VIEWER, xForwardedFor: "192.0.2.99" });
    expect(r.error).toBe("RateLimited:1");
    const failed = await db.auditEvent.findFirstOrThrow({ where: { action: "user.sign_in_failed" }, orderBy: { createdAt: "desc" } });
    expect(failed.after).toEqual({ reason: "wrong_password", clientAddress: "127.0.0.1" });
    expect(await bucket(`signin:pair:127.0.0.1:${VIEWER.email}`)).toMatchObject({ count: 5 });
  });

  it("a callbackUrl to another host ends on our origin", async () => {
    const origin = new URL((await signInOver(front.base, { ...ADMIN, callbackUrl: "/orders?x=1" })).url).origin;
    expect((await signInOver(front.base, { ...ADMIN, callbackUrl: "/orders?x=1" })).url).toBe(`${origin}/orders?x=1`);
    for (const callbackUrl of ["https://evil.example/", "//evil.example", "/\\evil.example", "\\\\evil.example", "http:evil.example"]) {
      const r = await signInOver(front.base, { ...ADMIN, callbackUrl });
      expect(r.error, callbackUrl).toBeNull();
      expect(new URL(r.url).origin, callbackUrl).toBe(origin);
    }
  });
});

describe("the sign-in page's callbackUrl", () => {
  const VARIANTS = [
    "/\\evil.example",
    "/\\/evil.example",
    "\\/evil.example",
    "//evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "\x01//evil.example",
    " //evil.example",
    "/.//evil.example",
    "https://evil.example/orders",
    "http:evil.example",
    "javascript:alert(1)",
    "data:text/html,x",
  ];

  it("another host, however spelled, falls back to /orders", () => {
    for (const v of VARIANTS) expect(safeCallbackPath(v), JSON.stringify(v)).toBe("/orders");
    expect(safeCallbackPath(undefined)).toBe("/orders");
    expect(safeCallbackPath(["/a", "/b"])).toBe("/orders");
  });

  it("a path of ours is kept, as the browser will read it", () => {
    expect(safeCallbackPath("/orders/abc?tab=1#tx")).toBe("/orders/abc?tab=1#tx");
    expect(safeCallbackPath("/settings/../orders")).toBe("/orders");
    expect(safeCallbackPath("/a\tb")).toBe("/ab");
    // Whatever it keeps, a browser resolves it on our origin.
    for (const v of [...VARIANTS, "/orders", "/x/%2F%2Fevil.example"])
      expect(new URL(safeCallbackPath(v), "https://app.example").origin).toBe("https://app.example");
  });

  it("next-auth's redirect callback: our origin only", () => {
    const base = "https://app.example";
    expect(sameOriginUrl("/orders", base)).toBe("https://app.example/orders");
    expect(sameOriginUrl("https://app.example/x", base)).toBe("https://app.example/x");
    for (const v of [...VARIANTS, "https://app.example.evil.example/", "https://app.example@evil.example/"])
      expect(new URL(sameOriginUrl(v, base)).origin, JSON.stringify(v)).toBe(base);
  });
});
