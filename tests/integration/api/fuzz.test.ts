import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import {
  v4EnvelopeSchema,
  v4ErrorSchema,
  v4OrderTransactionsSchema,
  v4PaymentOrderSchema,
  v4StringSchema,
} from "@/lib/lyra-api/response-schemas";
import { callApi } from "../../helpers/api";
import { db, resetDatabase, seedTenants } from "../../helpers/db";
import { nasty, unit } from "../../helpers/fuzz-strings";

// Property tests: thousands of random or mutated bodies per service. Whatever comes in, the answer
// is never a 5xx, always a well-formed envelope (success or error, per the response schemas), and
// an error creates or changes nothing. Strings carry control characters too, among them what
// PostgreSQL refuses (U+0000, lone surrogates): a NUL in a metadata value once answered 500.

const RUNS = Number(process.env.FUZZ_RUNS ?? 5000);
// Thousands of requests per test: minutes on a busy 2-core machine, not the default 60 s.
vi.setConfig({ testTimeout: 600_000 });

const json = (maxDepth: number) => fc.jsonValue({ maxDepth, stringUnit: unit });

const weird = fc.constantFrom<unknown>(
  "",
  null,
  -1,
  0,
  1,
  10.5,
  1e20,
  "true",
  "false",
  [],
  {},
  "EUR",
  "2026-01-01T00:00:00Z",
  "x".repeat(300),
  "<script>",
  true,
  false,
  "+33600000000",
  "a@b.co",
);
const value = fc.oneof({ weight: 3, arbitrary: weird }, { weight: 2, arbitrary: json(2) }, { weight: 2, arbitrary: nasty });

const VALID_CREATE = {
  amount: 1990,
  currency: "EUR",
  orderId: "FUZZ-1",
  locale: "fr_FR",
  description: "fuzz",
  merchantComment: "fuzz",
  metadata: { k: "v", n: "1" },
  customer: {
    email: "buyer@example.com",
    reference: "C-1",
    billingDetails: { firstName: "A", city: "Paris" },
    shoppingCart: { cartItemInfo: [{ productLabel: "x", productQty: 1 }] },
  },
  returnUrl: "https://shop.example/back",
  transactionOptions: { cardOptions: { manualValidation: "NO", captureDelay: 0 } },
  channelOptions: { channelType: "URL" },
};
const CREATE_KEYS = [
  ...Object.keys(VALID_CREATE),
  "expirationDate",
  "paymentReceiptEmail",
  "taxAmount",
  "taxRate",
  "formAction",
  "strongAuthentication",
  "dataCollectionForm",
  "returnUrl",
  "ipnTargetUrl",
  "paymentMethods",
  "channelType",
  "mailOptions",
];

/** A valid body with control characters put into one of its strings or keys, at any depth. */
const taint = (valid: Record<string, unknown>) =>
  fc.tuple(fc.nat(), nasty).map(([n, s]) => {
    const body = structuredClone(valid);
    const slots: [Record<string, unknown>, string][] = [];
    const walk = (o: unknown) => {
      if (!o || typeof o !== "object") return;
      for (const [k, v] of Object.entries(o)) {
        slots.push([o as Record<string, unknown>, k]);
        walk(v);
      }
    };
    walk(body);
    const [obj, key] = slots[n % slots.length]!;
    if (n % 3 === 0 && !Array.isArray(obj)) {
      obj[`${key}${s}`] = obj[key];
      delete obj[key];
    } else obj[key] = typeof obj[key] === "string" ? `${obj[key]}${s}` : s;
    return body;
  });

/** Valid bodies with fields dropped, replaced by odd values, or added, or a string tainted; plus pure noise. */
const mutate = (valid: Record<string, unknown>, keys: string[]) =>
  fc.oneof(
    { weight: 3, arbitrary: taint(valid) },
    {
      weight: 6,
      arbitrary: fc
        .tuple(fc.subarray(Object.keys(valid), { maxLength: 3 }), fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 3 }))
        .map(([drop, over]) => ({ ...Object.fromEntries(Object.entries(valid).filter(([k]) => !drop.includes(k))), ...over })),
    },
    { weight: 1, arbitrary: json(3) },
  );

