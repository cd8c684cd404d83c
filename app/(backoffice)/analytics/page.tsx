// /analytics — what happens to a shop's payment links over a period (issue 10): counts per day
// and channel, conversion, amounts collected, the median time to pay; charts, tables and CSV.
import { DashboardCharts } from "@/components/analytics/dashboard-charts";
import { buttonClass } from "@/components/ui/button";
import { ColumnHeads, DataTable } from "@/components/ui/data-table";
import { Field, SelectField } from "@/components/ui/field";
import { SearchErrors } from "@/components/ui/form-alert";
import { PageTitle } from "@/components/ui/page-title";
import { shopOptions } from "@/components/ui/select-options";
import { type Dashboard, getDashboard, STAT_KEYS } from "@/lib/analytics/get-dashboard";
import { parseDashboardQuery } from "@/lib/analytics/schemas";
import { requireSession } from "@/lib/auth/session";
import { translator } from "@/lib/i18n";
import { getUiLanguage } from "@/lib/i18n/server";
import { currencyExponent } from "@/lib/money/currencies";
import { formatMoney } from "@/lib/money/format-money";
import { flatParams, type SearchParams, searchHref } from "@/lib/orders/parse-order-search";
import { getDb } from "@/lib/server/db";
import { findShopDefaults } from "@/lib/shops/find-shop-defaults";

export default async function AnalyticsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { actor } = await requireSession();
  const lang = await getUiLanguage();
  const t = translator(lang);
  const locale = lang === "en" ? "en-GB" : "fr-FR";
  const params = flatParams(await searchParams);
  const { query, errors } = parseDashboardQuery(params);
  const shops = await findShopDefaults(getDb(), { actor });
  const known = !query.shop || shops.some((s) => s.id === query.shop);
  if (!known) errors.shop = "analytics_err_shop";
  const d = await getDashboard(getDb(), { actor, query: known ? query : { ...query, shop: undefined } });
  const pct = (r: number | null) =>
    r === null ? t("analytics_none") : new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(r);
  const currencies = Object.keys(d.totals.net).sort();
  const csvHref = searchHref("/analytics/export.csv", {}, { shop: d.shop.id, mode: d.mode, from: d.from, to: d.to });
  const cards: [string, string, string?][] = [
    [t("analytics_created"), String(d.totals.created)],
    [t("analytics_opened"), String(d.totals.opened), `${t("analytics_open_rate")} ${pct(d.totals.openRate)}`],
    [t("analytics_paid"), String(d.totals.paid)],
    [t("analytics_conversion"), pct(d.totals.conversionRate), t("analytics_conversion_help")],
    [t("analytics_refused"), String(d.totals.refused)],
    [t("analytics_expired"), String(d.totals.expired)],
    [t("analytics_cancelled"), String(d.totals.cancelled)],
    [t("analytics_median"), duration(d.medianMinutesToPay, t, locale), t("analytics_median_help")],
    ...currencies.flatMap((c): [string, string][] => [
      [`${t("analytics_collected")} (${c})`, formatMoney(d.totals.amounts[c] ?? 0, c, locale)],
      // refunds20: refunds and authorisations never captured, and what remains.
      ...(d.totals.refunded[c]
        ? ([
            [`${t("an_refunded")} (${c})`, formatMoney(d.totals.refunded[c] ?? 0, c, locale)],
            [`${t("an_net")} (${c})`, formatMoney(d.totals.net[c] ?? 0, c, locale)],
          ] as [string, string][])
        : []),
    ]),
  ];
  return (
    <section aria-labelledby="title" className="flex flex-col gap-6">
      <div>
        <PageTitle>{t("analytics_title")}</PageTitle>
        <p className="mt-1 max-w-3xl text-sm text-slate-700">{t("analytics_intro")}</p>
      </div>
      <form
        method="get"
        className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4"
        data-testid="analytics-filters"
      >
        <SelectField
          id="shop"
          label={t("analytics_shop")}
          error={errors.shop ? t(errors.shop) : undefined}
          defaultValue={d.shop.id}
          options={shopOptions(shops)}
        />
        <SelectField
          id="mode"
          label={t("analytics_mode")}
          error={errors.mode ? t(errors.mode) : undefined}
          defaultValue={d.mode}
          options={["PRODUCTION", "TEST"].map((v) => ({ value: v, label: v }))}
        />
        <Field id="from" type="date" label={t("analytics_from")} defaultValue={d.from} error={errors.from ? t(errors.from) : undefined} />
        <Field id="to" type="date" label={t("analytics_to")} defaultValue={d.to} error={errors.to ? t(errors.to) : undefined} />
        <button type="submit" className={buttonClass()}>
          {t("analytics_show")}
        </button>
        <a href={csvHref} className={buttonClass("secondary")} data-testid="analytics-csv" download>
          {t("analytics_csv")}
        </a>
      </form>
      <SearchErrors title={t("analytics_errors")} errors={errors} label={(f) => t(`analytics_${f}`)} text={t} testId="analytics-errors" />
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4" data-testid="analytics-kpis">
        {cards.map(([label, value, help]) => (
          <div key={label} className="rounded-lg border border-slate-200 bg-white p-4">
            <dt className="text-sm text-slate-700">{label}</dt>
            <dd className="mt-1 text-2xl font-semibold" data-kpi={label}>
              {value}
            </dd>
            {help ? <dd className="text-xs text-slate-600">{help}</dd> : null}
          </div>
        ))}
      </dl>
      <DashboardCharts
        days={d.days}
        currencies={currencies.map((c) => ({ code: c, exponent: currencyExponent(c) }))}
        locale={locale}
        labels={{
          orders: t("analytics_chart_orders"),
          amounts: t("analytics_chart_amounts"),
          created: t("analytics_created"),
          paid: t("analytics_paid"),
          refused: t("analytics_refused"),
          expired: t("analytics_expired"),
        }}
      />
      <ChannelTable d={d} t={t} pct={pct} />
      <details className="rounded-lg border border-slate-200 bg-white p-4">
        <summary className="cursor-pointer font-semibold">{t("analytics_data_table")}</summary>
        <DaysTable d={d} t={t} currencies={currencies} locale={locale} />
      </details>
    </section>
  );
}

