// An amount the buyer may adjust (issue 12): the back office's options and their errors, the API's
// allowDCFAmountUpdate, the payment within the bounds and the paid amount everywhere it is read.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createInvoiceFromForm } from "@/lib/orders/create-invoice-from-form";
import { createUrlOrder } from "@/lib/orders/create-url-order";
import { updateOrder } from "@/lib/orders/update-order";
import { completeChallenge, getChallenge } from "@/lib/payments/complete-challenge";
import { getPaymentPage } from "@/lib/payments/get-payment-page";
import { payOrder } from "@/lib/payments/pay-order";
import type { AppError } from "@/lib/server/errors";
import { create } from "../helpers/api";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { card, newOrder, payNow } from "../helpers/orders";

let users: Awaited<ReturnType<typeof seedTenants>>;
beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
});
beforeEach(async () => {
  await db.rateLimitBucket.deleteMany();
});

const base = { shopId: "12345678", mode: "TEST", amount: "20", currency: "EUR", language: "fr" };
const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: AppError) => ({ code: e.code, fields: e.fields }),
  );
const VISA = "4970100000000055";
const CHALLENGE_OK = "4970100000000014"; // the sandbox asks for a 3-D Secure code

describe("the back office's options", () => {
  it("stores RANGE and FREE in minor units, typed in major units of the currency", async () => {
    const r = await createUrlOrder(db, {
      actor: users.operator,
      values: { ...base, reference: "AU-1", amountUpdateMode: "RANGE", amountUpdateMin: "10,50", amountUpdateMax: "100" },
    });
    expect((await db.paymentOrder.findUniqueOrThrow({ where: { id: r.id } })).amountUpdate).toEqual({
      mode: "RANGE",
      min: 1050,
      max: 10000,
    });
    const f = await createUrlOrder(db, {
      actor: users.operator,
      values: { ...base, reference: "AU-2", amountUpdateMode: "FREE", amountUpdateMin: "5", amountUpdateMax: "" },
    });
    expect((await db.paymentOrder.findUniqueOrThrow({ where: { id: f.id } })).amountUpdate).toEqual({ mode: "FREE", min: 500 });
    const n = await createUrlOrder(db, { actor: users.operator, values: { ...base, reference: "AU-3", amountUpdateMode: "NONE" } });
    expect((await db.paymentOrder.findUniqueOrThrow({ where: { id: n.id } })).amountUpdate).toBeNull();
  });

  it("refuses bounds that are missing, unreadable or do not surround the amount, field by field", async () => {
    const fieldsOf = (values: Record<string, string>) =>
      failure(createUrlOrder(db, { actor: users.operator, values: { ...base, reference: "AU-X", ...values } })).then((e) => e?.fields);
    expect(await fieldsOf({ amountUpdateMode: "RANGE" })).toEqual({
      amountUpdateMin: "err_amount_update_bound_required",
      amountUpdateMax: "err_amount_update_bound_required",
    });
    expect(await fieldsOf({ amountUpdateMode: "RANGE", amountUpdateMin: "0", amountUpdateMax: "1.234" })).toEqual({
      amountUpdateMin: "err_amount_update_bound_invalid",
      amountUpdateMax: "err_amount_update_bound_invalid",
    });
    expect(await fieldsOf({ amountUpdateMode: "RANGE", amountUpdateMin: "25", amountUpdateMax: "15" })).toEqual({
      amountUpdateMin: "err_amount_update_min_above_amount",
      amountUpdateMax: "err_amount_update_max_below_amount",
    });
    expect(await fieldsOf({ amountUpdateMode: "FREE", amountUpdateMin: "20,01" })).toEqual({
      amountUpdateMin: "err_amount_update_min_above_amount",
    });
    expect(await fieldsOf({ amountUpdateMode: "SOMETIMES" })).toEqual({ amountUpdateMode: "err_amount_update_mode" });
    // reported with the main fields' errors
    expect(await fieldsOf({ amount: "", amountUpdateMode: "FREE" })).toMatchObject({
      amount: "err_amount_required",
      amountUpdateMin: "err_amount_update_bound_required",
    });
  });

  it("is refused on invoice orders and with instalments", async () => {
    await db.dataCollectionForm.create({ data: { shopId: "12345678", fields: [{ key: "lastName", required: true }], invoiceMode: true } });
    expect(
      await failure(
        createInvoiceFromForm(db, {
          actor: users.operator,
          values: { ...base, reference: "F-1", amountUpdateMode: "FREE", amountUpdateMin: "1" },
        }),
      ),
    ).toEqual({ code: "VALIDATION", fields: { amountUpdateMode: "err_amount_update_invoice" } });
    expect(await db.paymentOrder.count({ where: { reference: "F-1" } })).toBe(0);
    const withPlan = { amountUpdate: { mode: "FREE" as const, min: 100 }, installmentPlan: { kind: "PERIOD", count: 3, period: 30 } };
    // (the instalments' own rule may name its field too)
    expect(await failure(newOrder(users.operator, withPlan as never))).toMatchObject({
      code: "VALIDATION",
      fields: { amountUpdateMode: "err_amount_update_with_installments" },
    });
  });

  it("keeps its bounds around a modified amount", async () => {
    const o = await newOrder(users.operator, { amountUpdate: { mode: "RANGE", min: 1000, max: 6000 } });
    expect(await failure(updateOrder(db, { actor: users.operator, orderId: o.id, changes: { amountMinor: 7000 } }))).toEqual({
      code: "VALIDATION",
      fields: { amountUpdateMax: "err_amount_update_max_below_amount" },
    });
    await updateOrder(db, { actor: users.operator, orderId: o.id, changes: { amountMinor: 7000, amountUpdate: null } });
    expect(await db.paymentOrder.findUniqueOrThrow({ where: { id: o.id } })).toMatchObject({ amount: 7000n, amountUpdate: null });
  });
});

