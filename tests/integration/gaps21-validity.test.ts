// Issue 21: the 3-month (90-day) maximum counts from the order's creation on every path — the
// back office's "change validity", "modify and resend", and the API's Update (an instant).
import { beforeAll, describe, expect, it } from "vitest";
import { changeValidity } from "@/lib/orders/change-validity";
import { modifyOrder } from "@/lib/orders/modify-order";
import { updateOrder } from "@/lib/orders/update-order";
import { maxValidityDay, proposedValidityDay } from "@/lib/orders/validity";
import type { AppError } from "@/lib/server/errors";
import { addCalendarDays, dayInZone } from "@/lib/time/shop-time";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { newOrder } from "../helpers/orders";

let users: Awaited<ReturnType<typeof seedTenants>>;
beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
});

const TZ = "Europe/Paris";
const today = () => dayInZone(new Date(), TZ);
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: AppError) => ({ code: e.code, fields: e.fields }),
  );

/** An order created 30 days ago: its last possible day is 60 days from today. */
async function oldOrder() {
  const o = await newOrder(users.operator);
  await db.paymentOrder.update({ where: { id: o.id }, data: { createdAt: new Date(Date.now() - 30 * 86_400_000) } });
  return o;
}

describe("90 days from the creation", () => {
  it("computes the last day from the creation day in the shop's zone", () => {
    expect(maxValidityDay(TZ, new Date("2026-01-10T12:00:00Z"))).toBe("2026-04-10");
  });

  it("change validity: refuses a day past creation + 90 days that today + 90 days would allow, takes the last day", async () => {
    const o = await oldOrder();
    const created = dayInZone(new Date(Date.now() - 30 * 86_400_000), TZ);
    const last = addCalendarDays(created, 90);
    expect(await refusal(changeValidity(db, { actor: users.operator, orderId: o.id, day: addCalendarDays(last, 1) }))).toEqual({
      code: "VALIDATION",
      fields: { validUntil: "err_validity_too_far" },
    });
    await changeValidity(db, { actor: users.operator, orderId: o.id, day: last });
    const after = await db.paymentOrder.findUniqueOrThrow({ where: { id: o.id } });
    expect(dayInZone(after.validUntil, TZ)).toBe(last);
  });

  it("modify and resend: the same limit", async () => {
    const o = await oldOrder();
    const values = { shopId: "12345678", mode: "TEST", amount: "10", currency: "EUR", validUntil: addCalendarDays(today(), 75) };
    expect(await refusal(modifyOrder(db, { actor: users.operator, orderId: o.id, values }))).toMatchObject({
      code: "VALIDATION",
      fields: { validUntil: "err_validity_too_far" },
    });
    await modifyOrder(db, { actor: users.operator, orderId: o.id, values: { ...values, validUntil: addCalendarDays(today(), 50) } });
  });

  it("API Update (an instant): the same limit", async () => {
    const o = await oldOrder();
    const tooFar = new Date(Date.now() + 70 * 86_400_000);
    expect(await refusal(updateOrder(db, { actor: users.operator, orderId: o.id, changes: { validUntil: tooFar } }))).toMatchObject({
      code: "VALIDATION",
      fields: { validUntil: "err_validity_too_far" },
    });
    await updateOrder(db, { actor: users.operator, orderId: o.id, changes: { validUntil: new Date(Date.now() + 50 * 86_400_000) } });
  });

  it("change validity proposes today + the shop's default validity, not the current end, within the limit", () => {
    const shop = { timeZone: TZ, defaultValidityDays: 7 };
    const now = new Date("2026-03-01T10:00:00Z");
    expect(proposedValidityDay({ createdAt: new Date("2026-02-27T10:00:00Z"), shop }, now)).toEqual({
      today: "2026-03-01",
      maxDay: "2026-05-28",
      proposedDay: "2026-03-08",
    });
    // Created 88 days ago: 2 days left, so the proposal is the last day.
    expect(proposedValidityDay({ createdAt: new Date("2025-12-03T10:00:00Z"), shop }, now).proposedDay).toBe("2026-03-03");
  });

  it("a new order still gets up to today + 90 days", async () => {
    const o = await newOrder(users.operator, { validUntilDay: addCalendarDays(today(), 90) });
    expect(dayInZone(o.validUntil, TZ)).toBe(addCalendarDays(today(), 90));
  });
});
