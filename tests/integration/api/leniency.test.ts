import { beforeAll, describe, expect, it } from "vitest";
import { handleV4 } from "@/lib/lyra-api/handler";
import { basic, create, DEMO_TEST } from "../../helpers/api";
import { db, resetDatabase, seedTenants } from "../../helpers/db";

beforeAll(async () => {
  await resetDatabase();
  await seedTenants();
  await db.company.updateMany({ data: { smsCredits: 100 } }); // SMS orders take credits when created
});

describe("leniency: what clients in the wild send", () => {
  it("no Content-Type header at all", async () => {
    const res = await handleV4(
      "Charge/CreatePaymentOrder",
      new Request("http://localhost/x", {
        method: "POST",
        headers: { authorization: basic(DEMO_TEST) },
        body: new TextEncoder().encode('{"amount":1000,"currency":"EUR"}'),
      }),
    );
    expect((await res.json()).status).toBe("SUCCESS");
  });

  it("channelType at the top level", async () => {
    const r = await create({
      amount: 1000,
      currency: "EUR",
      channelType: "SMS",
      channelOptions: { smsOptions: { phoneNumber: "+33600000000" } },
    });
    expect(r.answer.channelDetails.channelType).toBe("SMS");
  });

  it('booleans as "true"/"false", echoed as booleans', async () => {
    const r = await create({ amount: 1000, currency: "EUR", dataCollectionForm: "false" });
    expect(r.answer.dataCollectionForm).toBe(false);
  });

  it("integral floats for amounts (1000.0), but 10.5 is INT_009", async () => {
    expect((await create({}, { raw: '{"amount":1000.0,"currency":"EUR"}' })).answer.amount).toBe(1000);
    expect((await create({}, { raw: '{"amount":10.5,"currency":"EUR"}' })).answer.errorCode).toBe("INT_009");
  });

  it("ISO dates with milliseconds and Z, or any offset; echoed in UTC without milliseconds", async () => {
    const at = new Date(Date.now() + 5 * 86_400_000);
    at.setUTCMilliseconds(123);
    expect((await create({ amount: 1000, currency: "EUR", expirationDate: at.toISOString() })).answer.expirationDate).toBe(
      `${at.toISOString().slice(0, 19)}+00:00`,
    );
    const r = await create({ amount: 1000, currency: "EUR", expirationDate: "2099-01-01T23:59:59+01:00" });
    expect(r.answer.errorCode).toBe("PSP_1007");
    const local = new Date(Date.now() + 86_400_000);
    // The same instant written at +02:00 (its wall clock two hours ahead, the date too past 22:00 UTC).
    const offset = `${new Date(local.getTime() + 2 * 3_600_000).toISOString().slice(0, 19)}+02:00`;
    expect((await create({ amount: 1000, currency: "EUR", expirationDate: offset })).status).toBe("SUCCESS");
  });

  it("an expiration exactly 90 days ahead", async () => {
    const r = await create({ amount: 1000, currency: "EUR", expirationDate: new Date(Date.now() + 90 * 86_400_000).toISOString() });
    expect(r.status).toBe("SUCCESS");
  });

  it("unknown fields are ignored, null means absent", async () => {
    const r = await create({ amount: 1000, currency: "EUR", signature: "abc", somethingNew: { x: 1 }, orderId: null, locale: null });
    expect(r.status).toBe("SUCCESS");
    expect(r.answer.orderId).toBeNull();
  });

  it("amounts as digit strings", async () => {
    expect((await create({ amount: "1500", currency: "EUR" })).answer.amount).toBe(1500);
  });

  it("locale spellings: fr, en-US, en_EN", async () => {
    expect((await create({ amount: 1, currency: "EUR", locale: "fr" })).answer.locale).toBe("fr_FR");
    expect((await create({ amount: 1, currency: "EUR", locale: "en-US" })).answer.locale).toBe("en_US");
    expect((await create({ amount: 1, currency: "EUR", locale: "en_EN" })).answer.locale).toBe("en_EN");
    expect(await db.paymentOrder.count()).toBeGreaterThan(0);
  });
});
