import { beforeAll, describe, expect, it } from "vitest";
import { v4EnvelopeSchema, v4OrderTransactionsSchema, v4PaymentOrderSchema, v4StringSchema } from "@/lib/lyra-api/response-schemas";
import { payOrder } from "@/lib/payments/pay-order";
import { callApi, create, DEMO_PROD, OTHER_TEST } from "../../helpers/api";
import { db, resetDatabase, seedTenants } from "../../helpers/db";
import { card } from "../../helpers/orders";

beforeAll(async () => {
  await resetDatabase();
  await seedTenants();
});

const get = (paymentOrderId: unknown, creds?: { shopId: string; password: string }) =>
  callApi("Charge/PaymentOrder/Get", { paymentOrderId }, { creds });
const update = (body: Record<string, unknown>) => callApi("Charge/PaymentOrder/Update", body);
const newUrlOrder = async (over: Record<string, unknown> = {}) =>
  (await create({ amount: 2000, currency: "EUR", orderId: "LC-1", ...over })).answer;
const tokenOf = async (id: string) => (await db.paymentOrder.findUniqueOrThrow({ where: { id }, select: { token: true } })).token;

describe("Charge/PaymentOrder/Get", () => {
  it("reads the current status", async () => {
    const o = await newUrlOrder();
    const r = await get(o.paymentOrderId);
    v4EnvelopeSchema(v4PaymentOrderSchema).parse(r.json);
    expect(r.answer).toEqual({ ...o, paymentOrderStatus: "RUNNING" });
    await payOrder(db, { token: await tokenOf(o.paymentOrderId), card: card("4970100000000055") });
    const paid = (await get(o.paymentOrderId)).answer;
    expect(paid.paymentOrderStatus).toBe("PAID");
    expect(paid.transactionDetails.transactionUuid).toMatch(/^[a-f0-9]{32}$/);
  });

  it("missing id → PSP_1052, malformed → INT_840, unknown → PSP_1000", async () => {
    expect((await callApi("Charge/PaymentOrder/Get", {})).answer.errorCode).toBe("PSP_1052");
    expect((await get("XYZ")).answer.errorCode).toBe("INT_840");
    expect((await get("0".repeat(32))).answer.errorCode).toBe("PSP_1000");
  });

  it("another shop's or another mode's order reads as not found (PSP_1000)", async () => {
    const o = await newUrlOrder();
    expect((await get(o.paymentOrderId, OTHER_TEST)).answer.errorCode).toBe("PSP_1000");
    expect((await get(o.paymentOrderId, DEMO_PROD)).answer.errorCode).toBe("PSP_1000");
    expect(
      (await callApi("Charge/PaymentOrder/Cancel", { paymentOrderId: o.paymentOrderId }, { creds: OTHER_TEST })).answer.errorCode,
    ).toBe("PSP_1000");
    expect(
      (await callApi("Charge/PaymentOrder/Update", { paymentOrderId: o.paymentOrderId, amount: 1, currency: "EUR" }, { creds: DEMO_PROD }))
        .answer.errorCode,
    ).toBe("PSP_1000");
  });
});

