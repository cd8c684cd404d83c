import { beforeAll, describe, expect, it } from "vitest";
import { SIGN_IN_LIMITS, verifyCredentials } from "@/lib/auth/verify-credentials";
import { db, resetDatabase, seedTenants } from "../helpers/db";

describe("sign-in", () => {
  beforeAll(async () => {
    await resetDatabase();
    await seedTenants();
  });

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

  it("locks an account after too many attempts, even with the right password", async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.perEmail; i++) await verifyCredentials(db, { email: "viewer@demo.test", password: "bad" });
    expect(await verifyCredentials(db, { email: "viewer@demo.test", password: "demo-viewer-1" })).toEqual({
      ok: false,
      reason: "rate_limited",
    });
    await db.rateLimitBucket.deleteMany();
    expect(await verifyCredentials(db, { email: "viewer@demo.test", password: "demo-viewer-1" })).toMatchObject({ ok: true });
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
