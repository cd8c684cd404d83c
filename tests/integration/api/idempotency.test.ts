import { beforeAll, describe, expect, it } from "vitest";
import { create, DEMO_PROD } from "../../helpers/api";
import { verifiedConnectorsForAllShops } from "../../helpers/connectors";
import { db, resetDatabase, seedTenants } from "../../helpers/db";

beforeAll(async () => {
  await resetDatabase();
  await seedTenants();
  await verifiedConnectorsForAllShops(db); // PRODUCTION orders need a processor (issue 20)
});

const body = { amount: 3000, currency: "EUR", orderId: "IDEM-1" };
const withKey = (key: string, b: Record<string, unknown> = body, creds?: { shopId: string; password: string }) =>
  create(b, { headers: { "idempotency-key": key }, creds });

describe("Idempotency-Key", () => {
  it("same key + same body replays the first answer; no second order", async () => {
    const a = await withKey("k-1");
    const b = await withKey("k-1", { currency: "EUR", orderId: "IDEM-1", amount: 3000 }); // same body, other key order
    expect(b.answer).toEqual(a.answer);
    expect(b.headers.get("idempotent-replayed")).toBe("true");
    expect(await db.paymentOrder.count({ where: { reference: "IDEM-1" } })).toBe(1);
  });

  it("same key + different body → PSP_1103, nothing created", async () => {
    await withKey("k-2");
    const before = await db.paymentOrder.count();
    const r = await withKey("k-2", { ...body, amount: 3001 });
    expect(r.answer.errorCode).toBe("PSP_1103");
    expect(await db.paymentOrder.count()).toBe(before);
  });

  it("concurrent retries with one key create exactly one order", async () => {
    const rs = await Promise.all(Array.from({ length: 10 }, () => withKey("k-3", { ...body, orderId: "IDEM-3" })));
    expect(new Set(rs.map((r) => r.answer.paymentOrderId)).size).toBe(1);
    expect(rs.every((r) => r.status === "SUCCESS")).toBe(true);
    expect(await db.paymentOrder.count({ where: { reference: "IDEM-3" } })).toBe(1);
  });

  it("keys are per shop and mode; they expire after 24 h", async () => {
    const t = await withKey("k-4", { ...body, orderId: "IDEM-4" });
    const p = await withKey("k-4", { ...body, orderId: "IDEM-4" }, DEMO_PROD);
    expect(p.answer.paymentOrderId).not.toBe(t.answer.paymentOrderId);
    await db.idempotencyKey.updateMany({ where: { key: "k-4" }, data: { createdAt: new Date(Date.now() - 25 * 3600_000) } });
    const again = await withKey("k-4", { ...body, orderId: "IDEM-4" });
    expect(again.answer.paymentOrderId).not.toBe(t.answer.paymentOrderId);
    expect(await db.paymentOrder.count({ where: { reference: "IDEM-4" } })).toBe(3);
  });

  it("a failed request stores nothing under its key", async () => {
    const bad = await withKey("k-5", { ...body, amount: -1 });
    expect(bad.answer.errorCode).toBe("INT_009");
    expect((await withKey("k-5", body)).status).toBe("SUCCESS");
  });
});
