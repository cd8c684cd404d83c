import { beforeAll, describe, expect, it } from "vitest";
import { expireOrders } from "@/lib/orders/expire-orders";
import { payOrder } from "@/lib/payments/pay-order";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { card, newOrder } from "../helpers/orders";

describe("expiry sweep", () => {
  let users: Awaited<ReturnType<typeof seedTenants>>;
  beforeAll(async () => {
    await resetDatabase();
    users = await seedTenants();
  });

  it("expires unpaid orders past their validity, in batches, with audit events; leaves the rest", async () => {
    const past = new Date(Date.now() - 60_000);
    const running = await Promise.all(Array.from({ length: 5 }, () => newOrder(users.operator)));
    const refused = await newOrder(users.operator);
    await payOrder(db, { token: refused.token, card: card("4970100000000097") });
    const paid = await newOrder(users.operator);
    await payOrder(db, { token: paid.token, card: card("4970100000000055") });
    const future = await newOrder(users.operator);
    await db.paymentOrder.updateMany({ where: { id: { not: future.id } }, data: { validUntil: past } });

    expect(await expireOrders(db, new Date(), 2)).toBe(6);
    const statuses = Object.fromEntries(
      (await db.paymentOrder.findMany({ select: { id: true, status: true } })).map((o) => [o.id, o.status]),
    );
    for (const o of running) expect(statuses[o.id]).toBe("EXPIRED");
    expect(statuses[refused.id]).toBe("EXPIRED");
    expect(statuses[paid.id]).toBe("PAID");
    expect(statuses[future.id]).toBe("RUNNING");
    expect(await db.auditEvent.count({ where: { action: "order.expire", actorType: "SYSTEM" } })).toBe(6);
    expect(await expireOrders(db)).toBe(0);
  });
});
