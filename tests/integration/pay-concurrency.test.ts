import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PAY_LIMITS, payOrder } from "@/lib/payments/pay-order";
import type { AppError } from "@/lib/server/errors";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { card, newOrder } from "../helpers/orders";

describe("concurrent payments on one link (F-PAY-1)", () => {
  let users: Awaited<ReturnType<typeof seedTenants>>;
  const perOrder = PAY_LIMITS.perOrder;
  beforeAll(async () => {
    await resetDatabase();
    users = await seedTenants();
    // 50 buyers on one link: the per-order rate limit (tested in pay-order.test.ts) would refuse
    // most of them before the lock; lift it here to prove the reservation alone.
    PAY_LIMITS.perOrder = 1_000;
  });
  afterAll(() => {
    PAY_LIMITS.perOrder = perOrder;
  });

  it("50 concurrent submissions: exactly one accepted transaction, the others 'payment in progress' or 'already paid'", async () => {
    const o = await newOrder(users.operator, { reference: "RACE-50" });
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => payOrder(db, { token: o.token, card: card("4970100000000055"), clientAddress: `10.0.0.${i}` })),
    );
    const accepted = results.filter((r) => r.status === "fulfilled" && r.value.outcome === "ACCEPTED");
    const rejected = results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason);
    expect(accepted).toHaveLength(1);
    expect(rejected).toHaveLength(49);
    for (const e of rejected) {
      expect(e).toMatchObject({ code: "ORDER_NOT_PAYABLE" });
      expect(["paid", "payment_in_progress"]).toContain((e as AppError).publicMessage);
    }
    expect(await db.transaction.count({ where: { orderId: o.id } })).toBe(1);
    expect(await db.transaction.count({ where: { orderId: o.id, status: "AUTHORISED" } })).toBe(1);
    // Only the winner reached the acquirer: one attempt reserved, settled.
    expect(await db.paymentAttempt.findMany({ where: { orderId: o.id }, select: { status: true } })).toEqual([{ status: "ACCEPTED" }]);
    expect((await db.paymentOrder.findUniqueOrThrow({ where: { id: o.id } })).status).toBe("PAID");
  });

  it("a refused attempt keeps the link payable", async () => {
    const o = await newOrder(users.operator, { reference: "REFUSED-THEN-PAID" });
    const refused = await payOrder(db, { token: o.token, card: card("4970100000000097") });
    expect(refused.outcome).toBe("REFUSED");
    expect((await db.paymentOrder.findUniqueOrThrow({ where: { id: o.id } })).status).toBe("REFUSED");
    const ok = await payOrder(db, { token: o.token, card: card("4970100000000055") });
    expect(ok.outcome).toBe("ACCEPTED");
    const statuses = (await db.transaction.findMany({ where: { orderId: o.id }, select: { status: true } })).map((t) => t.status);
    expect(statuses.sort()).toEqual(["AUTHORISED", "REFUSED"]);
    expect((await db.paymentOrder.findUniqueOrThrow({ where: { id: o.id } })).status).toBe("PAID");
  });
});