describe("the buyer's amount", () => {
  it("RANGE: out of bounds or unreadable → a field error on amount and no transaction; within → that amount is paid", async () => {
    const o = await newOrder(users.operator, { amountUpdate: { mode: "RANGE", min: 1000, max: 6000 } });
    expect((await getPaymentPage(db, { token: o.token }))?.amountUpdate).toEqual({ mode: "RANGE", min: 1000, max: 6000 });
    for (const [amount, code] of [
      ["60,01", "err_buyer_amount_out_of_range"],
      ["9.99", "err_buyer_amount_out_of_range"],
      ["ten", "err_buyer_amount_invalid"],
      ["", "err_buyer_amount_required"],
      [undefined, "err_buyer_amount_required"],
    ] as const) {
      expect(await failure(payOrder(db, { token: o.token, card: card(VISA), amount }))).toEqual({
        code: "VALIDATION",
        fields: { amount: code },
      });
    }
    expect(await db.transaction.count({ where: { orderId: o.id } })).toBe(0);
    const r = await payNow({ token: o.token, card: card(VISA), amount: "60" });
    expect(r.outcome).toBe("ACCEPTED");
    expect((await db.transaction.findUniqueOrThrow({ where: { id: r.transactionId } })).amount).toBe(6000n);
    expect(await db.paymentOrder.findUniqueOrThrow({ where: { id: o.id } })).toMatchObject({
      status: "PAID",
      amount: 6000n,
      amountUpdate: { mode: "RANGE", min: 1000, max: 6000, requested: 4990 },
    });
  });

  it("FREE: below the minimum refused, any amount above accepted; an order without the option ignores the field", async () => {
    const o = await newOrder(users.operator, { amountUpdate: { mode: "FREE", min: 500 } });
    expect(await failure(payOrder(db, { token: o.token, card: card(VISA), amount: "4,99" }))).toEqual({
      code: "VALIDATION",
      fields: { amount: "err_buyer_amount_out_of_range" },
    });
    const r = await payNow({ token: o.token, card: card(VISA), amount: "1 250,00" });
    expect((await db.transaction.findUniqueOrThrow({ where: { id: r.transactionId } })).amount).toBe(125000n);
    const plain = await newOrder(users.operator);
    const p = await payNow({ token: plain.token, card: card(VISA), amount: "1" });
    expect((await db.transaction.findUniqueOrThrow({ where: { id: p.transactionId } })).amount).toBe(4990n);
    expect((await db.paymentOrder.findUniqueOrThrow({ where: { id: plain.id } })).amount).toBe(4990n);
  });

  it("a refused attempt leaves the order's amount; the IPN carries the paid amount", async () => {
    await db.notificationRule.create({
      data: {
        shopId: "12345678",
        kind: "URL_CALL",
        label: "ERP",
        events: ["PAYMENT_ACCEPTED"],
        urlTest: "http://127.0.0.1:9/ipn",
        urlProd: null,
      },
    });
    const o = await newOrder(users.operator, { amountUpdate: { mode: "FREE", min: 500 } });
    const refused = await payNow({ token: o.token, card: card("4970100000000097"), amount: "30" });
    expect(refused.outcome).toBe("REFUSED");
    expect((await db.transaction.findUniqueOrThrow({ where: { id: refused.transactionId } })).amount).toBe(3000n);
    expect((await db.paymentOrder.findUniqueOrThrow({ where: { id: o.id } })).amount).toBe(4990n);
    const r = await payNow({ token: o.token, card: card(VISA), amount: "75,50" });
    const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { orderId: o.id, transactionId: r.transactionId } });
    const answer = JSON.parse(new URLSearchParams(delivery.payload).get("kr-answer") ?? "{}");
    expect(answer.orderDetails.orderTotalAmount).toBe(7550);
    expect(answer.orderDetails.orderEffectiveAmount).toBe(7550);
    const paid = answer.transactions.find((t: { uuid: string }) => t.uuid === r.transactionId);
    expect(paid.amount).toBe(7550);
    await db.notificationRule.deleteMany();
  });
});

