// REST quotas per shop and key mode (lib/lyra-api/quotas.ts): calls per minute on every service,
// and a TEST key's recipients per hour on e-mail, SMS and WhatsApp messages. Over the limit: the
// V4 error envelope with PSP_106 and a Retry-After header; a refused call creates nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as importInvoices } from "@/app/api/v1/shops/[shopId]/invoice-orders/import/route";
import { getShopSettings } from "@/lib/shops/get-shop-settings";
import { updateShopSettings } from "@/lib/shops/update-shop-settings";
import { basic, callApi, create, DEMO_PROD, DEMO_TEST, OTHER_TEST } from "../../helpers/api";
import { verifiedConnectorsForAllShops } from "../../helpers/connectors";
import { db, resetDatabase, seedTenants } from "../../helpers/db";
import { startFrontServer } from "../../helpers/front-server";

const SHOP = DEMO_TEST.shopId;
let users: Awaited<ReturnType<typeof seedTenants>>;
beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
  await verifiedConnectorsForAllShops(db); // PRODUCTION orders need a processor (issue 20)
});
beforeEach(async () => {
  await db.rateLimitBucket.deleteMany();
  await db.shop.updateMany({ data: { apiRequestsPerMinute: null, apiTestRecipientsPerHour: null } });
  await db.company.updateMany({ data: { smsCredits: 100 } });
});
afterAll(() => {
  delete process.env.API_REQUESTS_PER_MINUTE;
  delete process.env.API_TEST_RECIPIENTS_PER_HOUR;
});

const setQuotas = (q: { apiRequestsPerMinute?: number | null; apiTestRecipientsPerHour?: number | null }) =>
  db.shop.update({ where: { id: SHOP }, data: q });
const sdkTest = (creds = DEMO_TEST) => callApi("Charge/SDKTest", { value: "ping" }, { creds });
const url = { amount: 1000, currency: "EUR" };
const mail = (recipient: string, bcc?: string) => ({
  ...url,
  channelOptions: { channelType: "MAIL", mailOptions: { recipient, bcc, subject: "Votre commande" } },
});
const sms = (phoneNumber = "+33600000001") => ({ ...url, channelOptions: { channelType: "SMS", smsOptions: { phoneNumber } } });
const whatsapp = { ...url, channelOptions: { channelType: "WHATSAPP", whatsAppOptions: { phoneNumber: "+33600000002" } } };
/** What a refused call must leave untouched. */
const footprint = async () => ({
  orders: await db.paymentOrder.count(),
  messages: await db.message.count(),
  credits: (await db.company.findMany({ select: { smsCredits: true }, orderBy: { id: "asc" } })).map((c) => c.smsCredits),
});
/** Moves the shop's windows back in time, as if `seconds` had passed. */
const age = (seconds: number) =>
  db.$executeRaw`UPDATE "RateLimitBucket" SET "windowStart" = "windowStart" - make_interval(secs => ${seconds})`;

function expectQuotaError(r: Awaited<ReturnType<typeof callApi>>, mode: "TEST" | "PRODUCTION", window: number) {
  expect(r.http).toBe(200);
  expect(r.json).toMatchObject({ status: "ERROR", version: "V4", mode, _type: "V4/WebService/Response" });
  expect(r.answer).toMatchObject({
    errorCode: "PSP_106",
    errorMessage: "call quota exceeded",
    shopId: SHOP,
    _type: "V4/WebService/WebServiceError",
  });
  const retry = Number(r.headers.get("retry-after"));
  expect(Number.isInteger(retry) && retry >= 1 && retry <= window).toBe(true);
  return retry;
}

