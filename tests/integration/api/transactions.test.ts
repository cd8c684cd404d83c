// The V4 transaction services (spec §15, refunds20) through the real handler: Transaction/Get,
// /CancelOrRefund (cancel, partial cancel, partial then full refund, the resolution modes),
// /Validate, /Update (expectedCaptureDate, amount, manualValidation), their coded errors, tenant and
// mode isolation, and a fuzz run: odd bodies (NUL bytes, lone surrogates, wrong types) always
// answer a well-formed envelope with HTTP 200, and an error changes nothing.
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { v4EnvelopeSchema, v4ErrorSchema, v4TransactionObjectSchema } from "@/lib/lyra-api/response-schemas";
import { sweepTransactions } from "@/lib/payments/sweep-transactions";
import { addCalendarDays, dayInZone } from "@/lib/time/shop-time";
import { callApi, DEMO_PROD, OTHER_TEST } from "../../helpers/api";
import { db, resetDatabase, seedTenants } from "../../helpers/db";
import { nasty, unit } from "../../helpers/fuzz-strings";
import { card, newOrder, payNow } from "../../helpers/orders";

vi.setConfig({ testTimeout: 300_000 });
const RUNS = Math.ceil(Number(process.env.FUZZ_RUNS ?? 5000) / 10);
const ENVELOPE = v4EnvelopeSchema(z.union([v4TransactionObjectSchema, v4ErrorSchema]));
let users: Awaited<ReturnType<typeof seedTenants>>;

beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
  await db.shop.updateMany({ data: { apiRequestsPerMinute: 100_000 } });
});

async function paid(over: Parameters<typeof newOrder>[1] = {}, captured = false) {
  const o = await newOrder(users.operator, { captureDelay: 2, ...over });
  const id = (await payNow({ token: o.token, card: card("4970100000000055") })).transactionId;
  if (captured) {
    await db.transaction.update({ where: { id }, data: { captureDate: new Date(Date.now() - 1000) } });
    await sweepTransactions(db);
  }
  return id;
}
async function call(service: string, body: unknown, creds?: { shopId: string; password: string }) {
  const r = await callApi(`Transaction/${service}`, body, creds ? { creds } : {});
  expect(r.http).toBe(200);
  ENVELOPE.parse(r.json);
  return r;
}
const error = async (service: string, body: unknown, code: string, creds?: { shopId: string; password: string }) => {
  const r = await call(service, body, creds);
  expect(r.status).toBe("ERROR");
  expect(r.answer.errorCode).toBe(code);
  return r.answer;
};
const row = (id: string) => db.transaction.findUniqueOrThrow({ where: { id } });

