// Property tests over the back office's inputs, with strings carrying control characters (U+0000
// and lone surrogates among them, which PostgreSQL refuses): the list pages' search parameters,
// parsed then queried as each page does, and the forms' use cases, given what their server
// actions build from the FormData. Whatever comes in: an ignored parameter or an AppError (a field
// error), never another exception (a 500), and a refused form changes nothing.
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDashboard } from "@/lib/analytics/get-dashboard";
import { parseDashboardQuery } from "@/lib/analytics/schemas";
import { findAuditEvents } from "@/lib/audit/find-audit-events";
import { parseAuditSearch } from "@/lib/audit/schemas";
import type { UserActor } from "@/lib/auth/actor";
import { updateCompanySettings } from "@/lib/companies/update-company-settings";
import { findDeliveries } from "@/lib/notifications/find-deliveries";
import { createRule } from "@/lib/notifications/rules/create-rule";
import { parseDeliverySearch } from "@/lib/notifications/schemas";
import { createMailOrders } from "@/lib/orders/create-mail-orders";
import { createPhoneOrder } from "@/lib/orders/create-phone-order";
import { createUrlOrder } from "@/lib/orders/create-url-order";
import { parseOrderSearch } from "@/lib/orders/parse-order-search";
import { searchOrders } from "@/lib/orders/search-orders";
import { findTransactions } from "@/lib/payments/find-transactions";
import { parseTransactionSearch } from "@/lib/payments/schemas";
import { isAppError } from "@/lib/server/errors";
import { TEXT_REFUSED } from "@/lib/server/validation";
import { updateShopSettings } from "@/lib/shops/update-shop-settings";
import { createTemplate } from "@/lib/templates/create-template";
import { DEMO } from "@/prisma/demo-data";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { isRefused, nasty, unit } from "../helpers/fuzz-strings";

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
vi.setConfig({ testTimeout: 600_000 });
const SHOP = DEMO.shop.id;

let users: Awaited<ReturnType<typeof seedTenants>>;
beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
});

/** Resolves to the AppError it threw, or null; anything else (a 500) fails the property. */
async function outcome(run: () => Promise<unknown>) {
  try {
    await run();
    return null;
  } catch (e) {
    if (!isAppError(e)) throw e;
    return e;
  }
}

const plausible = fc.constantFrom(
  "",
  "2026-01-01",
  "2026-13-45",
  "EUR",
  SHOP,
  "TEST",
  "PAID",
  "10.5",
  "-1",
  "S-1",
  "a@b.co",
  "x".repeat(300),
);
const text = fc.oneof({ weight: 2, arbitrary: nasty }, { weight: 2, arbitrary: plausible }, { weight: 1, arbitrary: fc.string({ unit }) });

type Search = { name: string; keys: string[]; run: (actor: UserActor, params: Record<string, string>) => Promise<Record<string, string>> };
const SEARCHES: Search[] = [
  {
    name: "orders",
    keys: [
      "shop",
      "channel",
      "status",
      "delivery",
      "createdFrom",
      "createdTo",
      "validFrom",
      "validTo",
      "currency",
      "amountMin",
      "amountMax",
      "reference",
      "recipient",
      "sort",
      "dir",
      "after",
    ],
    run: async (actor, p) => {
      const { search, errors } = parseOrderSearch(p);
      await searchOrders(db, { actor, mode: "TEST", ...search });
      return errors;
    },
  },
  {
    name: "transactions",
    keys: ["from", "to", "status", "currency", "amountMin", "amountMax", "reference", "page"],
    run: async (actor, p) => {
      const { search, errors } = parseTransactionSearch(p);
      await findTransactions(db, { actor, filters: search.filters, page: search.page });
      return errors;
    },
  },
  {
    name: "audit log",
    keys: ["from", "to", "actorType", "actor", "action", "shop", "order", "after", "before"],
    run: async (actor, p) => {
      const { search, errors } = parseAuditSearch(p);
      await findAuditEvents(db, { actor, filters: search.filters, page: search.page });
      return errors;
    },
  },
  {
    name: "notification deliveries",
    keys: ["shop", "mode", "status", "event", "order", "from", "to", "page"],
    run: async (actor, p) => {
      const { search, errors } = parseDeliverySearch(p);
      await findDeliveries(db, { actor, filters: search.filters, page: search.page });
      return errors;
    },
  },
  {
    name: "analytics",
    keys: ["shop", "mode", "from", "to"],
    run: async (actor, p) => {
      const { query, errors } = parseDashboardQuery(p);
      await getDashboard(db, { actor, query });
      return errors;
    },
  },
];

describe(`fuzzing the list pages' search parameters (${RUNS} each)`, () => {
  for (const s of SEARCHES) {
    it(`${s.name}: a parameter PostgreSQL refuses is reported and left out, the list still shows`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.dictionary(fc.constantFrom(...s.keys), text, { maxKeys: 5 }), async (params) => {
          const errors = await s.run(users.admin, params);
          for (const [k, v] of Object.entries(params)) if (isRefused(v)) expect(errors[k], k).toBe(TEXT_REFUSED);
        }),
        { numRuns: RUNS },
      );
    });
  }
});

