import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { basic, DEMO_TEST } from "../helpers/api";
import { resetDatabase, seedTenants } from "../helpers/db";
import { type Harness, startHarness } from "./harness";

let h: Harness;
beforeAll(async () => {
  await resetDatabase();
  await seedTenants();
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

const post = (service: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${h.base}/api-payment/V4/${service}`, {
    method: "POST",
    headers: { authorization: basic(DEMO_TEST), ...headers },
    body: JSON.stringify(body),
  });

describe("the REST API over HTTP", () => {
  it("create by API → pay the link in the browser → Get reads PAID", async () => {
    const res = await post("Charge/CreatePaymentOrder", { amount: 1234, currency: "EUR", orderId: "API-E2E", locale: "en_GB" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json;charset=utf-8");
    const created = await res.json();
    expect(created.status).toBe("SUCCESS");
    expect(created.answer.paymentURL.startsWith(`${h.base}/pay/`)).toBe(true);

    const buyer = await h.page("en-GB");
    await buyer.goto(created.answer.paymentURL);
    expect(await buyer.textContent("[data-testid=pay-amount]")).toBe("€12.34");
    await buyer.fill('input[autocomplete="cc-number"]', "4970100000000055");
    await buyer.fill('input[autocomplete="cc-exp"]', "12/30");
    await buyer.fill('input[autocomplete="cc-csc"]', "123");
    await buyer.click('button[type="submit"]');
    await buyer.waitForSelector("[data-outcome=success]");

    const got = await (await post("Charge/PaymentOrder/Get", { paymentOrderId: created.answer.paymentOrderId })).json();
    expect(got.answer.paymentOrderStatus).toBe("PAID");
  });

  it("answers errors with HTTP 200 and the envelope, also without Content-Type or credentials", async () => {
    const noAuth = await fetch(`${h.base}/api-payment/V4/Charge/SDKTest`, { method: "POST", body: "{}" });
    expect(noAuth.status).toBe(200);
    expect((await noAuth.json()).answer.errorCode).toBe("INT_905");
    const bad = await post("Charge/CreatePaymentOrder", { amount: -1, currency: "EUR" });
    expect((await bad.json()).answer).toMatchObject({ errorCode: "INT_009", detailedErrorMessage: "Invalid input amount [value=-1]" });
  });

  it("serves the OpenAPI 3.1 document", async () => {
    const doc = await (await fetch(`${h.base}/api-payment/openapi.json`)).json();
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers[0].url).toBe(`${h.base}/api-payment/V4`);
  });
});