describe("Transaction/* (spec §15)", () => {
  it("Get: the transaction as V4/Transaction; another shop, the other mode or an unknown uuid: PSP_010", async () => {
    const id = await paid({ reference: "API-TX-1", metadata: { erp: "42" } });
    const r = await call("Get", { uuid: id });
    expect(r.status).toBe("SUCCESS");
    expect(r.answer).toMatchObject({
      _type: "V4/Transaction",
      uuid: id,
      amount: 4990,
      currency: "EUR",
      status: "PAID",
      detailedStatus: "AUTHORISED",
      operationType: "DEBIT",
      metadata: { erp: "42" },
    });
    expect(r.answer.transactionDetails.cardDetails.expectedCaptureDate).toMatch(/\+00:00$/);
    expect((await call("Get", { uuid: id.toUpperCase() })).answer.uuid).toBe(id);
    await error("Get", { uuid: id }, "PSP_010", OTHER_TEST);
    await error("Get", { uuid: id }, "PSP_010", DEMO_PROD);
    await error("Get", { uuid: "0".repeat(32) }, "PSP_010");
    expect((await error("Get", {}, "INT_902")).detailedErrorMessage).toContain("uuid");
    await error("Get", { uuid: "xyz" }, "INT_902");
    await error("Get", { uuid: `${id.slice(0, 31)}\u0000` }, "INT_902");
    expect((await callApi("Transaction/Get", { uuid: id }, { creds: { shopId: "12345678", password: "wrong" } })).answer.errorCode).toBe(
      "INT_905",
    );
  });

  it("CancelOrRefund before capture: a smaller amount lowers it, then the rest cancels; REFUND_ONLY refused", async () => {
    const id = await paid({ reference: "API-TX-2", amountMinor: 3000 });
    await error("CancelOrRefund", { uuid: id, resolutionMode: "REFUND_ONLY" }, "PSP_1106");
    await error("CancelOrRefund", { uuid: id, amount: 3001 }, "PSP_1107");
    await error("CancelOrRefund", { uuid: id, currency: "USD" }, "PSP_1108");
    await error("CancelOrRefund", { uuid: id, amount: -1 }, "INT_009");
    const lowered = await call("CancelOrRefund", { uuid: id, amount: 1000, comment: "one item out of stock" });
    expect(lowered.answer).toMatchObject({ uuid: id, amount: 2000, detailedStatus: "AUTHORISED", operationType: "DEBIT" });
    const cancelled = await call("CancelOrRefund", { uuid: id, amount: null, resolutionMode: "CANCELLATION_ONLY", comment: "x" });
    expect(cancelled.answer).toMatchObject({ uuid: id, status: "UNPAID", detailedStatus: "CANCELLED" });
    await error("CancelOrRefund", { uuid: id }, "PSP_1106");
    expect(await db.auditEvent.count({ where: { action: "transaction.cancel", actorType: "API_KEY" } })).toBe(1);
  });

  it("CancelOrRefund after capture: a partial then a full refund, each a CREDIT with its own uuid; the rest refused", async () => {
    const id = await paid({ reference: "API-TX-3", amountMinor: 5000 }, true);
    await error("CancelOrRefund", { uuid: id, resolutionMode: "CANCELLATION_ONLY" }, "PSP_1106");
    const part = await call("CancelOrRefund", { uuid: id, amount: "1500", currency: "EUR" });
    expect(part.status).toBe("SUCCESS");
    expect(part.answer).toMatchObject({ operationType: "CREDIT", amount: 1500, status: "PAID", detailedStatus: "CAPTURED" });
    expect(part.answer.uuid).not.toBe(id);
    expect(part.answer.transactionDetails.parentTransactionUuid).toBe(id);
    await error("CancelOrRefund", { uuid: id, amount: 3501 }, "PSP_1107");
    const rest = await call("CancelOrRefund", { uuid: id });
    expect(rest.answer).toMatchObject({ operationType: "CREDIT", amount: 3500 });
    await error("CancelOrRefund", { uuid: id, amount: 1 }, "PSP_1107");
    await error("CancelOrRefund", { uuid: part.answer.uuid }, "PSP_1106");
    expect((await call("Get", { uuid: part.answer.uuid })).answer).toMatchObject({ operationType: "CREDIT", amount: 1500 });
    const refunds = await db.transaction.findMany({ where: { parentId: id } });
    expect(refunds.reduce((s, r) => s + Number(r.amount), 0)).toBe(5000);
    await error("CancelOrRefund", { uuid: id }, "PSP_010", OTHER_TEST);
  });

  it("Validate: only a transaction waiting for validation", async () => {
    const id = await paid({ reference: "API-TX-4", validationMode: "MANUAL" });
    expect((await call("Get", { uuid: id })).answer).toMatchObject({ status: "RUNNING", detailedStatus: "AUTHORISED_TO_VALIDATE" });
    expect((await call("Validate", { uuid: id, comment: "ok" })).answer).toMatchObject({ status: "PAID", detailedStatus: "AUTHORISED" });
    await error("Validate", { uuid: id }, "PSP_1106");
    await error("Validate", { uuid: "f".repeat(32) }, "PSP_010");
  });

  it("Update: expectedCaptureDate within the authorisation's life, amount lowered, manualValidation switched; after capture refused", async () => {
    const id = await paid({ reference: "API-TX-5", amountMinor: 4000 });
    const today = dayInZone(new Date(), "Europe/Paris");
    await error("Update", { uuid: id, cardUpdate: { expectedCaptureDate: `${addCalendarDays(today, 9)}T10:00:00+01:00` } }, "PSP_1109");
    await error("Update", { uuid: id, cardUpdate: { expectedCaptureDate: "2020-01-01T00:00:00Z" } }, "PSP_1109");
    await error("Update", { uuid: id, cardUpdate: { expectedCaptureDate: "tomorrow" } }, "PSP_1109");
    await error("Update", { uuid: id, cardUpdate: { amount: 4001 } }, "PSP_1107");
    await error("Update", { uuid: id, cardUpdate: { currency: "GBP" } }, "PSP_1108");
    await error("Update", { uuid: id, cardUpdate: { manualValidation: "MAYBE" } }, "INT_005");
    await error("Update", { uuid: id, cardUpdate: "x" }, "INT_902");
    const day = addCalendarDays(today, 4);
    const r = await call("Update", {
      uuid: id,
      cardUpdate: { expectedCaptureDate: `${day}T09:00:00+01:00`, amount: 3500, manualValidation: "YES" },
      comment: "later",
    });
    expect(r.answer).toMatchObject({ amount: 3500, detailedStatus: "AUTHORISED_TO_VALIDATE" });
    const t = await row(id);
    expect(dayInZone(t.captureDate!, "Europe/Paris")).toBe(day);
    expect(r.answer.transactionDetails.cardDetails.expectedCaptureDate).toBe(`${t.captureDate!.toISOString().slice(0, 19)}+00:00`);
    expect((await call("Update", { uuid: id, cardUpdate: { manualValidation: "NO" } })).answer.detailedStatus).toBe("AUTHORISED");
    expect((await call("Update", { uuid: id })).status).toBe("SUCCESS");
    const captured = await paid({ reference: "API-TX-6" }, true);
    await error("Update", { uuid: captured, cardUpdate: { expectedCaptureDate: `${today}T12:00:00Z` } }, "PSP_1106");
  });
});