describe("with a 3-D Secure challenge", () => {
  it("the buyer's amount is kept until the code is typed, then paid", async () => {
    const o = await newOrder(users.operator, { amountUpdate: { mode: "RANGE", min: 1000, max: 6000 } });
    const r = await payOrder(db, { token: o.token, card: card(CHALLENGE_OK), amount: "12,34" });
    if (r.outcome !== "CHALLENGE") throw new Error(`expected a challenge, got ${r.outcome}`);
    const ch = await getChallenge(db, o.token, r.challengeId);
    const done = await completeChallenge(db, { token: o.token, challengeId: r.challengeId, code: ch!.testCode! });
    expect(done.outcome).toBe("ACCEPTED");
    expect((await db.transaction.findFirstOrThrow({ where: { orderId: o.id } })).amount).toBe(1234n);
    expect((await db.paymentOrder.findUniqueOrThrow({ where: { id: o.id } })).amount).toBe(1234n);
  });
});

describe("the API's allowDCFAmountUpdate", () => {
  it("maps RANGE / FREE with our bounds, echoes them, and refuses what does not fit (INT_051)", async () => {
    const r = await create({
      amount: 2000,
      currency: "EUR",
      allowDCFAmountUpdate: "RANGE",
      allowDCFAmountUpdateMin: 1000,
      allowDCFAmountUpdateMax: 3000,
    });
    expect(r.status).toBe("SUCCESS");
    expect(r.answer).toMatchObject({ allowDCFAmountUpdate: "RANGE", allowDCFAmountUpdateMin: 1000, allowDCFAmountUpdateMax: 3000 });
    const row = await db.paymentOrder.findUniqueOrThrow({ where: { id: r.answer.paymentOrderId } });
    expect(row.amountUpdate).toEqual({ mode: "RANGE", min: 1000, max: 3000 });
    const f = await create({ amount: 2000, currency: "EUR", allowDCFAmountUpdate: "FREE", allowDCFAmountUpdateMin: 100 });
    expect(f.answer).toMatchObject({ allowDCFAmountUpdate: "FREE", allowDCFAmountUpdateMin: 100, allowDCFAmountUpdateMax: null });
    const none = await create({ amount: 2000, currency: "EUR" });
    expect(none.answer).toMatchObject({ allowDCFAmountUpdate: "NONE", allowDCFAmountUpdateMin: null, allowDCFAmountUpdateMax: null });
    for (const body of [
      { allowDCFAmountUpdate: "SOMETIMES" },
      { allowDCFAmountUpdate: "RANGE", allowDCFAmountUpdateMin: 1000 },
      { allowDCFAmountUpdate: "FREE" },
      { allowDCFAmountUpdate: "NONE", allowDCFAmountUpdateMin: 1000 },
      { allowDCFAmountUpdate: "RANGE", allowDCFAmountUpdateMin: 2500, allowDCFAmountUpdateMax: 3000 },
      { allowDCFAmountUpdate: "FREE", allowDCFAmountUpdateMin: 0 },
    ]) {
      const e = await create({ amount: 2000, currency: "EUR", ...body });
      expect([JSON.stringify(body), e.answer.errorCode]).toEqual([JSON.stringify(body), "INT_051"]);
    }
  });
});
