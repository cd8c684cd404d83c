import { beforeAll, describe, expect, it } from "vitest";
import type { AppError } from "@/lib/server/errors";
import { digestKey } from "@/lib/server/secrets";
import { getShopKeys } from "@/lib/shops/get-shop-keys";
import { revealShopKey } from "@/lib/shops/reveal-shop-key";
import { rotateShopKey } from "@/lib/shops/rotate-shop-key";
import { SHOP_KEY_NAMES } from "@/lib/shops/shop-keys";
import { DEMO } from "@/prisma/demo-data";
import { callApi } from "../helpers/api";
import { db, resetDatabase, seedTenants } from "../helpers/db";

let users: Awaited<ReturnType<typeof seedTenants>>;
beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
});

const SHOP = DEMO.shop.id;
const K = DEMO.shop.keys;
const code = (p: Promise<unknown>) =>
  p.then(
    () => "OK",
    (e: AppError) => e.code,
  );
const auditOf = (action: string) => db.auditEvent.findMany({ where: { shopId: SHOP, action }, orderBy: { createdAt: "asc" } });
/** The mode the REST API grants this password on the next call (through the real handler), or null if refused. */
async function apiMode(password: string) {
  const r = await callApi("Charge/SDKTest", { value: "ping" }, { creds: { shopId: SHOP, password } });
  return r.status === "SUCCESS" ? (r.json.mode as string) : null;
}