describe(`fuzzing Transaction/* (${RUNS} bodies each)`, () => {
  const weird = fc.constantFrom<unknown>(
    "",
    null,
    -1,
    0,
    1,
    10.5,
    1e20,
    "true",
    [],
    {},
    "EUR",
    "YES",
    "AUTO",
    "REFUND_ONLY",
    "x".repeat(300),
  );
  const value = fc.oneof(weird, fc.jsonValue({ maxDepth: 2, stringUnit: unit }), nasty);
  for (const service of ["Get", "CancelOrRefund", "Validate", "Update"]) {
    it(`${service}: never a 5xx, always a well-formed envelope; an error changes nothing`, async () => {
      const id = await paid({ reference: `FUZZ-${service}`, amountMinor: 100_000 }, service === "CancelOrRefund");
      const before = JSON.stringify(await row(id), (_k, v) => (typeof v === "bigint" ? String(v) : v));
      const keys = ["uuid", "amount", "currency", "resolutionMode", "comment", "cardUpdate"];
      const body = fc.oneof(
        fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 4 }).map((b) => ({ uuid: id, ...b })),
        fc.record({
          uuid: fc.oneof(
            value,
            nasty.map((s) => `${id.slice(0, 20)}${s}`),
          ),
          cardUpdate: fc.dictionary(fc.constantFrom("amount", "expectedCaptureDate", "manualValidation", "currency"), value),
        }),
        fc.jsonValue({ maxDepth: 3, stringUnit: unit }),
      );
      let errors = 0;
      await fc.assert(
        fc.asyncProperty(body, async (b) => {
          const r = await callApi(`Transaction/${service}`, null, { raw: JSON.stringify(b) });
          expect(r.http).toBe(200);
          ENVELOPE.parse(r.json);
          if (r.status === "ERROR") errors++;
          if (r.status === "ERROR" && service !== "Get") {
            const now = JSON.stringify(await row(id), (_k, v) => (typeof v === "bigint" ? String(v) : v));
            // Only a success may change the transaction (a refund or an update that went through).
            if (now !== before && (await db.auditEvent.count({ where: { after: { path: ["transactionId"], equals: id } } })) === 0)
              throw new Error(`changed without success: ${now}`);
          }
        }),
        { numRuns: RUNS },
      );
      expect(errors).toBeGreaterThan(0);
    });
  }
});
