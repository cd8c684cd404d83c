import { beforeAll, describe, expect, it } from "vitest";
import { findOrders } from "@/lib/orders/find-orders";
import { getOrderOrThrow } from "@/lib/orders/get-order";
import { markOrderSent } from "@/lib/orders/mark-order-sent";
import { findTransactions } from "@/lib/payments/find-transactions";
import { payOrder } from "@/lib/payments/pay-order";
import type { AppError } from "@/lib/server/errors";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { card, newOrder } from "../helpers/orders";

let users: Awaited<ReturnType<typeof seedTenants>>;
beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
});

const code = (p: Promise<unknown>) =>
  p.then(
    () => "OK",
    (e: AppError) => e.code,
  );

describe("tenant isolation", () => {
  it("another company's user sees nothing of Démo's orders and can act on none", async () => {
    const o = await newOrder(users.operator);
    await payOrder(db, { token: o.token, card: card("4970100000000055") });
    expect(await code(getOrderOrThrow(db, { actor: users.other, orderId: o.id }))).toBe("NOT_FOUND");
    expect(await code(markOrderSent(db, { actor: users.other, orderId: o.id }))).toBe("NOT_FOUND");
    expect(await findOrders(db, { actor: users.other, mode: "TEST" })).toEqual([]);
    expect((await findTransactions(db, { actor: users.other })).rows).toEqual([]);
    // and Démo's own users do see it
    expect((await findOrders(db, { actor: users.viewer, mode: "TEST" })).map((r) => r.id)).toContain(o.id);
  });

  it("viewers read but cannot act", async () => {
    const o = await newOrder(users.operator);
    expect(await code(getOrderOrThrow(db, { actor: users.viewer, orderId: o.id }))).toBe("OK");
    expect(await code(markOrderSent(db, { actor: users.viewer, orderId: o.id }))).toBe("FORBIDDEN");
    expect(await code(markOrderSent(db, { actor: users.operator, orderId: o.id }))).toBe("OK");
    expect(await code(markOrderSent(db, { actor: users.operator, orderId: o.id }))).toBe("INVALID_TRANSITION");
  });

  it("an API key sees its own mode only", async () => {
    const o = await newOrder(users.operator, { mode: "TEST" });
    expect(await code(getOrderOrThrow(db, { actor: { type: "API_KEY", shopId: "12345678", mode: "PRODUCTION" }, orderId: o.id }))).toBe(
      "NOT_FOUND",
    );
    expect(await code(getOrderOrThrow(db, { actor: { type: "API_KEY", shopId: "87654321", mode: "TEST" }, orderId: o.id }))).toBe(
      "NOT_FOUND",
    );
    expect(await code(getOrderOrThrow(db, { actor: { type: "API_KEY", shopId: "12345678", mode: "TEST" }, orderId: o.id }))).toBe("OK");
  });
});