describe("calls per minute, per shop and key mode", () => {
  it("a limit of N: N calls pass, the next is PSP_106 with Retry-After and creates nothing; each mode counts apart", async () => {
    await setQuotas({ apiRequestsPerMinute: 3 });
    for (let i = 0; i < 3; i++) expect((await sdkTest()).status).toBe("SUCCESS");
    const before = await footprint();
    const refused = await create({ ...url, orderId: "OVER-1" });
    expectQuotaError(refused, "TEST", 60);
    expect(refused.answer.detailedErrorMessage).toBe("Call quota exceeded: 3 calls per minute for shop 12345678 in TEST mode");
    expect(await footprint()).toEqual(before);
    // Every service counts, Get included.
    expectQuotaError(await callApi("Charge/PaymentOrder/Get", { paymentOrderId: "0".repeat(32) }), "TEST", 60);

    // The production key has its own window; so has another shop.
    for (let i = 0; i < 3; i++) expect((await create({ ...url, orderId: `PROD-${i}` }, { creds: DEMO_PROD })).status).toBe("SUCCESS");
    expectQuotaError(await sdkTest(DEMO_PROD), "PRODUCTION", 60);
    expect((await sdkTest(OTHER_TEST)).status).toBe("SUCCESS");
  });

  it("Retry-After is what is left of the minute; once it has passed, calls pass again", async () => {
    await setQuotas({ apiRequestsPerMinute: 1 });
    expect((await sdkTest()).status).toBe("SUCCESS");
    await age(50);
    expect(expectQuotaError(await sdkTest(), "TEST", 60)).toBeLessThanOrEqual(10);
    await age(11);
    expect((await sdkTest()).status).toBe("SUCCESS");
  });

  it("a wrong password counts nowhere (no one can spend a shop's quota without its key)", async () => {
    await setQuotas({ apiRequestsPerMinute: 2 });
    for (let i = 0; i < 5; i++) {
      const r = await sdkTest({ shopId: SHOP, password: "testpassword_WRONGKEY000000000000" });
      expect(r.answer.errorCode).toBe("INT_905");
    }
    expect((await sdkTest()).status).toBe("SUCCESS");
    expect((await sdkTest()).status).toBe("SUCCESS");
    expectQuotaError(await sdkTest(), "TEST", 60);
  });

  it("concurrent calls: exactly the limit passes", async () => {
    await setQuotas({ apiRequestsPerMinute: 4 });
    const rs = await Promise.all(Array.from({ length: 10 }, () => sdkTest()));
    expect(rs.filter((r) => r.status === "SUCCESS")).toHaveLength(4);
    expect(rs.filter((r) => r.answer.errorCode === "PSP_106")).toHaveLength(6);
  });

  // Calls that arrive together are authenticated in one statement (authenticate.ts, request
  // coalescing): each window still counts exactly its own calls, in order, and nothing else.
  it("a burst mixing keys, modes and a wrong password: each window counts exactly its calls; each call its own rank", async () => {
    await setQuotas({ apiRequestsPerMinute: 3 });
    const wrong = { shopId: SHOP, password: "testpassword_NOTTHEKEY00000000000000" };
    const burst = [DEMO_TEST, DEMO_PROD, wrong, OTHER_TEST, DEMO_TEST, DEMO_TEST, DEMO_PROD, wrong, DEMO_TEST, DEMO_TEST];
    const rs = await Promise.all(burst.map((creds) => sdkTest(creds)));
    const outcome = (c: typeof DEMO_TEST) => rs.filter((_, i) => burst[i] === c).map((r) => r.answer.errorCode ?? r.status);
    // 5 TEST calls against 3 a minute: the first three to arrive pass, in order.
    expect(outcome(DEMO_TEST)).toEqual(["SUCCESS", "SUCCESS", "SUCCESS", "PSP_106", "PSP_106"]);
    expect(outcome(DEMO_PROD)).toEqual(["SUCCESS", "SUCCESS"]);
    expect(outcome(OTHER_TEST)).toEqual(["SUCCESS"]);
    expect(outcome(wrong)).toEqual(["INT_905", "INT_905"]);
    const counts = await db.rateLimitBucket.findMany({ where: { key: { startsWith: "api:" } }, orderBy: { key: "asc" } });
    expect(counts.map((b) => [b.key, b.count])).toEqual([
      [`api:${SHOP}:PRODUCTION`, 2],
      [`api:${SHOP}:TEST`, 5],
      [`api:${OTHER_TEST.shopId}:TEST`, 1],
    ]);
  });

  it("the default comes from API_REQUESTS_PER_MINUTE; a shop's own value (Settings › Shop) overrides it", async () => {
    process.env.API_REQUESTS_PER_MINUTE = "2";
    try {
      for (let i = 0; i < 2; i++) expect((await sdkTest()).status).toBe("SUCCESS");
      expectQuotaError(await sdkTest(), "TEST", 60);

      const { settings } = await getShopSettings(db, { actor: users.admin, shopId: SHOP });
      await updateShopSettings(db, { actor: users.admin, shopId: SHOP, settings: { ...settings, apiRequestsPerMinute: "5" } });
      for (let i = 0; i < 2; i++) expect((await sdkTest()).status).toBe("SUCCESS");
      expectQuotaError(await sdkTest(), "TEST", 60);
      expect((await db.auditEvent.findFirst({ where: { action: "shop.settings.update" }, orderBy: { createdAt: "desc" } }))?.after).toEqual(
        { apiRequestsPerMinute: 5 },
      );
    } finally {
      delete process.env.API_REQUESTS_PER_MINUTE;
    }
  });

  it("the invoice import over REST counts too: 429 with Retry-After", async () => {
    await setQuotas({ apiRequestsPerMinute: 1 });
    expect((await sdkTest()).status).toBe("SUCCESS");
    const res = await importInvoices(
      new Request(`http://localhost/api/v1/shops/${SHOP}/invoice-orders/import`, {
        method: "POST",
        headers: { authorization: basic(DEMO_TEST), "content-type": "text/csv" },
        body: "reference,amount\n",
      }),
      { params: Promise.resolve({ shopId: SHOP }) },
    );
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await res.json()).toMatchObject({ code: "RATE_LIMITED" });
  });

  it("over real HTTP, through the server's front: the same envelope and header", async () => {
    await setQuotas({ apiRequestsPerMinute: 1 });
    const front = await startFrontServer();
    try {
      const call = () =>
        fetch(`${front.base}/api-payment/V4/Charge/SDKTest`, {
          method: "POST",
          headers: { authorization: basic(DEMO_TEST), "content-type": "application/json" },
          body: JSON.stringify({ value: "x" }),
        });
      expect((await (await call()).json()).status).toBe("SUCCESS");
      const res = await call();
      expect(res.status).toBe(200);
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect((await res.json()).answer.errorCode).toBe("PSP_106");
    } finally {
      await front.stop();
    }
  });
});

