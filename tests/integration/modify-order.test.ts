// "Modify (and resend)" from the edit page: the use case decides the resend and checks the recipient.
import { beforeAll, describe, expect, it } from "vitest";
import { modifyOrder } from "@/lib/orders/modify-order";
import { payOrder } from "@/lib/payments/pay-order";
import type { AppError } from "@/lib/server/errors";
import { addCalendarDays, dayInZone } from "@/lib/time/shop-time";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { card, newOrder } from "../helpers/orders";

let users: Awaited<ReturnType<typeof seedTenants>>;
beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
});

const values = (over: Record<string, string> = {}) => ({
  shopId: "12345678",
  mode: "TEST",
  amount: "12.50",
  currency: "EUR",
  validUntil: addCalendarDays(dayInZone(new Date(), "Europe/Paris"), 5),
  ...over,
});
const mailOrder = () => newOrder(users.operator, { channel: "MAIL", recipient: "buyer@example.com", subject: "Your order" });
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: AppError) => ({ code: e.code, fields: e.fields }),
  );

describe("modifyOrder", () => {
  it("opens a refused e-mail order again with the new values and sends it again to the new recipient", async () => {
    const o = await mailOrder();
    await db.paymentOrder.update({ where: { id: o.id }, data: { deliveryStatus: "SENT" } });
    await payOrder(db, { token: o.token, card: card("4970100000000097") });
    await modifyOrder(db, { actor: users.operator, orderId: o.id, values: values({ recipient: " new@example.com " }) });
    const after = await db.paymentOrder.findUniqueOrThrow({ where: { id: o.id } });
    expect(after).toMatchObject({ status: "RUNNING", amount: 1250n, recipient: "new@example.com", deliveryStatus: "IN_PROGRESS" });
  });

  it("does not send a payment link again, nor give it a recipient", async () => {
    const o = await newOrder(users.operator);
    await modifyOrder(db, { actor: users.operator, orderId: o.id, values: values({ recipient: "new@example.com" }) });
    const after = await db.paymentOrder.findUniqueOrThrow({ where: { id: o.id } });
    expect(after).toMatchObject({ amount: 1250n, recipient: null, deliveryStatus: "MANUAL" });
  });

  it("refuses a bad recipient and a bad amount by field, and changes nothing", async () => {
    const o = await mailOrder();
    const before = await db.paymentOrder.findUniqueOrThrow({ where: { id: o.id } });
    expect(
      await refusal(modifyOrder(db, { actor: users.operator, orderId: o.id, values: values({ recipient: "not-an-address", amount: "" }) })),
    ).toEqual({
      code: "VALIDATION",
      fields: { amount: "err_amount_required", recipient: "err_recipient_invalid" },
    });
    expect(await db.paymentOrder.findUniqueOrThrow({ where: { id: o.id } })).toEqual(before);
  });

  it("leaves another tenant's order and a viewer's attempt alone", async () => {
    const o = await newOrder(users.operator);
    expect((await refusal(modifyOrder(db, { actor: users.other, orderId: o.id, values: values() })))?.code).toBe("NOT_FOUND");
    expect((await refusal(modifyOrder(db, { actor: users.viewer, orderId: o.id, values: values() })))?.code).toBe("FORBIDDEN");
  });
});
