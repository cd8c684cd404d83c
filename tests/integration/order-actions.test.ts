import { beforeAll, describe, expect, it } from "vitest";
import type { UserActor } from "@/lib/auth/actor";
import { cancelOrder } from "@/lib/orders/cancel-order";
import { changeValidity } from "@/lib/orders/change-validity";
import { deleteOrder } from "@/lib/orders/delete-order";
import { getOrderOrThrow } from "@/lib/orders/get-order";
import { getOrderCopy } from "@/lib/orders/get-order-copy";
import { getOrderTransaction } from "@/lib/orders/get-order-transaction";
import { markOrderSent } from "@/lib/orders/mark-order-sent";
import { availableActions, ORDER_ACTIONS, type OrderAction } from "@/lib/orders/order-actions";
import { reactivateOrder } from "@/lib/orders/reactivate-order";
import { resendOrder } from "@/lib/orders/resend-order";
import { updateOrder } from "@/lib/orders/update-order";
import { payOrder } from "@/lib/payments/pay-order";
import type { AppError } from "@/lib/server/errors";
import { addCalendarDays, dayInZone } from "@/lib/time/shop-time";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { card, newOrder } from "../helpers/orders";

const STATUSES = ["RUNNING", "PAID", "REFUSED", "EXPIRED", "CANCELLED"] as const;
type Status = (typeof STATUSES)[number];

let users: Awaited<ReturnType<typeof seedTenants>>;
beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
});

const today = () => dayInZone(new Date(), "Europe/Paris");

/** An order of the given channel brought to the given status through the real use cases. */
async function orderIn(status: Status, channel: "URL" | "MAIL") {
  const extra = channel === "MAIL" ? { channel: "MAIL" as const, recipient: "buyer@example.com", subject: "Your order" } : {};
  const o = await newOrder(users.operator, { reference: `${status}-${channel}`, ...extra });
  if (status === "PAID") await payOrder(db, { token: o.token, card: card("4970100000000055") });
  if (status === "REFUSED") await payOrder(db, { token: o.token, card: card("4970100000000097") });
  if (status === "EXPIRED") await db.paymentOrder.update({ where: { id: o.id }, data: { validUntil: new Date(Date.now() - 60_000) } });
  if (status === "CANCELLED") await cancelOrder(db, { actor: users.operator, orderId: o.id });
  return o.id;
}

/** Runs one action; returns "OK" or the error code. */
async function run(action: OrderAction, actor: UserActor, orderId: string): Promise<string> {
  const input = { actor, orderId };
  const calls: Record<OrderAction, () => Promise<unknown>> = {
    details: () => getOrderOrThrow(db, input),
    message: () => getOrderOrThrow(db, input),
    modifyResend: () =>
      updateOrder(db, { ...input, changes: { amountMinor: 777, validUntilDay: addCalendarDays(today(), 5) }, reopen: true, resend: true }),
    resend: () => resendOrder(db, input),
    changeValidity: () => changeValidity(db, { ...input, day: addCalendarDays(today(), 3) }),
    cancel: () => cancelOrder(db, input),
    reactivate: () => reactivateOrder(db, input),
    createFrom: () => getOrderCopy(db, input),
    viewTransaction: () => getOrderTransaction(db, input),
    markSent: () => markOrderSent(db, input),
    delete: () => deleteOrder(db, input),
  };
  return calls[action]().then(
    () => "OK",
    (e: AppError) => e.code,
  );
}

// What each action does to a status when it is allowed.
const EFFECT: Partial<Record<OrderAction, Status>> = {
  modifyResend: "RUNNING",
  changeValidity: "RUNNING",
  cancel: "CANCELLED",
  reactivate: "RUNNING",
};

describe("every action × every status (F-ACT): offered ⇔ allowed, else a specific error and no change", () => {
  for (const channel of ["URL", "MAIL"] as const) {
    for (const status of STATUSES) {
      for (const action of ORDER_ACTIONS) {
        it(`${channel} ${status} ${action}`, async () => {
          const id = await orderIn(status, channel);
          const before = await db.paymentOrder.findUniqueOrThrow({ where: { id } });
          const attempted = (await db.transaction.count({ where: { orderId: id } })) > 0;
          const offered = availableActions({ ...before, attempted }).includes(action);
          const result = await run(action, users.operator, id);
          const after = await db.paymentOrder.findUnique({ where: { id } });
          if (offered) {
            expect(result).toBe("OK");
            if (EFFECT[action]) expect(after?.status).toBe(EFFECT[action]);
            if (action === "delete") expect(after).toBeNull();
          } else {
            expect(result).toBe(action === "viewTransaction" ? "NOT_FOUND" : "INVALID_TRANSITION");
            expect(after).toEqual(before);
          }
        });
      }
    }
  }

  it("the offer follows F-ACT", () => {
    const at = (status: Status, channel: "URL" | "MAIL" = "URL") =>
      availableActions({
        status,
        channel,
        deliveryStatus: channel === "URL" ? "MANUAL" : "SENT",
        validUntil: new Date(Date.now() + 86_400_000),
      });
    expect(at("RUNNING")).toEqual(["details", "message", "modifyResend", "changeValidity", "cancel", "createFrom", "markSent"]);
    expect(at("RUNNING", "MAIL")).toEqual(["details", "message", "modifyResend", "resend", "changeValidity", "cancel", "createFrom"]);
    expect(at("PAID")).toEqual(["details", "message", "viewTransaction", "createFrom"]);
    expect(at("REFUSED")).toEqual(["details", "message", "viewTransaction", "createFrom", "modifyResend"]);
    expect(at("EXPIRED")).toEqual(["details", "message", "modifyResend", "changeValidity", "createFrom"]);
    expect(at("CANCELLED")).toEqual(["details", "message", "reactivate", "createFrom"]);
  });

  it("viewers may read but no action changes anything", async () => {
    const id = await orderIn("RUNNING", "URL");
    for (const action of ["cancel", "changeValidity", "modifyResend", "markSent"] as const)
      expect(await run(action, users.viewer, id)).toBe("FORBIDDEN");
    expect(await run("details", users.viewer, id)).toBe("OK");
    expect(await run("cancel", users.other, id)).toBe("NOT_FOUND");
  });

  it("a cancel racing a payment: exactly one wins", async () => {
    for (let i = 0; i < 5; i++) {
      const o = await newOrder(users.operator, { reference: `RACE-${i}` });
      const [pay, cancel] = await Promise.allSettled([
        payOrder(db, { token: o.token, card: card("4970100000000055") }),
        cancelOrder(db, { actor: users.operator, orderId: o.id }),
      ]);
      const final = await db.paymentOrder.findUniqueOrThrow({ where: { id: o.id } });
      const paid = pay.status === "fulfilled" && pay.value.outcome === "ACCEPTED";
      const cancelled = cancel.status === "fulfilled";
      expect(paid !== cancelled).toBe(true);
      expect(final.status).toBe(paid ? "PAID" : "CANCELLED");
      expect(await db.transaction.count({ where: { orderId: o.id, status: "AUTHORISED" } })).toBe(paid ? 1 : 0);
    }
  });
});
