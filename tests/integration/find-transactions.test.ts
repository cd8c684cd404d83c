import { beforeAll, describe, expect, it } from "vitest";
import { findTransactions } from "@/lib/payments/find-transactions";
import { payOrder } from "@/lib/payments/pay-order";
import { parseTransactionSearch } from "@/lib/payments/schemas";
import { dayInZone } from "@/lib/time/shop-time";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { card, newOrder } from "../helpers/orders";

describe("transactions list search (F-BO-5)", () => {
  let users: Awaited<ReturnType<typeof seedTenants>>;
  beforeAll(async () => {
    await resetDatabase();
    users = await seedTenants();
    for (const [reference, pan, amountMinor] of [
      ["FT-A", "4970100000000055", 4990],
      ["FT-B", "4970100000000097", 4990],
      ["FT-C", "4970100000000055", 150_000],
    ] as const) {
      const o = await newOrder(users.operator, { reference, amountMinor });
      await payOrder(db, { token: o.token, card: card(pan) });
    }
  });
  const refs = async (params: Record<string, string>, page?: number, pageSize?: number) => {
    const { search, errors } = parseTransactionSearch(params);
    const r = await findTransactions(db, { actor: users.operator, filters: search.filters, page: page ?? search.page, pageSize });
    return { refs: r.rows.map((x) => x.order.reference), errors, hasNext: r.hasNext };
  };

  it("filters by status, reference, amount in major units, last 4 and the shop's days; newest first", async () => {
    expect((await refs({})).refs).toEqual(["FT-C", "FT-B", "FT-A"]);
    expect((await refs({ status: "REFUSED" })).refs).toEqual(["FT-B"]);
    expect((await refs({ reference: "ft-c" })).refs).toEqual(["FT-C"]);
    expect((await refs({ currency: "eur", amountMin: "1000", amountMax: "1500,00" })).refs).toEqual(["FT-C"]);
    expect((await refs({ last4: "0097" })).refs).toEqual(["FT-B"]);
    const today = dayInZone(new Date(), "Europe/Paris");
    expect((await refs({ from: today, to: today })).refs).toHaveLength(3);
    expect((await refs({ to: "2020-01-01" })).refs).toEqual([]);
  });

  it("reports bad criteria by field and applies the others", async () => {
    const r = await refs({ last4: "12a", amountMin: "10", status: "REFUSED", from: "2026-02-02", to: "2026-01-01" });
    expect(r.errors).toMatchObject({ last4: "txsearch_err_last4", currency: "osearch_err_currency", to: "txsearch_err_range" });
    expect(r.refs).toEqual(["FT-B"]);
    expect((await refs({ status: "NOPE", last4: "0055" })).errors).toEqual({ status: "osearch_err_value" });
  });

  it("pages, and another tenant sees none", async () => {
    expect(await refs({}, 1, 2)).toMatchObject({ refs: ["FT-C", "FT-B"], hasNext: true });
    expect(await refs({}, 2, 2)).toMatchObject({ refs: ["FT-A"], hasNext: false });
    expect((await findTransactions(db, { actor: users.other })).rows).toEqual([]);
  });
});