type T = (k: string) => string;

function duration(minutes: number | null, t: T, locale: string): string {
  if (minutes === null) return t("analytics_none");
  const n = (v: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(v);
  if (minutes < 90) return t("analytics_minutes").replace("{n}", n(Math.round(minutes)));
  if (minutes < 48 * 60) return t("analytics_hours").replace("{n}", n(minutes / 60));
  return t("analytics_days").replace("{n}", n(minutes / 1440));
}

const th = "px-3 py-2";
const td = "px-3 py-2 tabular-nums";

function ChannelTable({ d, t, pct }: { d: Dashboard; t: T; pct: (r: number | null) => string }) {
  return (
    <DataTable
      testId="analytics-channels"
      caption={<caption className="px-3 py-2 text-left font-semibold">{t("analytics_by_channel")}</caption>}
      columns={[t("analytics_channel"), ...STAT_KEYS.map((k) => t(`analytics_${k}`)), t("analytics_conversion")]}
    >
      {d.byChannel.map((c) => (
        <tr key={c.channel} className="border-t border-slate-100" data-channel={c.channel}>
          <th scope="row" className={th}>
            {t(`channel_${c.channel}`)}
          </th>
          {STAT_KEYS.map((k) => (
            <td key={k} className={td}>
              {c[k]}
            </td>
          ))}
          <td className={td}>{pct(c.conversionRate)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

function DaysTable({ d, t, currencies, locale }: { d: Dashboard; t: T; currencies: string[]; locale: string }) {
  return (
    <div className="mt-3 overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="analytics-days">
        <thead className="bg-slate-100 text-xs uppercase text-slate-700">
          <tr>
            <ColumnHeads labels={[t("analytics_day"), ...STAT_KEYS.map((k) => t(`analytics_${k}`))]} />
            {currencies.map((c) => (
              <th key={c} scope="col" className={th}>
                {t("analytics_collected")} ({c})
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {d.days.map((r) => (
            <tr key={r.day} className="border-t border-slate-100" data-day={r.day}>
              <th scope="row" className={th}>
                {r.day}
              </th>
              {STAT_KEYS.map((k) => (
                <td key={k} className={td}>
                  {r[k]}
                </td>
              ))}
              {currencies.map((c) => (
                <td key={c} className={td}>
                  {formatMoney(r.amounts[c] ?? 0, c, locale)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
