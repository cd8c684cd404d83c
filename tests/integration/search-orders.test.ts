import { beforeAll, describe, expect, it } from "vitest";
import type { UserActor } from "@/lib/auth/actor";
import { getUserActor } from "@/lib/auth/get-user-actor";
import { translator } from "@/lib/i18n";
import { cancelOrder } from "@/lib/orders/cancel-order";
import { exportOrdersCsv } from "@/lib/orders/export-orders-csv";
import { markOrderSent } from "@/lib/orders/mark-order-sent";
import { type OrderSearch, orderSearchSchema } from "@/lib/orders/schemas";
import { searchOrders } from "@/lib/orders/search-orders";
import { payOrder } from "@/lib/payments/pay-order";
import { csvField } from "@/lib/shared/csv";
import { getListColumns } from "@/lib/users/get-list-columns";
import { saveListColumns } from "@/lib/users/save-list-columns";
import { createShop } from "@/prisma/factories";
import { verifiedConnectorsForAllShops } from "../helpers/connectors";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { card, newOrder } from "../helpers/orders";

let users: Awaited<ReturnType<typeof seedTenants>>;
let admin: UserActor; // the demo admin, given a second shop in New York
const ids: Record<string, string> = {};

const at = (iso: string) => new Date(iso);
const setDates = (id: string, data: { createdAt?: Date; validUntil?: Date }) => db.paymentOrder.update({ where: { id }, data });

beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
  await verifiedConnectorsForAllShops(db); // PRODUCTION orders need a processor (issue 20)
  const company = await db.shop.findUniqueOrThrow({ where: { id: "12345678" }, select: { companyId: true } });
  await createShop(db, {
    id: "22222222",
    companyId: company.companyId,
    name: "NY",
    timeZone: "America/New_York",
    currencies: ["EUR", "USD"],
  });
  const adminId = (await db.user.findUniqueOrThrow({ where: { email: "admin@demo.test" } })).id;
  await db.userShopAccess.create({ data: { userId: adminId, shopId: "22222222" } });
  admin = (await getUserActor(db, adminId))!.actor;
  const future = at("2099-01-01T00:00:00Z");

  // Paris shop, TEST: one order per status and a spread of amounts, dates and channels.
  ids.running = (await newOrder(users.operator, { reference: "S-RUN", amountMinor: 1000 })).id;
  ids.paid = (await newOrder(users.operator, { reference: "S-PAID", amountMinor: 2500 })).id;
  await payOrder(db, {
    token: (await db.paymentOrder.findUniqueOrThrow({ where: { id: ids.paid } })).token,
    card: card("4970100000000055"),
  });
  const refused = await newOrder(users.operator, { reference: "S-REF", amountMinor: 4000 });
  await payOrder(db, { token: refused.token, card: card("4970100000000097") });
  ids.refused = refused.id;
  ids.refusedLate = (await newOrder(users.operator, { reference: "S-REF-LATE", amountMinor: 4100 })).id;
  const rl = await db.paymentOrder.findUniqueOrThrow({ where: { id: ids.refusedLate } });
  await payOrder(db, { token: rl.token, card: card("4970100000000097") });
  ids.lapsed = (await newOrder(users.operator, { reference: "S-LAPSED", amountMinor: 5000 })).id;
  ids.cancelled = (await newOrder(users.operator, { reference: "S-CANC", amountMinor: 7000 })).id;
  await cancelOrder(db, { actor: users.operator, orderId: ids.cancelled });
  ids.mail = (
    await newOrder(users.operator, {
      reference: "S-MAIL",
      channel: "MAIL",
      recipient: "Jeanne.Martin@example.com",
      subject: "x",
      amountMinor: 999,
    })
  ).id;
  await markOrderSent(db, { actor: users.operator, orderId: ids.running });
  ids.noref = (await newOrder(users.operator, { reference: undefined, amountMinor: 1 })).id;
  ids.prod = (await newOrder(users.operator, { mode: "PRODUCTION", reference: "S-PROD" })).id;
  // NY shop (admin only)
  ids.ny = (await newOrder(admin, { shopId: "22222222", reference: "NY-1", currency: "USD", amountMinor: 2500 })).id;

  // Dates: created on 2026-03-10 around midnight in each zone; validities far in the future except two.
  await setDates(ids.running, { createdAt: at("2026-03-09T23:30:00Z"), validUntil: future }); // 10 March 00:30 Paris
  await setDates(ids.paid, { createdAt: at("2026-03-10T22:59:59.500Z") }); // 10 March 23:59:59.5 Paris
  await setDates(ids.refused, { createdAt: at("2026-03-10T23:00:00Z"), validUntil: future }); // 11 March 00:00 Paris
  await setDates(ids.refusedLate, { createdAt: at("2026-03-12T10:00:00Z"), validUntil: at("2026-03-13T10:00:00Z") });
  await setDates(ids.lapsed, { createdAt: at("2026-03-12T11:00:00Z"), validUntil: at("2026-03-20T22:59:59Z") }); // 20 March 23:59:59 Paris
  await setDates(ids.cancelled, { createdAt: at("2026-03-13T10:00:00Z") });
  await setDates(ids.mail, { createdAt: at("2026-03-14T10:00:00Z"), validUntil: future });
  await setDates(ids.noref, { createdAt: at("2026-03-15T10:00:00Z"), validUntil: future });
  await setDates(ids.ny, { createdAt: at("2026-03-10T04:30:00Z"), validUntil: future }); // 10 March 00:30 New York
});

