// Payment in instalments (issue 12), creation: the plan's rules (count, first amount, period,
// explicit schedule: sum and dates), their field errors, the back office form and the API.
import { beforeAll, describe, expect, it } from "vitest";
import { instalmentRuleErrors } from "@/lib/instalments/instalment-rules";
import { resolveInstalmentPlan, splitAmounts } from "@/lib/instalments/plan";
import { createInvoiceFromForm } from "@/lib/orders/create-invoice-from-form";
import { createUrlOrder } from "@/lib/orders/create-url-order";
import { updateOrder } from "@/lib/orders/update-order";
import { AppError } from "@/lib/server/errors";
import { addCalendarDays, dayInZone } from "@/lib/time/shop-time";
import { create } from "../helpers/api";
import { db, resetDatabase, seedTenants } from "../helpers/db";

let users: Awaited<ReturnType<typeof seedTenants>>;
beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
});

const base = { shopId: "12345678", mode: "TEST", amount: "100", currency: "EUR" };
const fieldsOf = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e) => {
      if (!(e instanceof AppError)) throw e;
      return e.fields;
    },
  );
const today = () => dayInZone(new Date(), "Europe/Paris");

describe("instalment plan rules", () => {
  const ctx = { amount: 10_000, timeZone: "Europe/Paris", now: new Date() };
  it("splits evenly with the remainder on the first, or around a given first amount", () => {
    expect(splitAmounts(10_000, 3)).toEqual([3334, 3333, 3333]);
    expect(splitAmounts(10_000, 3, 5000)).toEqual([5000, 2500, 2500]);
    expect(splitAmounts(10_001, 3, 5000)).toEqual([5000, 2500, 2501]);
  });
  it("refuses a count outside 2–12, a period outside 1–365 or beyond two years, a first amount leaving nothing", () => {
    expect(resolveInstalmentPlan({ kind: "PERIOD", count: 1, period: 30 }, ctx)).toMatchObject({
      fields: { instalmentCount: "err_instalment_count" },
    });
    expect(resolveInstalmentPlan({ kind: "PERIOD", count: 13, period: 30 }, ctx)).toMatchObject({
      fields: { instalmentCount: "err_instalment_count" },
    });
    expect(resolveInstalmentPlan({ kind: "PERIOD", count: 3, period: 0 }, ctx)).toMatchObject({
      fields: { instalmentPeriod: "err_instalment_period" },
    });
    expect(resolveInstalmentPlan({ kind: "PERIOD", count: 12, period: 90 }, ctx)).toMatchObject({
      fields: { instalmentPeriod: "err_instalment_horizon" },
    });
    expect(resolveInstalmentPlan({ kind: "PERIOD", count: 3, period: 30, firstAmount: 9999 }, ctx)).toMatchObject({
      fields: { instalmentFirstAmount: "err_instalment_first_amount" },
    });
    expect(resolveInstalmentPlan({ kind: "PERIOD", count: 3, period: 30 }, { ...ctx, amount: 2 })).toMatchObject({
      fields: { instalmentCount: "err_instalment_count_amount" },
    });
  });
  it("checks an explicit schedule: the sum, strictly increasing dates from today, within two years", () => {
    const d = (n: number) => addCalendarDays(today(), n);
    const ok = resolveInstalmentPlan(
      {
        kind: "SCHEDULE",
        schedules: [
          { date: d(0), amount: 4000 },
          { date: d(30), amount: 6000 },
        ],
      },
      ctx,
    );
    expect(ok).toMatchObject({ ok: true, plan: { count: 2, amounts: [4000, 6000], dates: [d(0), d(30)], period: null } });
    const sum = resolveInstalmentPlan(
      {
        kind: "SCHEDULE",
        schedules: [
          { date: d(0), amount: 4000 },
          { date: d(30), amount: 5000 },
        ],
      },
      ctx,
    );
    expect(sum).toMatchObject({ fields: { instalmentSchedule: "err_instalment_schedule_sum" } });
    for (const dates of [
      [d(10), d(10)],
      [d(20), d(10)],
      [d(-1), d(10)],
      [d(0), d(731)],
    ]) {
      const r = resolveInstalmentPlan({ kind: "SCHEDULE", schedules: dates.map((date, i) => ({ date, amount: i ? 6000 : 4000 })) }, ctx);
      expect(r).toMatchObject({ fields: { instalmentSchedule: "err_instalment_schedule_dates" } });
    }
  });
});