const rawBody = (bodies: fc.Arbitrary<unknown>) =>
  fc.oneof({ weight: 9, arbitrary: bodies.map((b) => JSON.stringify(b)) }, { weight: 1, arbitrary: fc.string({ unit, maxLength: 50 }) });

const ORDER = v4EnvelopeSchema(z.union([v4PaymentOrderSchema, v4ErrorSchema]));

async function check(service: string, raw: string, answerSchema: z.ZodType) {
  const r = await callApi(service, null, { raw });
  expect(r.http).toBe(200);
  answerSchema.parse(r.json);
  expect(r.json.webService).toBe(service);
  return r;
}

let runningId = "";
beforeAll(async () => {
  await resetDatabase();
  await seedTenants();
  // Thousands of calls a minute with one key, some of them e-mails: past the default quotas, which
  // would answer PSP_106 before the services are reached (tests/integration/api/quotas.test.ts).
  await db.shop.updateMany({ data: { apiRequestsPerMinute: 100_000, apiTestRecipientsPerHour: 10_000 } });
  runningId = (await callApi("Charge/CreatePaymentOrder", VALID_CREATE)).answer.paymentOrderId;
});

describe(`fuzzing the V4 services (${RUNS} bodies each)`, () => {
  it("Charge/CreatePaymentOrder: successes = orders created", async () => {
    const before = await db.paymentOrder.count();
    let successes = 0;
    await fc.assert(
      fc.asyncProperty(rawBody(mutate(VALID_CREATE, CREATE_KEYS)), async (raw) => {
        const r = await check("Charge/CreatePaymentOrder", raw, ORDER);
        if (r.status === "SUCCESS") successes++;
      }),
      { numRuns: RUNS },
    );
    expect(await db.paymentOrder.count()).toBe(before + successes);
    expect(successes).toBeGreaterThan(RUNS / 20); // the generator does reach the success path
  });

  it("Charge/PaymentOrder/Update: an error changes nothing", async () => {
    const valid = { paymentOrderId: runningId, amount: 2000, currency: "EUR", orderId: "FUZZ-U", description: "u", metadata: { k: "v" } };
    await fc.assert(
      fc.asyncProperty(rawBody(mutate(valid, [...CREATE_KEYS, "paymentOrderId"])), async (raw) => {
        const before = await db.paymentOrder.findUniqueOrThrow({ where: { id: runningId } });
        const r = await check("Charge/PaymentOrder/Update", raw, ORDER);
        if (r.status === "ERROR") expect(await db.paymentOrder.findUniqueOrThrow({ where: { id: runningId } })).toEqual(before);
      }),
      { numRuns: RUNS },
    );
  });

  for (const service of ["Charge/PaymentOrder/Get", "Charge/PaymentOrder/Cancel", "Charge/PaymentOrder/Reactivate"]) {
    it(`${service}`, async () => {
      const ids = fc.oneof(
        fc.record({
          paymentOrderId: fc.oneof(
            fc.constant(() => runningId).map((f) => f()),
            fc.stringMatching(/^[a-f0-9]{32}$/),
            nasty.map((s) => `${runningId.slice(0, 20)}${s}`),
            value,
          ),
        }),
        json(2),
      );
      await fc.assert(
        fc.asyncProperty(rawBody(ids), async (raw) => {
          await check(service, raw, ORDER);
        }),
        { numRuns: RUNS },
      );
    });
  }

  it("Charge/SDKTest", async () => {
    await fc.assert(
      fc.asyncProperty(rawBody(fc.oneof(fc.record({ value: value }), json(2))), async (raw) => {
        await check("Charge/SDKTest", raw, v4EnvelopeSchema(z.union([v4StringSchema, v4ErrorSchema])));
      }),
      { numRuns: RUNS },
    );
  });

  it("Order/Get", async () => {
    await fc.assert(
      fc.asyncProperty(
        rawBody(
          fc.oneof(
            fc.record({
              orderId: fc.oneof(
                fc.constant("FUZZ-1"),
                nasty.map((s) => `FUZZ-${s}`),
                value,
              ),
            }),
            json(2),
          ),
        ),
        async (raw) => {
          await check("Order/Get", raw, v4EnvelopeSchema(z.union([v4OrderTransactionsSchema, v4ErrorSchema])));
        },
      ),
      { numRuns: RUNS },
    );
  });
});