const parse = (params: Record<string, string>) => orderSearchSchema.parse(params);
async function search(actor: UserActor, params: Record<string, string> = {}, extra: { mode?: "TEST" | "PRODUCTION"; limit?: number } = {}) {
  const s: OrderSearch = parse(params);
  return searchOrders(db, { actor, mode: extra.mode ?? "TEST", ...s, limit: extra.limit ?? 50 });
}
const refs = async (actor: UserActor, params: Record<string, string> = {}) =>
  (await search(actor, params)).rows.map((r) => r.reference ?? r.id).sort();
const r = (...keys: string[]) => keys.map((k) => (k === "noref" ? ids.noref! : k)).sort();

describe("searchOrders: filters", () => {
  it("no filter: the user's shops, the mode's orders only, newest first", async () => {
    const res = await search(users.operator);
    expect(res.rows.map((o) => o.reference ?? "-")).toEqual([
      "-",
      "S-MAIL",
      "S-CANC",
      "S-LAPSED",
      "S-REF-LATE",
      "S-REF",
      "S-PAID",
      "S-RUN",
    ]);
    expect(res.nextCursor).toBeNull();
    expect((await search(users.operator, {}, { mode: "PRODUCTION" })).rows.map((o) => o.reference)).toEqual(["S-PROD"]);
  });

  it("isolation: another tenant sees nothing, even naming the shop", async () => {
    expect((await search(users.other)).rows).toEqual([]);
    expect((await search(users.other, { shop: "12345678" })).rows).toEqual([]);
    expect((await search(users.operator, { shop: "22222222" })).rows).toEqual([]);
  });

  it("shop, when several", async () => {
    expect(await refs(admin, { shop: "22222222" })).toEqual(["NY-1"]);
    expect((await refs(admin, { shop: "12345678" })).length).toBe(8);
    expect((await refs(admin)).length).toBe(9);
  });

  it("status as people see it: an unpaid order past its validity is EXPIRED", async () => {
    const now = { validUntil: at("2020-01-01T00:00:00Z") };
    await setDates(ids.lapsed!, now);
    try {
      expect(await refs(users.operator, { status: "EXPIRED" })).toEqual(["S-LAPSED", "S-REF-LATE"]);
      expect(await refs(users.operator, { status: "RUNNING" })).toEqual(r("S-MAIL", "S-RUN", "noref"));
      expect(await refs(users.operator, { status: "REFUSED" })).toEqual(["S-REF"]);
      expect(await refs(users.operator, { status: "PAID" })).toEqual(["S-PAID"]);
      expect(await refs(users.operator, { status: "CANCELLED" })).toEqual(["S-CANC"]);
      const rows = (await search(users.operator, { status: "EXPIRED" })).rows;
      expect(rows.every((o) => o.status === "EXPIRED")).toBe(true);
    } finally {
      await setDates(ids.lapsed!, { validUntil: at("2026-03-20T22:59:59Z") });
    }
  });

  it("channel and delivery status", async () => {
    expect(await refs(users.operator, { channel: "MAIL" })).toEqual(["S-MAIL"]);
    expect(await refs(users.operator, { delivery: "SENT" })).toEqual(["S-RUN"]);
  });

  it("creation days in the shop's zone, bounds included", async () => {
    expect(await refs(users.operator, { createdFrom: "2026-03-10", createdTo: "2026-03-10" })).toEqual(["S-PAID", "S-RUN"]);
    expect(await refs(users.operator, { createdFrom: "2026-03-11", createdTo: "2026-03-12" })).toEqual(["S-LAPSED", "S-REF", "S-REF-LATE"]);
    expect(await refs(users.operator, { createdTo: "2026-03-09" })).toEqual([]);
    // each shop's own zone: 04:30 UTC is still 9 March in... no: 00:30 on 10 March in New York
    expect(await refs(admin, { createdFrom: "2026-03-10", createdTo: "2026-03-10" })).toEqual(["NY-1", "S-PAID", "S-RUN"]);
  });

  it("validity days in the shop's zone", async () => {
    expect(await refs(users.operator, { validFrom: "2026-03-20", validTo: "2026-03-20" })).toEqual(["S-LAPSED"]);
    expect(await refs(users.operator, { validTo: "2026-03-13" })).toEqual(["S-REF-LATE"]);
  });

  it("amount range typed in major units of the currency", async () => {
    expect(await refs(users.operator, { currency: "EUR", amountMin: "25", amountMax: "41,00" })).toEqual(["S-PAID", "S-REF", "S-REF-LATE"]);
    expect(await refs(users.operator, { currency: "EUR", amountMax: "0.01" })).toEqual(r("noref"));
    expect(await refs(admin, { currency: "USD" })).toEqual(["NY-1"]);
    expect(orderSearchSchema.safeParse({ amountMin: "10" }).success).toBe(false);
    expect(orderSearchSchema.safeParse({ currency: "EUR", amountMin: "10.001" }).success).toBe(false);
  });

  it("reference (prefix, wildcards literal) and recipient (contains, any case)", async () => {
    expect(await refs(users.operator, { reference: "S-REF" })).toEqual(["S-REF", "S-REF-LATE"]);
    expect(await refs(users.operator, { reference: "S-REF-" })).toEqual(["S-REF-LATE"]);
    expect(await refs(users.operator, { reference: "S_RUN" })).toEqual([]);
    expect(await refs(users.operator, { reference: "%" })).toEqual([]);
    expect(await refs(users.operator, { recipient: "jeanne.MARTIN" })).toEqual(["S-MAIL"]);
  });
});

