// Issue 21, "delete" (manual §5): an order nobody tried to pay is deleted by an operator; it is
// gone from the list, the export, the analytics and the API (Get as for an unknown order), its
// link says "unavailable", the audit log keeps the event. With a transaction: refused, kept.
import { beforeAll, describe, expect, it } from "vitest";
import { translator } from "@/lib/i18n";
import { deleteOrder } from "@/lib/orders/delete-order";
import { exportOrdersCsv } from "@/lib/orders/export-orders-csv";
import { availableActions } from "@/lib/orders/order-actions";
import { orderSearchSchema } from "@/lib/orders/schemas";
import { searchOrders } from "@/lib/orders/search-orders";
import { handlePayRaw } from "@/lib/pay-page/handler";
import { payOrder } from "@/lib/payments/pay-order";
import type { AppError } from "@/lib/server/errors";
import { callApi } from "../helpers/api";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { card, newOrder } from "../helpers/orders";

let users: Awaited<ReturnType<typeof seedTenants>>;
beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
});

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: AppError) => ({ code: e.code, publicMessage: e.publicMessage }),
  );
const stats = async () =>
  (
    await db.$queryRaw<{ created: bigint; opened: bigint; cancelled: bigint }[]>`
      SELECT COALESCE(sum(created), 0) AS created, COALESCE(sum(opened), 0) AS opened, COALESCE(sum(cancelled), 0) AS cancelled
      FROM "ShopDailyStats" WHERE "shopId" = '12345678' AND mode = 'TEST'`
  )[0]!;
const payPage = (token: string) =>
  handlePayRaw({ method: "GET", url: `/pay/${token}`, headers: { "accept-language": "fr" }, readBody: async () => "" });
async function csv() {
  const stream = exportOrdersCsv(db, {
    actor: users.operator,
    mode: "TEST",
    search: orderSearchSchema.parse({}),
    t: translator("en"),
  });
  return new Response(stream).text();
}

describe("delete an order", () => {
  it("an opened, cancelled order without a transaction: gone everywhere but the audit log", async () => {
    const keep = await newOrder(users.operator, { reference: "KEEP-1" });
    const o = await newOrder(users.operator, { reference: "GONE-1" });
    expect((await payPage(o.token)).status).toBe(200); // opens it
    await db.paymentOrder.update({ where: { id: o.id }, data: { status: "CANCELLED", updatedAt: new Date() } });
    const before = await stats();
    expect(before).toMatchObject({ created: 2n, opened: 1n, cancelled: 1n });
    const row = await db.paymentOrder.findUniqueOrThrow({ where: { id: o.id } });
    expect(availableActions({ ...row, attempted: false })).toContain("delete");

    expect(await deleteOrder(db, { actor: users.operator, orderId: o.id })).toEqual({ mode: "TEST" });

    expect(await db.paymentOrder.findUnique({ where: { id: o.id } })).toBeNull();
    expect(await db.message.count({ where: { orderId: o.id } })).toBe(0);
    expect(await stats()).toMatchObject({ created: 1n, opened: 0n, cancelled: 0n });
    const page = await searchOrders(db, { actor: users.operator, mode: "TEST", ...orderSearchSchema.parse({}) });
    expect(page.rows.map((r) => r.reference)).toEqual(["KEEP-1"]);
    const exported = await csv();
    expect(exported).toContain("KEEP-1");
    expect(exported).not.toContain("GONE-1");
    const get = await callApi("Charge/PaymentOrder/Get", { paymentOrderId: o.id });
    const unknown = await callApi("Charge/PaymentOrder/Get", { paymentOrderId: "0".repeat(32) });
    expect(get.status).toBe("ERROR");
    expect(get.answer.errorCode).toBe(unknown.answer.errorCode);
    const link = await payPage(o.token);
    expect(link.status).toBe(404);
    expect(String(link.body)).toContain("Lien indisponible");
    const audit = await db.auditEvent.findMany({ where: { orderId: o.id, action: "order.delete" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.before).toMatchObject({ reference: "GONE-1", amount: 4990, status: "CANCELLED" });
    expect(audit[0]!.actorId).toBe(users.operator.userId);
    expect(keep.id).not.toBe(o.id);
  });

  it("is refused once a payment was attempted: the order and its transaction stay", async () => {
    const o = await newOrder(users.operator, { reference: "REF-TX" });
    await payOrder(db, { token: o.token, card: card("4970100000000097") });
    const row = await db.paymentOrder.findUniqueOrThrow({ where: { id: o.id } });
    expect(availableActions({ ...row, attempted: true })).not.toContain("delete");
    expect(await refusal(deleteOrder(db, { actor: users.operator, orderId: o.id }))).toEqual({
      code: "INVALID_TRANSITION",
      publicMessage: "err_delete_has_transaction",
    });
    expect(await db.paymentOrder.findUniqueOrThrow({ where: { id: o.id } })).toEqual(row);
    expect(await db.auditEvent.count({ where: { orderId: o.id, action: "order.delete" } })).toBe(0);
  });

  it("a viewer cannot delete; another tenant's order is unknown", async () => {
    const o = await newOrder(users.operator, { reference: "SAFE-1" });
    expect((await refusal(deleteOrder(db, { actor: users.viewer, orderId: o.id })))?.code).toBe("FORBIDDEN");
    expect((await refusal(deleteOrder(db, { actor: users.other, orderId: o.id })))?.code).toBe("NOT_FOUND");
    expect(await db.paymentOrder.count({ where: { id: o.id } })).toBe(1);
  });

  it("other deletions (the retention sweep's) leave the analytics' history alone", async () => {
    const o = await newOrder(users.operator, { reference: "OLD-1" });
    const before = await stats();
    await db.$executeRaw`DELETE FROM "PaymentOrder" WHERE id = ${o.id}`;
    expect(await stats()).toEqual(before);
  });
});
