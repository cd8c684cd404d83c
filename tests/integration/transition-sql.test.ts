// The set-based statements move statuses only as the transition tables allow: the SQL derived from
// the tables, run in Postgres, against the tables themselves.
import { beforeAll, describe, expect, it } from "vitest";
import { recordAccepted } from "@/lib/channels/phone-delivery";
import { canDeliveryTransition, DELIVERY_TRANSITIONS, deliveryStatusAfterSql, transitionDelivery } from "@/lib/orders/delivery-status";
import { expireOrders } from "@/lib/orders/expire-orders";
import { canTransition } from "@/lib/orders/order-status";
import { getPool } from "@/lib/server/db";
import type { AppError } from "@/lib/server/errors";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { newOrder } from "../helpers/orders";

const ORDER_STATUSES = ["RUNNING", "PAID", "REFUSED", "EXPIRED", "CANCELLED"] as const;
const DELIVERY_STATUSES = ["IN_PROGRESS", "SENT", "FAILED", "MANUAL"] as const;

let users: Awaited<ReturnType<typeof seedTenants>>;
beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
});

const audit = (orderId: string) =>
  db.auditEvent.findMany({ where: { orderId }, orderBy: { createdAt: "asc" } }).then((a) => a.map((e) => e.action));

describe("delivery status in SQL (deliveryStatusAfterSql)", () => {
  const sql = `SELECT ${deliveryStatusAfterSql('$1::"DeliveryStatus"', "$2::text")}::text AS s`;
  const statusAfter = async (status: string, event: string | null) =>
    (await getPool().query<{ s: string }>(sql, [status, event])).rows[0]!.s;

  it("every status under every event: the table's target where it allows the move, else unchanged", async () => {
    for (const [event, rule] of Object.entries(DELIVERY_TRANSITIONS)) {
      for (const status of DELIVERY_STATUSES) {
        const allowed = canDeliveryTransition(status, event as keyof typeof DELIVERY_TRANSITIONS);
        expect(await statusAfter(status, event), `${event} from ${status}`).toBe(allowed ? rule.to : status);
      }
    }
  });

  it("no event, or one the table does not know: nothing moves", async () => {
    for (const status of DELIVERY_STATUSES) {
      expect(await statusAfter(status, null)).toBe(status);
      expect(await statusAfter(status, "sent")).toBe(status);
    }
  });
});

describe("illegal delivery transitions are refused", () => {
  it("by the back office's one-order path: marking an e-mail order sent by hand", async () => {
    const o = await newOrder(users.operator, { channel: "MAIL", recipient: "buyer@example.test" });
    const err = await db
      .$transaction((tx) => transitionDelivery(tx, { orderId: o.id, event: "markSent", actor: users.operator }))
      .catch((e: AppError) => e);
    expect((err as AppError).code).toBe("INVALID_TRANSITION");
    expect((await db.paymentOrder.findUniqueOrThrow({ where: { id: o.id } })).deliveryStatus).toBe("IN_PROGRESS");
  });

  it("by the workers' statements: a message accepted for an order sent by hand leaves it manual", async () => {
    const o = await newOrder(users.operator);
    expect(o.row.deliveryStatus).toBe("MANUAL");
    const accepted = async (orderId: string) => {
      const m = await db.message.create({
        data: { orderId, channel: "WHATSAPP", kind: "ORDER", recipient: "+33612345678", status: "SENDING", claimedAt: new Date() },
      });
      await recordAccepted(db, {
        id: m.id,
        text: "x",
        language: "fr",
        providerMessageId: `wamid.${m.id}`,
        providerStatus: "accepted",
        deliveredOnAccept: true,
      });
      return db.message.findUniqueOrThrow({ where: { id: m.id } });
    };
    expect((await accepted(o.id)).status).toBe("SENT");
    expect(await db.paymentOrder.findUniqueOrThrow({ where: { id: o.id } })).toMatchObject({ deliveryStatus: "MANUAL", sendCount: 1 });
    expect((await audit(o.id)).at(-1)).toBe("order.delivery.accepted");

    // The same answer for an order in progress is the table's `delivered`.
    const p = await newOrder(users.operator);
    await db.paymentOrder.update({ where: { id: p.id }, data: { deliveryStatus: "IN_PROGRESS" } });
    await accepted(p.id);
    expect((await db.paymentOrder.findUniqueOrThrow({ where: { id: p.id } })).deliveryStatus).toBe("SENT");
    expect((await audit(p.id)).at(-1)).toBe("order.delivery.delivered");
  });
});

describe("order expiry in SQL", () => {
  it("the sweep expires exactly the statuses the table's `expire` starts from, each audited with its status before", async () => {
    const ids = new Map<(typeof ORDER_STATUSES)[number], string>();
    for (const status of ORDER_STATUSES) {
      const o = await newOrder(users.operator, { reference: `EXP-${status}` });
      await db.paymentOrder.update({ where: { id: o.id }, data: { status, validUntil: new Date(Date.now() - 60_000) } });
      ids.set(status, o.id);
    }
    const expected = ORDER_STATUSES.filter((s) => canTransition(s, "expire"));
    expect(await expireOrders(db)).toBe(expected.length);
    for (const [status, id] of ids) {
      const o = await db.paymentOrder.findUniqueOrThrow({ where: { id } });
      expect(o.status, status).toBe(expected.includes(status) ? "EXPIRED" : status);
      const events = await db.auditEvent.findMany({ where: { orderId: id, action: "order.expire" } });
      expect(events.map((e) => [e.actorType, e.actorId, e.before, e.after])).toEqual(
        expected.includes(status) ? [["SYSTEM", null, { status }, { status: "EXPIRED" }]] : [],
      );
    }
  });
});