describe("Charge/PaymentOrder/Update", () => {
  it("updates a URL order without channelOptions; updateDate set; audit written", async () => {
    const o = await newUrlOrder();
    const exp = new Date(Date.now() + 10 * 86_400_000);
    const r = await update({
      paymentOrderId: o.paymentOrderId,
      amount: 2500,
      currency: "EUR",
      orderId: "LC-2",
      expirationDate: exp.toISOString(),
      merchantComment: "updated",
    });
    expect(r.status).toBe("SUCCESS");
    v4PaymentOrderSchema.parse(r.answer);
    expect(r.answer).toMatchObject({ amount: 2500, orderId: "LC-2", merchantComment: "updated", paymentOrderStatus: "RUNNING" });
    expect(r.answer.updateDate).not.toBeNull();
    expect(r.answer.expirationDate).toBe(`${exp.toISOString().slice(0, 19)}+00:00`);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { orderId: o.paymentOrderId, action: "order.update" } });
    expect(audit.before).toMatchObject({ amountMinor: 2000, reference: "LC-1" });
    expect(audit.after).toMatchObject({ amountMinor: 2500, reference: "LC-2" });
  });

  it("MAIL order with channelOptions → re-sent (job queued); channel cannot change (PSP_1017)", async () => {
    const o = (
      await create({
        amount: 100,
        currency: "EUR",
        channelOptions: { channelType: "MAIL", mailOptions: { recipient: "a@example.com", subject: "Hi" } },
      })
    ).answer;
    const r = await update({
      paymentOrderId: o.paymentOrderId,
      amount: 150,
      currency: "EUR",
      channelOptions: { channelType: "MAIL", mailOptions: { recipient: "b@example.com", subject: "Hi again" } },
    });
    expect(r.answer.channelDetails.mailDetails).toMatchObject({ recipient: "b@example.com", subject: "Hi again" });
    // The first message, then the modified one to the new recipient, each with its delivery job.
    const queued = await db.$queryRaw<{ kind: string; recipient: string; job: string }[]>`
      SELECT m.kind, m.recipient, j.name AS job FROM "Message" m JOIN pgboss.job j ON j.data->>'messageId' = m.id::text
      WHERE m."orderId" = ${o.paymentOrderId} ORDER BY m."createdAt", m.id`;
    expect(queued).toEqual([
      { kind: "ORDER", recipient: "a@example.com", job: "channels.email" },
      { kind: "ORDER", recipient: "b@example.com", job: "channels.email" },
    ]);
    expect(
      (
        await update({
          paymentOrderId: o.paymentOrderId,
          amount: 150,
          currency: "EUR",
          channelOptions: { channelType: "SMS", smsOptions: { phoneNumber: "+33600000000" } },
        })
      ).answer.errorCode,
    ).toBe("PSP_1017");
  });

  it("only while RUNNING: finalized PSP_1005, expired PSP_1006, cancelled PSP_1101; nothing changes", async () => {
    const paid = await newUrlOrder();
    await payOrder(db, { token: await tokenOf(paid.paymentOrderId), card: card("4970100000000055") });
    const refused = await newUrlOrder();
    await payOrder(db, { token: await tokenOf(refused.paymentOrderId), card: card("4970100000000097") });
    const expired = await newUrlOrder();
    await db.paymentOrder.update({ where: { id: expired.paymentOrderId }, data: { validUntil: new Date(Date.now() - 1000) } });
    const cancelled = await newUrlOrder();
    await callApi("Charge/PaymentOrder/Cancel", { paymentOrderId: cancelled.paymentOrderId });
    for (const [o, code] of [
      [paid, "PSP_1005"],
      [refused, "PSP_1005"],
      [expired, "PSP_1006"],
      [cancelled, "PSP_1101"],
    ] as const) {
      const r = await update({ paymentOrderId: o.paymentOrderId, amount: 9999, currency: "EUR" });
      expect(r.answer.errorCode).toBe(code);
      expect(Number((await db.paymentOrder.findUniqueOrThrow({ where: { id: o.paymentOrderId } })).amount)).toBe(2000);
    }
  });

  it("requires amount and currency; validates like Create", async () => {
    const o = await newUrlOrder();
    expect((await update({ paymentOrderId: o.paymentOrderId, currency: "EUR" })).answer.errorCode).toBe("INT_009");
    expect((await update({ paymentOrderId: o.paymentOrderId, amount: 10 })).answer.errorCode).toBe("INT_010");
    expect(
      (
        await update({
          paymentOrderId: o.paymentOrderId,
          amount: 10,
          currency: "EUR",
          expirationDate: new Date(Date.now() + 100 * 86_400_000).toISOString(),
        })
      ).answer.errorCode,
    ).toBe("PSP_1007");
  });
});

