// Orders created outside a transaction are coalesced (lib/orders/insert-order.ts): those that
// arrive while a statement is on its way leave together in the next one. Each must still be
// written whole with its own audit event and actor, and fail only for its own reason.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { createOrder, prepareOrder } from "@/lib/orders/create-order";
import { insertOrder } from "@/lib/orders/insert-order";
import { db, resetDatabase, seedTenants } from "../helpers/db";

let users: Awaited<ReturnType<typeof seedTenants>>;
beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
});

const key = (shopId: string, mode: "TEST" | "PRODUCTION" = "TEST"): Actor => ({ type: "API_KEY", shopId, mode });
const order = (actor: Actor, shopId: string, reference: string, amountMinor = 1234) =>
  createOrder(db, { actor, shopId, mode: "TEST", amountMinor, currency: "EUR", reference, metadata: { ref: reference } });

describe("coalesced order creation", () => {
  it("a burst from two shops and a person: every order whole, each audit event with its own actor", async () => {
    const other = users.other.shopIds[0]!;
    const burst = Array.from({ length: 30 }, (_, i) =>
      i % 3 === 0
        ? order(key("12345678"), "12345678", `CO-KEY-${i}`, 1000 + i)
        : i % 3 === 1
          ? order(key(other), other, `CO-OTHER-${i}`, 2000 + i)
          : order(users.operator, "12345678", `CO-USER-${i}`, 3000 + i),
    );
    const created = await Promise.all(burst);
    const rows = await db.paymentOrder.findMany({
      where: { id: { in: created.map((c) => c.id) } },
      select: { id: true, shopId: true, reference: true, amount: true, metadata: true, token: true, createdVia: true, sourceUserId: true },
    });
    expect(rows).toHaveLength(30);
    for (const [i, c] of created.entries()) {
      const r = rows.find((x) => x.id === c.id)!;
      expect(r.token).toBe(c.token);
      expect(r.reference).toBe(c.row.reference);
      expect(Number(r.amount)).toBe(Number(c.row.amount));
      expect(r.metadata).toEqual({ ref: c.row.reference });
      expect(r.shopId).toBe(i % 3 === 1 ? other : "12345678");
      expect(r.sourceUserId).toBe(i % 3 === 2 ? users.operator.userId : null);
    }
    const audit = await db.auditEvent.findMany({
      where: { orderId: { in: created.map((c) => c.id) }, action: "order.create" },
      select: { orderId: true, shopId: true, actorType: true, actorId: true, companyId: true, after: true },
    });
    expect(audit).toHaveLength(30);
    for (const [i, c] of created.entries()) {
      const a = audit.find((x) => x.orderId === c.id)!;
      if (i % 3 === 2) expect(a).toMatchObject({ actorType: "USER", actorId: users.operator.userId, companyId: users.operator.companyId });
      else expect(a).toMatchObject({ actorType: "API_KEY", actorId: `${i % 3 === 0 ? "12345678" : other}:TEST`, companyId: null });
      expect(a.after).toMatchObject({ status: "RUNNING", channel: "URL", reference: c.row.reference, currency: "EUR" });
    }
  });

  it("one order that cannot be written fails alone; the others of its statement are written", async () => {
    const good = await Promise.all(
      ["CO-OK-1", "CO-OK-2", "CO-OK-3"].map((reference) =>
        prepareOrder(db, { actor: key("12345678"), shopId: "12345678", mode: "TEST", amountMinor: 500, currency: "EUR", reference }),
      ),
    );
    // A shop that does not exist: the foreign key refuses this row, and only it.
    const bad = { ...good[0]!, id: "f".repeat(32), token: "bad-token-coalesced-0000000000000", shopId: "99999999" };
    const results = await Promise.allSettled([
      insertOrder(db, good[0]!, key("12345678")),
      insertOrder(db, good[1]!, key("12345678")),
      insertOrder(db, bad, key("99999999")),
      insertOrder(db, good[2]!, key("12345678")),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled"]);
    expect(await db.paymentOrder.count({ where: { id: { in: good.map((g) => g.id) } } })).toBe(3);
    expect(await db.paymentOrder.count({ where: { id: bad.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { orderId: { in: good.map((g) => g.id) } } })).toBe(3);
  });
});
