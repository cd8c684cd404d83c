import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { transitionOrder } from "@/lib/orders/order-status";
import { getPaymentPage } from "@/lib/payments/get-payment-page";
import { payOrder } from "@/lib/payments/pay-order";
import type { AppError } from "@/lib/server/errors";
import { verifiedConnector } from "../helpers/connectors";
import { db, dumpDatabaseText, resetDatabase, seedTenants } from "../helpers/db";
import { card, newOrder, payNow } from "../helpers/orders";

let users: Awaited<ReturnType<typeof seedTenants>>;
beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
});
beforeEach(async () => {
  await db.rateLimitBucket.deleteMany();
});

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: AppError) => ({ code: e.code, message: e.publicMessage }),
  );

describe("pay an order (F-PAY-1)", () => {
  it("accepted card → finalized accepted, transaction without the card number", async () => {
    const o = await newOrder(users.operator);
    const r = await payNow({ token: o.token, card: card("4970100000000055") });
    expect(r.outcome).toBe("ACCEPTED");
    const order = await db.paymentOrder.findUniqueOrThrow({ where: { id: o.id } });
    expect(order.status).toBe("PAID");
    expect(order.paidAt).not.toBeNull();
    const tx = await db.transaction.findUniqueOrThrow({ where: { id: r.transactionId } });
    expect(tx).toMatchObject({
      status: "AUTHORISED",
      amount: 4990n,
      currency: "EUR",
      brand: "VISA",
      last4: "0055",
      expiryMonth: 12,
      expiryYear: 2030,
      orderId: o.id,
      mode: "TEST",
    });
    expect(tx.number).toMatch(/^\d{6}$/);
    const actions = (await db.auditEvent.findMany({ where: { orderId: o.id }, orderBy: { createdAt: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["order.create", "order.pay"]);
    // the paid link accepts nothing more
    expect(await failure(payOrder(db, { token: o.token, card: card("4970100000000055") }))).toEqual({
      code: "ORDER_NOT_PAYABLE",
      message: "paid",
    });
  });

  it("refused card → finalized refused, the buyer may retry on the same link", async () => {
    const o = await newOrder(users.operator);
    const r1 = await payOrder(db, { token: o.token, card: card("4970100000000097") });
    expect(r1.outcome).toBe("REFUSED");
    expect((await db.paymentOrder.findUniqueOrThrow({ where: { id: o.id } })).status).toBe("REFUSED");
    const r2 = await payOrder(db, { token: o.token, card: card("5970100300000026") });
    expect(r2.outcome).toBe("ACCEPTED");
    expect((await db.paymentOrder.findUniqueOrThrow({ where: { id: o.id } })).status).toBe("PAID");
    expect(await db.transaction.count({ where: { orderId: o.id } })).toBe(2);
  });

  it("an expired link accepts no payment from the second after its validity end", async () => {
    const o = await newOrder(users.operator);
    await db.paymentOrder.update({ where: { id: o.id }, data: { validUntil: new Date(Date.now() - 1000) } });
    expect(await failure(payOrder(db, { token: o.token, card: card("4970100000000055") }))).toEqual({
      code: "ORDER_NOT_PAYABLE",
      message: "expired",
    });
    expect((await getPaymentPage(db, { token: o.token }))?.status).toBe("EXPIRED");
    expect(await db.transaction.count({ where: { orderId: o.id } })).toBe(0);
  });

  it("a cancelled link accepts no payment", async () => {
    const o = await newOrder(users.operator);
    await db.$transaction((tx) => transitionOrder(tx, { orderId: o.id, event: "cancel", actor: users.operator }));
    expect(await failure(payOrder(db, { token: o.token, card: card("4970100000000055") }))).toEqual({
      code: "ORDER_NOT_PAYABLE",
      message: "cancelled",
    });
  });

  it("an unknown token is not found", async () => {
    expect(await failure(payOrder(db, { token: "x".repeat(32), card: card("4970100000000055") }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await getPaymentPage(db, { token: "x".repeat(32) })).toBeNull();
  });

  it("concurrent submissions on one order: exactly one accepted transaction", async () => {
    const o = await newOrder(users.operator);
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () => payOrder(db, { token: o.token, card: card("4970100000000055") })),
    );
    const accepted = results.filter((r) => r.status === "fulfilled" && r.value.outcome === "ACCEPTED");
    const rejected = results
      .filter((r) => r.status === "rejected")
      .map((r) => ((r as PromiseRejectedResult).reason as AppError).publicMessage);
    expect(accepted).toHaveLength(1);
    // Refused while the winner's attempt waits for the acquirer, or once the order is paid.
    expect(rejected).toHaveLength(7);
    for (const m of rejected) expect(["paid", "payment_in_progress"]).toContain(m);
    expect(await db.transaction.count({ where: { orderId: o.id, status: "AUTHORISED" } })).toBe(1);
  });

  it("rate-limits attempts on one link", async () => {
    const o = await newOrder(users.operator);
    for (let i = 0; i < 10; i++) await payOrder(db, { token: o.token, card: card("4970100000000097") });
    expect(await failure(payOrder(db, { token: o.token, card: card("4970100000000055") }))).toMatchObject({ code: "RATE_LIMITED" });
  });

  it("a PRODUCTION order is never paid by the sandbox, even with a processor configured (issue 20)", async () => {
    await verifiedConnector(db, "12345678");
    const o = await newOrder(users.operator, { mode: "PRODUCTION" });
    expect(await failure(payOrder(db, { token: o.token, card: card("4970100000000055") }))).toEqual({
      code: "ORDER_NOT_PAYABLE",
      message: "payments_unavailable",
    });
    expect(await db.transaction.count({ where: { orderId: o.id } })).toBe(0);
  });

  it("never stores a card number", async () => {
    const dump = await dumpDatabaseText();
    expect(dump).toContain("0055"); // the dump does hold the transactions…
    for (const pan of ["4970100000000055", "4970100000000097", "5970100300000026"]) expect(dump).not.toContain(pan);
  });
});
