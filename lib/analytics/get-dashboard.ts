// The analytics dashboard of one shop (issue 10): what happened to its payment links over a
// period — created (sent), opened (first visit of the link), paid, refused, expired, cancelled —
// per day and per channel, amounts collected per day and currency, conversion, and the median
// time from creation to payment. Read from the daily counters the triggers keep (ShopDailyStats,
// ShopDailyPayTime): ~one row per day and channel, so the time does not grow with the orders.
import { assertShopAccess, type UserActor } from "../auth/actor";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import { addCalendarDays, dayInZone } from "../time/shop-time";
import { medianMinutes, PAY_TIME_BUCKETS } from "./pay-time-buckets";
import type { DashboardQuery } from "./schemas";

export const STAT_KEYS = ["created", "opened", "paid", "refused", "expired", "cancelled"] as const;
type StatKey = (typeof STAT_KEYS)[number];
export type Counts = Record<StatKey, number>;
export type DayRow = Counts & { day: string; amounts: Record<string, number>; refunded: Record<string, number> };
export type ChannelRow = Counts & { channel: string; conversionRate: number | null };

const zero = (): Counts => ({ created: 0, opened: 0, paid: 0, refused: 0, expired: 0, cancelled: 0 });
const rate = (num: number, den: number) => (den ? num / den : null);

const STATS_SQL = `SELECT to_char(day, 'YYYY-MM-DD') AS day, channel::text, currency,
    sum(created)::int AS created, sum(opened)::int AS opened, sum(paid)::int AS paid, sum(refused)::int AS refused,
    sum(expired)::int AS expired, sum(cancelled)::int AS cancelled, sum("paidAmount")::text AS "paidAmount",
    sum("refundedAmount")::text AS "refundedAmount"
  FROM "ShopDailyStats" WHERE "shopId" = $1 AND mode = $2::"Mode" AND day BETWEEN $3::date AND $4::date
  GROUP BY day, channel, currency ORDER BY day`;
const PAY_TIME_SQL = `SELECT bucket, sum(count)::int AS count FROM "ShopDailyPayTime"
  WHERE "shopId" = $1 AND mode = $2::"Mode" AND day BETWEEN $3::date AND $4::date GROUP BY bucket`;

export async function getDashboard(db: Db, input: { actor: UserActor; query: DashboardQuery }) {
  const { actor, query } = input;
  const shopId = query.shop ?? actor.shopIds[0];
  if (!shopId) throw new AppError("NOT_FOUND", "no shop", { publicMessage: "Not found" });
  assertShopAccess(actor, shopId);
  const shop = (await db.sql<{ name: string; timeZone: string }>(`SELECT name, "timeZone" FROM "Shop" WHERE id = $1`, [shopId])).rows[0];
  if (!shop) throw new AppError("NOT_FOUND", "no shop", { publicMessage: "Not found" });
  const today = dayInZone(new Date(), shop.timeZone);
  const to = query.to ?? today;
  const from = query.from ?? addCalendarDays(to, -29);
  const args = [shopId, query.mode, from, to];
  const [stats, payTime] = await Promise.all([
    db.sql<{ day: string; channel: string; currency: string; paidAmount: string; refundedAmount: string } & Counts>(STATS_SQL, args),
    db.sql<{ bucket: number; count: number }>(PAY_TIME_SQL, args),
  ]);

  const days = new Map<string, DayRow>();
  for (let d = from; d <= to; d = addCalendarDays(d, 1)) days.set(d, { day: d, ...zero(), amounts: {}, refunded: {} });
  const channels = new Map<string, Counts>();
  const totals = zero();
  const amounts: Record<string, number> = {};
  // refunds20: refunds and authorisations never captured, on the day they happened (net = paid − this).
  const refunded: Record<string, number> = {};
  for (const r of stats.rows) {
    const day = days.get(r.day);
    const ch = channels.get(r.channel) ?? zero();
    for (const k of STAT_KEYS) {
      if (day) day[k] += r[k];
      ch[k] += r[k];
      totals[k] += r[k];
    }
    channels.set(r.channel, ch);
    const paid = Number(r.paidAmount);
    if (paid) {
      if (day) day.amounts[r.currency] = (day.amounts[r.currency] ?? 0) + paid;
      amounts[r.currency] = (amounts[r.currency] ?? 0) + paid;
    }
    const back = Number(r.refundedAmount);
    if (back) {
      if (day) day.refunded[r.currency] = (day.refunded[r.currency] ?? 0) + back;
      refunded[r.currency] = (refunded[r.currency] ?? 0) + back;
    }
  }
  const histogram = Array.from({ length: PAY_TIME_BUCKETS }, () => 0);
  for (const r of payTime.rows) histogram[r.bucket] = (histogram[r.bucket] ?? 0) + r.count;

  return {
    shop: { id: shopId, name: shop.name, timeZone: shop.timeZone },
    mode: query.mode,
    from,
    to,
    days: [...days.values()],
    totals: {
      ...totals,
      amounts,
      refunded,
      net: Object.fromEntries(
        [...new Set([...Object.keys(amounts), ...Object.keys(refunded)])].map((c) => [c, (amounts[c] ?? 0) - (refunded[c] ?? 0)]),
      ),
      conversionRate: rate(totals.paid, totals.created),
      openRate: rate(totals.opened, totals.created),
    },
    byChannel: [...channels.entries()]
      .map(([channel, c]): ChannelRow => ({ channel, ...c, conversionRate: rate(c.paid, c.created) }))
      .sort((a, b) => b.created - a.created),
    medianMinutesToPay: medianMinutes(histogram),
  };
}

export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;

const csvCell = (v: string | number | null) => {
  const s = v === null ? "" : String(v);
  return /[",\n;]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** The dashboard's figures per day as CSV (amounts in major units, one column per currency), then per channel. */
export function dashboardCsv(d: Dashboard, exponent: (currency: string) => number): string {
  const currencies = [...new Set([...Object.keys(d.totals.amounts), ...Object.keys(d.totals.refunded)])].sort();
  const lines: string[] = [];
  lines.push(
    ["day", ...STAT_KEYS, "conversion_rate", ...currencies.flatMap((c) => [`collected_${c}`, `refunded_${c}`, `net_${c}`])].join(","),
  );
  const major = (minor: number, c: string) => (minor / 10 ** exponent(c)).toFixed(exponent(c));
  for (const r of d.days) {
    lines.push(
      [
        r.day,
        ...STAT_KEYS.map((k) => r[k]),
        r.created ? (r.paid / r.created).toFixed(4) : "",
        ...currencies.flatMap((c) => [
          major(r.amounts[c] ?? 0, c),
          major(r.refunded[c] ?? 0, c),
          major((r.amounts[c] ?? 0) - (r.refunded[c] ?? 0), c),
        ]),
      ]
        .map(csvCell)
        .join(","),
    );
  }
  lines.push("");
  lines.push(["channel", ...STAT_KEYS, "conversion_rate"].join(","));
  for (const c of d.byChannel)
    lines.push([c.channel, ...STAT_KEYS.map((k) => c[k]), c.conversionRate?.toFixed(4) ?? ""].map(csvCell).join(","));
  lines.push("");
  lines.push(`median_minutes_to_pay,${d.medianMinutesToPay === null ? "" : d.medianMinutesToPay.toFixed(1)}`);
  return `${lines.join("\n")}\n`;
}