describe("a TEST key's recipients per hour (e-mail, SMS, WhatsApp)", () => {
  it("each call counts its recipients (BCC too); one that would exceed is refused whole; URL orders are not counted", async () => {
    await setQuotas({ apiTestRecipientsPerHour: 5 });
    expect((await create(mail("a@example.test;b@example.test", "c@example.test"))).status).toBe("SUCCESS"); // 3
    expect((await create(sms())).status).toBe("SUCCESS"); // 4

    const before = await footprint();
    const refused = await create(mail("d@example.test;e@example.test"));
    expectQuotaError(refused, "TEST", 3600);
    expect(refused.answer.detailedErrorMessage).toBe(
      "Recipient quota exceeded: 5 recipients per hour for shop 12345678 in TEST mode (this call has 2)",
    );
    expect(await footprint()).toEqual(before);

    expect((await create(whatsapp)).status).toBe("SUCCESS"); // 5: the refused call took nothing
    expectQuotaError(await create(sms("+33600000003")), "TEST", 3600);
    expect((await create({ ...url, orderId: "URL-ORDER" })).status).toBe("SUCCESS");
    expect(await db.message.count()).toBe(3); // the e-mail (to a and b, BCC c), the SMS, the WhatsApp message

    // An hour later, the allowance is whole again.
    await age(3601);
    expect((await create(mail("f@example.test;g@example.test;h@example.test;i@example.test;j@example.test"))).status).toBe("SUCCESS");
  });

  it("a call with more recipients than the whole allowance: refused, Retry-After the full hour", async () => {
    await setQuotas({ apiTestRecipientsPerHour: 2 });
    const r = await create(mail("a@example.test;b@example.test;c@example.test"));
    expect(expectQuotaError(r, "TEST", 3600)).toBe(3600);
    expect(await db.rateLimitBucket.count()).toBe(1); // the call's minute only: no recipient taken
  });

  it("concurrent SMS creations: exactly the allowance is created", async () => {
    await setQuotas({ apiTestRecipientsPerHour: 3 });
    const orders = await db.paymentOrder.count();
    const rs = await Promise.all(Array.from({ length: 8 }, (_, i) => create(sms(`+3360000010${i}`))));
    expect(rs.filter((r) => r.status === "SUCCESS")).toHaveLength(3);
    expect(rs.filter((r) => r.answer.errorCode === "PSP_106")).toHaveLength(5);
    expect(await db.paymentOrder.count()).toBe(orders + 3);
  });

  it("a call that fails for another reason gives its recipients back", async () => {
    await setQuotas({ apiTestRecipientsPerHour: 1 });
    const bad = await create({ ...mail("a@example.test"), currency: "USD" }); // not enabled on the shop
    expect(bad.answer.errorCode).toBe("PSP_1035");
    expect((await create(mail("a@example.test"))).status).toBe("SUCCESS");
    expectQuotaError(await create(mail("b@example.test")), "TEST", 3600);
  });

  it("sending again (Update with the channel's options) counts as sending", async () => {
    await setQuotas({ apiTestRecipientsPerHour: 2 });
    const created = await create(mail("a@example.test"));
    const id = created.answer.paymentOrderId;
    const resend = (recipient: string) =>
      callApi("Charge/PaymentOrder/Update", {
        paymentOrderId: id,
        ...url,
        channelOptions: { channelType: "MAIL", mailOptions: { recipient, subject: "Rappel" } },
      });
    expect((await resend("b@example.test")).status).toBe("SUCCESS");
    const messages = await db.message.count();
    expectQuotaError(await resend("c@example.test"), "TEST", 3600);
    expect(await db.message.count()).toBe(messages);
    expect((await db.paymentOrder.findUniqueOrThrow({ where: { id } })).recipient).toBe("b@example.test");
  });

  it("PRODUCTION keys are not limited by it; the default comes from API_TEST_RECIPIENTS_PER_HOUR", async () => {
    process.env.API_TEST_RECIPIENTS_PER_HOUR = "1";
    try {
      for (let i = 0; i < 3; i++) {
        expect((await create(mail("a@example.test;b@example.test"), { creds: DEMO_PROD })).status).toBe("SUCCESS");
      }
      expect((await create(sms())).status).toBe("SUCCESS");
      expectQuotaError(await create(sms("+33600000004")), "TEST", 3600);
      // Another shop has its own allowance.
      expect((await create(mail("x@example.test"), { creds: OTHER_TEST })).status).toBe("SUCCESS");
    } finally {
      delete process.env.API_TEST_RECIPIENTS_PER_HOUR;
    }
  });
});