describe("our extensions: Cancel and Reactivate", () => {
  it("cancel → CANCELLED (link refuses payment), reactivate → RUNNING while valid", async () => {
    const o = await newUrlOrder();
    const c = await callApi("Charge/PaymentOrder/Cancel", { paymentOrderId: o.paymentOrderId });
    expect(c.answer.paymentOrderStatus).toBe("CANCELLED");
    expect((await callApi("Charge/PaymentOrder/Cancel", { paymentOrderId: o.paymentOrderId })).answer.errorCode).toBe("PSP_1101");
    await expect(payOrder(db, { token: await tokenOf(o.paymentOrderId), card: card("4970100000000055") })).rejects.toMatchObject({
      code: "ORDER_NOT_PAYABLE",
    });
    const r = await callApi("Charge/PaymentOrder/Reactivate", { paymentOrderId: o.paymentOrderId });
    expect(r.answer.paymentOrderStatus).toBe("RUNNING");
    expect((await callApi("Charge/PaymentOrder/Reactivate", { paymentOrderId: o.paymentOrderId })).answer.errorCode).toBe("PSP_1102");
  });

  it("cannot reactivate once the validity has passed (PSP_1006); cannot cancel a paid order (PSP_1005)", async () => {
    const o = await newUrlOrder();
    await callApi("Charge/PaymentOrder/Cancel", { paymentOrderId: o.paymentOrderId });
    await db.paymentOrder.update({ where: { id: o.paymentOrderId }, data: { validUntil: new Date(Date.now() - 1000) } });
    expect((await callApi("Charge/PaymentOrder/Reactivate", { paymentOrderId: o.paymentOrderId })).answer.errorCode).toBe("PSP_1006");
    const p = await newUrlOrder();
    await payOrder(db, { token: await tokenOf(p.paymentOrderId), card: card("4970100000000055") });
    expect((await callApi("Charge/PaymentOrder/Cancel", { paymentOrderId: p.paymentOrderId })).answer.errorCode).toBe("PSP_1005");
  });
});

describe("Charge/SDKTest and Order/Get", () => {
  it("SDKTest echoes the value, with the mode of the key", async () => {
    const r = await callApi("Charge/SDKTest", { value: "hello" });
    v4EnvelopeSchema(v4StringSchema).parse(r.json);
    expect(r.answer).toEqual({ value: "hello", _type: "V4/Type/String" });
    expect((await callApi("Charge/SDKTest", { value: "x" }, { creds: DEMO_PROD })).json.mode).toBe("PRODUCTION");
    expect((await callApi("Charge/SDKTest", { value: 3 })).answer.errorCode).toBe("INT_902");
  });

  it("Order/Get lists the transactions of a reference, with the order's metadata", async () => {
    const o = await newUrlOrder({ orderId: "OG-1", metadata: { crm: "42" } });
    const token = await tokenOf(o.paymentOrderId);
    await payOrder(db, { token, card: card("4970100000000097") });
    await payOrder(db, { token, card: card("4970100000000055") });
    const r = await callApi("Order/Get", { orderId: "OG-1" });
    v4EnvelopeSchema(v4OrderTransactionsSchema).parse(r.json);
    expect(r.answer.transactions.map((t: { status: string; detailedStatus: string }) => [t.status, t.detailedStatus])).toEqual([
      ["UNPAID", "REFUSED"],
      ["PAID", "AUTHORISED"],
    ]);
    expect(r.answer.transactions[1]).toMatchObject({
      amount: 2000,
      currency: "EUR",
      metadata: { crm: "42" },
      paymentOrderId: o.paymentOrderId,
    });
    expect((await callApi("Order/Get", { orderId: "OG-1" }, { creds: OTHER_TEST })).answer.transactions).toEqual([]);
  });
});