describe("creating an order in instalments", () => {
  it("back office: regular instalments are stored as a plan, the order forced to a 3-D Secure challenge", async () => {
    const { id } = await createUrlOrder(db, {
      actor: users.operator,
      values: { ...base, reference: "INST-1", instalmentMode: "PERIOD", instalmentCount: "3", instalmentPeriod: "30" },
    });
    const order = await db.paymentOrder.findUniqueOrThrow({ where: { id } });
    expect(order.installmentPlan).toEqual({ count: 3, period: 30, dates: null, amounts: [3334, 3333, 3333] });
    expect(order.threeDsPreference).toBe("CHALLENGE");
  });

  it("back office: a custom schedule in major units; a wrong total is a field error", async () => {
    const d = addCalendarDays(today(), 15);
    const { id } = await createUrlOrder(db, {
      actor: users.operator,
      values: { ...base, reference: "INST-2", instalmentMode: "SCHEDULE", instalmentSchedule: `${today()} 40,00\n${d} 60` },
    });
    expect((await db.paymentOrder.findUniqueOrThrow({ where: { id } })).installmentPlan).toMatchObject({
      amounts: [4000, 6000],
      dates: [today(), d],
    });
    const fields = await fieldsOf(
      createUrlOrder(db, {
        actor: users.operator,
        values: { ...base, reference: "INST-3", instalmentMode: "SCHEDULE", instalmentSchedule: `${today()} 40\n${d} 50` },
      }),
    );
    expect(fields).toEqual({ instalmentSchedule: "err_instalment_schedule_sum" });
    const typo = await fieldsOf(
      createUrlOrder(db, {
        actor: users.operator,
        values: { ...base, reference: "INST-4", instalmentMode: "SCHEDULE", instalmentSchedule: "tomorrow 40" },
      }),
    );
    expect(typo).toEqual({ instalmentSchedule: "err_instalment_schedule_format" });
  });

  it("refuses instalments on an invoice order or with an adjustable amount", () => {
    const installmentPlan = { kind: "PERIOD" as const, count: 2, period: 30 };
    expect(instalmentRuleErrors({ installmentPlan, amountMinor: 100, channel: "INVOICE" }, "Europe/Paris").fields).toEqual({
      instalmentMode: "err_instalment_invoice",
    });
    expect(
      instalmentRuleErrors({ installmentPlan, amountMinor: 100, amountUpdate: { mode: "FREE", min: 10 } }, "Europe/Paris").fields,
    ).toEqual({
      instalmentMode: "err_instalment_amount_update",
    });
  });

  it("the invoice dialog refuses instalments", async () => {
    await db.dataCollectionForm.create({ data: { shopId: "12345678", fields: [{ key: "lastName", required: true }], invoiceMode: true } });
    const fields = await fieldsOf(
      createInvoiceFromForm(db, {
        actor: users.operator,
        values: { ...base, reference: "F-INST", instalmentMode: "PERIOD", instalmentCount: "3", instalmentPeriod: "30" },
      }),
    );
    expect(fields).toEqual({ instalmentMode: "err_instalment_invoice" });
    expect(await db.paymentOrder.count({ where: { reference: "F-INST" } })).toBe(0);
  });

  it("an order in instalments keeps its amount (modify refuses a new one)", async () => {
    const { id } = await createUrlOrder(db, {
      actor: users.operator,
      values: { ...base, reference: "INST-6", instalmentMode: "PERIOD", instalmentCount: "2", instalmentPeriod: "15" },
    });
    expect(await fieldsOf(updateOrder(db, { actor: users.operator, orderId: id, changes: { amountMinor: 12_000 } }))).toEqual({
      amount: "err_instalment_amount_change",
    });
    await updateOrder(db, { actor: users.operator, orderId: id, changes: { amountMinor: 10_000, description: "ok" } });
  });

  it("API: installmentOptions are read; errors map to INT_929 / INT_931 / INT_945", async () => {
    const ok = await create({
      amount: 9000,
      currency: "EUR",
      transactionOptions: { installmentOptions: { count: 3, period: 30, firstAmount: 5000 } },
    });
    expect(ok.status).toBe("SUCCESS");
    const order = await db.paymentOrder.findUniqueOrThrow({ where: { id: ok.answer.paymentOrderId as string } });
    expect(order.installmentPlan).toEqual({ count: 3, period: 30, dates: null, amounts: [5000, 2000, 2000] });
    const count = await create({ amount: 9000, currency: "EUR", transactionOptions: { installmentOptions: { count: 20, period: 30 } } });
    expect(count.answer.errorCode).toBe("INT_929");
    const sum = await create({
      amount: 9000,
      currency: "EUR",
      transactionOptions: {
        installmentOptions: {
          schedules: [
            { date: `${today()}T00:00:00Z`, amount: 1000 },
            { date: addCalendarDays(today(), 9), amount: 1000 },
          ],
        },
      },
    });
    expect(sum.answer.errorCode).toBe("INT_931");
    const mixed = await create({
      amount: 9000,
      currency: "EUR",
      transactionOptions: { installmentOptions: { count: 2, schedules: [{ date: today(), amount: 9000 }] } },
    });
    expect(mixed.answer.errorCode).toBe("INT_945");
  });
});