describe("searchOrders: sort and keyset pages", () => {
  it("sorts by amount both ways", async () => {
    const asc = (await search(users.operator, { sort: "amount", dir: "asc" })).rows.map((o) => o.amount);
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    const desc = (await search(users.operator, { sort: "amount", dir: "desc" })).rows.map((o) => o.amount);
    expect(desc).toEqual([...asc].reverse());
  });

  it.each(["created", "reference", "amount", "channel", "status", "delivery", "validUntil", "shop", "recipient"])(
    "pages of 3 sorted by %s cover the list once, in order, both ways",
    async (sort) => {
      for (const dir of ["asc", "desc"]) {
        const all = (await search(admin, { sort, dir })).rows.map((o) => o.id);
        const seen: string[] = [];
        let after: string | undefined;
        for (let i = 0; i < 10; i++) {
          const page = await search(admin, { sort, dir, ...(after ? { after } : {}) }, { limit: 3 });
          seen.push(...page.rows.map((o) => o.id));
          if (!page.nextCursor) break;
          after = page.nextCursor;
        }
        expect(seen).toEqual(all);
        expect(new Set(seen).size).toBe(9);
      }
    },
  );

  it("a cursor that does not decode restarts at page one", async () => {
    const first = await search(users.operator, {}, { limit: 2 });
    expect((await search(users.operator, { after: "garbage" }, { limit: 2 })).rows).toEqual(first.rows);
  });
});

describe("CSV export and list columns", () => {
  it("streams every filtered row (more than one batch), amounts in major units, dates in the shop's zone", async () => {
    const stream = exportOrdersCsv(db, {
      actor: admin,
      mode: "TEST",
      search: parse({ sort: "amount", dir: "asc" }),
      t: translator("en"),
      batch: 4,
    });
    const text = await new Response(stream).text();
    const lines = text
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe(
      "Id,Shop,Mode,Reference,Created,Amount,Currency,Channel,Order status,Delivery status,Valid until,Recipient,Buyer e-mail",
    );
    expect(lines).toHaveLength(10);
    expect(lines[1]).toContain(",0.01,EUR,");
    const paid = lines.find((l) => l.includes("S-PAID"))!;
    expect(paid).toContain(",2026-03-10T23:59:59+01:00,25.00,EUR,URL,PAID,");
    expect(lines.find((l) => l.includes("NY-1"))).toContain(",2026-03-10T00:30:00-04:00,25.00,USD,");
    expect(lines.find((l) => l.includes("S-REF-LATE"))).toContain(",EXPIRED,");
    const filtered = await new Response(
      exportOrdersCsv(db, { actor: admin, mode: "TEST", search: parse({ reference: "S-REF" }), t: translator("fr") }),
    ).text();
    expect(filtered.trimEnd().split("\r\n")).toHaveLength(3);
    expect(
      (await new Response(exportOrdersCsv(db, { actor: users.other, mode: "TEST", search: parse({}), t: translator("en") })).text())
        .trimEnd()
        .split("\r\n"),
    ).toHaveLength(1);
  });

  it("quotes CSV fields and defuses formulas", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('a,"b"')).toBe('"a,""b"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
  });

  it("keeps the chosen columns per user, known ones only, reference always in", async () => {
    expect(await getListColumns(db, { actor: users.viewer })).toEqual([
      "created",
      "reference",
      "amount",
      "channel",
      "status",
      "delivery",
      "validUntil",
    ]);
    await saveListColumns(db, { actor: users.viewer, columns: ["amount", "recipient", "bogus", "created"] });
    expect(await getListColumns(db, { actor: users.viewer })).toEqual(["created", "reference", "amount", "recipient"]);
    expect(await getListColumns(db, { actor: users.operator })).toHaveLength(7);
  });
});