type Values = Record<string, unknown>;
type Form = { name: string; valid: Values; run: (v: Values) => Promise<unknown>; state: () => Promise<unknown> };
const orders = () => db.paymentOrder.count();
const order = { shopId: SHOP, mode: "TEST", amount: "15.90", currency: "EUR", reference: "F-1" };
const FORMS: Form[] = [
  {
    name: "payment link",
    valid: { ...order, buyerEmail: "anne@buyer.test", validUntil: "" },
    run: (v) => createUrlOrder(db, { actor: users.operator, values: v as Record<string, string> }),
    state: orders,
  },
  {
    name: "e-mail order",
    valid: { ...order, language: "fr", recipients: "anne@buyer.test", subject: "Pour %reference%", body: "<p>%amount%</p>" },
    run: (v) => createMailOrders(db, { actor: users.operator, values: v as Record<string, string> }),
    state: orders,
  },
  {
    name: "SMS order",
    valid: { ...order, channel: "SMS", language: "fr", phoneNumber: "06 12 34 56 78", message: "Payez %amount%" },
    run: (v) => createPhoneOrder(db, { actor: users.operator, values: v as Record<string, string> }),
    state: orders,
  },
  {
    name: "notification rule",
    valid: {
      kind: "URL_CALL",
      label: "Serveur",
      events: ["PAYMENT_ACCEPTED"],
      sources: ["PAYMENT_ORDER"],
      channels: ["MAIL"],
      alertEmail: "ops@demo.test",
      urlProd: "https://shop.example.com/ipn",
      format: "REST",
      hashKey: "sha256_hmac",
    },
    run: (v) => createRule(db, { actor: users.admin, shopId: SHOP, rule: v as never }),
    state: () => db.notificationRule.count(),
  },
  {
    name: "template",
    valid: {
      name: "Relance",
      channel: "MAIL",
      kind: "ORDER",
      language: "fr",
      subject: "%reference%",
      body: "<p>%amount%</p>",
      isDefault: false,
    },
    run: (v) => createTemplate(db, { actor: users.admin, shopId: SHOP, template: v as never }),
    state: () => db.template.count(),
  },
  {
    name: "company settings",
    valid: {
      name: DEMO.company.name,
      managerEmail: DEMO.company.managerEmail,
      smsProviderUrl: "",
      smsLogin: "",
      smsPassword: "",
      smsSender: "DEMO",
      smsNotifyPhone: "",
      smsLowCreditThreshold: "10",
    },
    run: (v) => updateCompanySettings(db, { actor: users.admin, settings: v as never }),
    state: () => db.company.findUniqueOrThrow({ where: { id: users.admin.companyId } }),
  },
  {
    name: "shop settings",
    valid: {
      name: DEMO.shop.name,
      url: "https://shop.example",
      managerEmail: "boss@demo.test",
      defaultValidityDays: "14",
      referenceMandatory: false,
      defaultValidationMode: "AUTOMATIC",
      defaultCaptureDelay: "0",
      timeZone: "Europe/Paris",
      languages: ["fr", "en"],
      defaultLanguage: "fr",
      currencies: ["EUR"],
      acceptedBrands: ["VISA", "MASTERCARD"],
      remindersPolicy: { enabled: false, steps: "", quietStart: "", quietEnd: "" },
    },
    run: (v) => updateShopSettings(db, { actor: users.admin, shopId: SHOP, settings: v as never }),
    state: () => db.shop.findUniqueOrThrow({ where: { id: SHOP } }),
  },
];

/** The valid form with control characters put into one of its texts (a field, a list item, a nested field). */
const taint = (valid: Values) =>
  fc.tuple(fc.nat(), fc.nat(), nasty).map(([n, at, s]) => {
    const v = structuredClone(valid);
    const slots: [Values | unknown[], string | number][] = [];
    const walk = (o: Values | unknown[]) => {
      for (const [k, x] of Object.entries(o)) {
        if (typeof x === "string") slots.push([o, Array.isArray(o) ? Number(k) : k]);
        else if (x && typeof x === "object") walk(x as Values);
      }
    };
    walk(v);
    const [obj, key] = slots[n % slots.length]!;
    const old = (obj as Values)[key as string] as string;
    const i = at % (old.length + 1);
    (obj as Values)[key as string] = `${old.slice(0, i)}${s}${old.slice(i)}`;
    return v;
  });

const holdsRefused = (v: unknown): boolean =>
  typeof v === "string" ? isRefused(v) : v !== null && typeof v === "object" && Object.values(v).some(holdsRefused);

describe(`fuzzing the back office's forms (${RUNS} each)`, () => {
  for (const f of FORMS) {
    it(`${f.name}: a field error, never a 500; a refused text changes nothing`, async () => {
      await fc.assert(
        fc.asyncProperty(taint(f.valid), async (values) => {
          const before = await f.state();
          const err = await outcome(() => f.run(values));
          if (holdsRefused(values)) {
            expect(err?.code).toBe("VALIDATION");
            expect(Object.values(err?.fields ?? {})).toContain(TEXT_REFUSED);
          }
          if (err) expect(await f.state()).toEqual(before);
        }),
        { numRuns: RUNS },
      );
    });
  }

  it("each text field of each form, given a NUL byte: that field is named", async () => {
    for (const f of FORMS) {
      for (const [key, value] of Object.entries(f.valid)) {
        if (typeof value !== "string") continue;
        const err = await outcome(() => f.run({ ...f.valid, [key]: `${value}\u0000` }));
        expect(err?.fields?.[key], `${f.name}: ${key}`).toBe(TEXT_REFUSED);
      }
    }
  });
});