describe("shop REST API keys (Settings › REST API keys)", () => {
  it("lists the four keys masked: the prefix and the last 4 characters only", async () => {
    const view = await getShopKeys(db, { actor: users.admin, shopId: SHOP });
    expect(view.shopId).toBe(SHOP);
    expect(view.keys).toEqual([
      { name: "TEST_PASSWORD", masked: "testpassword_••••••••0001" },
      { name: "PRODUCTION_PASSWORD", masked: "prodpassword_••••••••0001" },
      { name: "TEST_HMAC", masked: "••••••••0001" },
      { name: "PRODUCTION_HMAC", masked: "••••••••0001" },
    ]);
    expect(JSON.stringify(view)).not.toContain("DEMOSHOPKEY");
  });

  it("reveals the stored values and audits each reveal by name, without the value", async () => {
    expect(await revealShopKey(db, { actor: users.admin, shopId: SHOP, key: "TEST_PASSWORD" })).toBe(K.testPassword);
    expect(await revealShopKey(db, { actor: users.admin, shopId: SHOP, key: "PRODUCTION_PASSWORD" })).toBe(K.prodPassword);
    expect(await revealShopKey(db, { actor: users.admin, shopId: SHOP, key: "TEST_HMAC" })).toBe(K.testHmacKey);
    expect(await revealShopKey(db, { actor: users.admin, shopId: SHOP, key: "PRODUCTION_HMAC" })).toBe(K.prodHmacKey);
    const events = await auditOf("shop.key.reveal");
    expect(events.map((e) => (e.after as { key: string }).key)).toEqual([...SHOP_KEY_NAMES]);
    expect(events[0]).toMatchObject({ actorType: "USER", actorId: users.admin.userId, companyId: users.admin.companyId });
    expect(JSON.stringify(events)).not.toContain("DEMOSHOPKEY");
  });

  it("rotates the TEST password: new digest, old one refused at once, audit without secrets", async () => {
    const before = await db.shop.findUniqueOrThrow({ where: { id: SHOP }, select: { testPasswordDigest: true, prodPasswordDigest: true } });
    expect(before.testPasswordDigest).toBe(digestKey(K.testPassword));
    expect(await apiMode(K.testPassword)).toBe("TEST");

    const fresh = await rotateShopKey(db, { actor: users.admin, shopId: SHOP, key: "TEST_PASSWORD" });
    expect(fresh).toMatch(/^testpassword_[A-Za-z0-9_-]{32}$/);
    const after = await db.shop.findUniqueOrThrow({ where: { id: SHOP }, select: { testPasswordDigest: true, prodPasswordDigest: true } });
    expect(after.testPasswordDigest).not.toBe(digestKey(K.testPassword));
    expect(after.testPasswordDigest).toBe(digestKey(fresh));
    expect(after.prodPasswordDigest).toBe(before.prodPasswordDigest);
    expect(await revealShopKey(db, { actor: users.admin, shopId: SHOP, key: "TEST_PASSWORD" })).toBe(fresh);
    expect((await getShopKeys(db, { actor: users.admin, shopId: SHOP })).keys[0]!.masked).toBe(`testpassword_••••••••${fresh.slice(-4)}`);
    // the REST API refuses the old password on the very next call
    expect(await apiMode(K.testPassword)).toBeNull();
    expect(await apiMode(fresh)).toBe("TEST");

    const [event, ...more] = await auditOf("shop.key.rotate");
    expect(more).toEqual([]);
    expect(event).toMatchObject({ actorId: users.admin.userId, after: { key: "TEST_PASSWORD" }, before: null });
    const text = JSON.stringify(event);
    for (const secret of [fresh, K.testPassword, after.testPasswordDigest, before.testPasswordDigest]) expect(text).not.toContain(secret);
  });

  it("rotates the PRODUCTION password and an HMAC key with the right shape, leaving the others alone", async () => {
    const prod = await rotateShopKey(db, { actor: users.admin, shopId: SHOP, key: "PRODUCTION_PASSWORD" });
    expect(prod).toMatch(/^prodpassword_[A-Za-z0-9_-]{32}$/);
    expect(await apiMode(prod)).toBe("PRODUCTION");
    expect(await apiMode(K.prodPassword)).toBeNull();

    const hmac = await rotateShopKey(db, { actor: users.admin, shopId: SHOP, key: "PRODUCTION_HMAC" });
    expect(hmac).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await revealShopKey(db, { actor: users.admin, shopId: SHOP, key: "PRODUCTION_HMAC" })).toBe(hmac);
    expect(await revealShopKey(db, { actor: users.admin, shopId: SHOP, key: "TEST_HMAC" })).toBe(K.testHmacKey);
    expect(await rotateShopKey(db, { actor: users.admin, shopId: SHOP, key: "PRODUCTION_HMAC" })).not.toBe(hmac);
  });

  it("refuses operators and viewers (FORBIDDEN), and changes nothing", async () => {
    const before = await db.shop.findUniqueOrThrow({ where: { id: SHOP }, select: { testPasswordDigest: true, testHmacKeyEnc: true } });
    const events = await db.auditEvent.count();
    for (const actor of [users.operator, users.viewer]) {
      expect(await code(getShopKeys(db, { actor, shopId: SHOP }))).toBe("FORBIDDEN");
      expect(await code(revealShopKey(db, { actor, shopId: SHOP, key: "TEST_PASSWORD" }))).toBe("FORBIDDEN");
      expect(await code(rotateShopKey(db, { actor, shopId: SHOP, key: "TEST_PASSWORD" }))).toBe("FORBIDDEN");
      expect(await code(rotateShopKey(db, { actor, shopId: SHOP, key: "TEST_HMAC" }))).toBe("FORBIDDEN");
    }
    expect(await db.shop.findUniqueOrThrow({ where: { id: SHOP }, select: { testPasswordDigest: true, testHmacKeyEnc: true } })).toEqual(
      before,
    );
    expect(await db.auditEvent.count()).toBe(events);
  });

  it("another company's administrator gets NOT_FOUND, and unknown shops too", async () => {
    const before = await db.shop.findUniqueOrThrow({ where: { id: SHOP }, select: { prodPasswordDigest: true } });
    expect(await code(getShopKeys(db, { actor: users.other, shopId: SHOP }))).toBe("NOT_FOUND");
    expect(await code(revealShopKey(db, { actor: users.other, shopId: SHOP, key: "PRODUCTION_PASSWORD" }))).toBe("NOT_FOUND");
    expect(await code(rotateShopKey(db, { actor: users.other, shopId: SHOP, key: "PRODUCTION_PASSWORD" }))).toBe("NOT_FOUND");
    expect(await code(getShopKeys(db, { actor: users.admin, shopId: DEMO.other.shop.id }))).toBe("NOT_FOUND");
    expect(await code(getShopKeys(db, { actor: users.admin, shopId: "00000000" }))).toBe("NOT_FOUND");
    expect(await db.shop.findUniqueOrThrow({ where: { id: SHOP }, select: { prodPasswordDigest: true } })).toEqual(before);
    // their own shop is theirs to manage
    expect((await getShopKeys(db, { actor: users.other, shopId: DEMO.other.shop.id })).keys[0]!.masked).toBe("testpassword_••••••••0002");
  });
});
