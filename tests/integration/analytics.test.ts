// The analytics counters kept by the PaymentOrder triggers and the dashboard read from them
// (issue 10): every kind of change counted once on its day in the shop's zone, bulk statements
// included; conversion, channels, amounts, the median time to pay; tenant isolation; CSV.
import { beforeAll, describe, expect, it } from "vitest";
import { dashboardCsv, getDashboard } from "@/lib/analytics/get-dashboard";
import { bucketOf, medianMinutes } from "@/lib/analytics/pay-time-buckets";
import { dashboardQuerySchema } from "@/lib/analytics/schemas";
import { currencyExponent } from "@/lib/money/currencies";
import { cancelOrder } from "@/lib/orders/cancel-order";
import { createMailOrders } from "@/lib/orders/create-mail-orders";
import { expireOrders } from "@/lib/orders/expire-orders";
import { recordFirstOpen } from "@/lib/payments/get-payment-page";
import type { AppError } from "@/lib/server/errors";
import { dayInZone } from "@/lib/time/shop-time";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { card, newOrder, payNow } from "../helpers/orders";

let users: Awaited<ReturnType<typeof seedTenants>>;
beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
});

const today = () => dayInZone(new Date(), "Europe/Paris");
const dashboard = (q: Record<string, string> = {}) =>
  getDashboard(db, { actor: users.operator, query: dashboardQuerySchema.parse({ mode: "TEST", ...q }) });

describe("the counters", () => {
  it("created, opened once, paid with its amount, refused, cancelled, expired — each once, on its day", async () => {
    const a = await newOrder(users.operator, { reference: "AN-A", amountMinor: 1000 });
    const b = await newOrder(users.operator, { reference: "AN-B", amountMinor: 2500 });
    const c = await newOrder(users.operator, { reference: "AN-C" });
    const d = await newOrder(users.operator, { reference: "AN-D" });
    await recordFirstOpen(db, a.id);
    await recordFirstOpen(db, a.id);
    await recordFirstOpen(db, b.id);
    await payNow({ token: a.token, card: card("4970100000000055") });
    await payNow({ token: b.token, card: card("4970100000000097") });
    await payNow({ token: b.token, card: card("4970100000000097") });
    await payNow({ token: b.token, card: card("4970100000000055") });
    await cancelOrder(db, { actor: users.operator, orderId: c.id });
    await db.paymentOrder.update({ where: { id: d.id }, data: { validUntil: new Date(Date.now() - 1000) } });
    await expireOrders(db);

    const dash = await dashboard();
    expect(dash.totals).toMatchObject({ created: 4, opened: 2, paid: 2, refused: 1, cancelled: 1, expired: 1, amounts: { EUR: 3500 } });
    expect(dash.totals.conversionRate).toBe(0.5);
    expect(dash.days.find((r) => r.day === today())).toMatchObject({ created: 4, paid: 2, amounts: { EUR: 3500 } });
    expect(dash.days).toHaveLength(30);
    expect(dash.byChannel).toEqual([expect.objectContaining({ channel: "URL", created: 4, paid: 2, conversionRate: 0.5 })]);
    // The stored rows sum to the same whatever slot each statement took.
    const raw = await db.shopDailyStats.aggregate({ _sum: { created: true, paid: true }, where: { shopId: "12345678", mode: "TEST" } });
    expect(raw._sum).toEqual({ created: 4, paid: 2 });
  });

  it("a fan-out of 50 e-mail orders is counted by its one statement, under the MAIL channel", async () => {
    const recipients = Array.from({ length: 50 }, (_, i) => `fan${i}@buyer.test`).join(";");
    await createMailOrders(db, {
      actor: users.operator,
      values: { shopId: "12345678", mode: "TEST", amount: "5", currency: "EUR", reference: "FAN", recipients },
    });
    const dash = await dashboard();
    expect(dash.byChannel.find((c) => c.channel === "MAIL")).toMatchObject({ created: 50, paid: 0 });
    expect(dash.totals.created).toBe(54);
  });

  it("days are the shop's: 23:30 UTC in March is the next day in Paris; a period outside sees nothing", async () => {
    const at = new Date("2026-03-10T23:30:00Z");
    await db.paymentOrder.create({
      data: {
        id: "a".repeat(32),
        shopId: "12345678",
        mode: "TEST",
        token: "tok-analytics-zone-0001",
        amount: 700n,
        currency: "EUR",
        validUntil: new Date("2026-03-20T22:59:59Z"),
        createdAt: at,
        reference: "AN-ZONE",
      },
    });
    const march = await dashboard({ from: "2026-03-01", to: "2026-03-31" });
    expect(march.days.find((r) => r.day === "2026-03-11")?.created).toBe(1);
    expect(march.days.find((r) => r.day === "2026-03-10")?.created).toBe(0);
    expect(march.totals.created).toBe(1);
  });

  it("the median time to pay, from the histogram, within half a bucket", async () => {
    for (const [i, minutes] of [10, 20, 60].entries()) {
      const o = await newOrder(users.operator, { reference: `AN-T${i}` });
      await db.paymentOrder.update({ where: { id: o.id }, data: { createdAt: new Date(Date.now() - minutes * 60_000) } });
      await payNow({ token: o.token, card: card("4970100000000055") });
    }
    const dash = await dashboard();
    // Orders paid a few seconds after creation sit in the first bucket; the three above are 10, 20, 60 min.
    expect(dash.medianMinutesToPay).not.toBeNull();
    const h = Array.from({ length: 60 }, () => 0);
    for (const m of [10, 20, 60]) h[bucketOf(m)] = (h[bucketOf(m)] ?? 0) + 1;
    const m = medianMinutes(h)!;
    expect(m).toBeGreaterThan(20 / 1.13);
    expect(m).toBeLessThan(20 * 1.13);
  });
});

describe("the dashboard", () => {
  it("another tenant's shop is not found; a bad period is refused by the schema", async () => {
    await expect(getDashboard(db, { actor: users.other, query: dashboardQuerySchema.parse({ shop: "12345678" }) })).rejects.toMatchObject({
      code: "NOT_FOUND",
    } satisfies Partial<AppError>);
    expect(dashboardQuerySchema.safeParse({ from: "2026-05-02", to: "2026-05-01" }).error?.issues[0]?.message).toBe("analytics_err_range");
    expect(dashboardQuerySchema.safeParse({ from: "2025-01-01", to: "2026-05-01" }).error?.issues[0]?.message).toBe(
      "analytics_err_too_long",
    );
    expect(dashboardQuerySchema.safeParse({ mode: "LIVE" }).success).toBe(false);
  });

  it("CSV: one line per day with the amounts in major units, then the channels, then the median", async () => {
    const csv = dashboardCsv(await dashboard(), currencyExponent);
    const lines = csv.trim().split("\n");
    expect(lines[0]).toBe("day,created,opened,paid,refused,expired,cancelled,conversion_rate,collected_EUR,refunded_EUR,net_EUR");
    expect(lines.find((l) => l.startsWith(`${today()},`))).toMatch(/^\d{4}-\d\d-\d\d,\d+,2,5,1,1,1,0\.\d{4},184\.70,[\d.]+,[\d.]+$/);
    expect(csv).toContain("channel,created,opened,paid,refused,expired,cancelled,conversion_rate");
    expect(csv).toMatch(/median_minutes_to_pay,\d+\.\d/);
  });
});
