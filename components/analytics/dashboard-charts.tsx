"use client";
// The dashboard's two charts (recharts, SVG). Each has its data as a table on the page too (for
// screen readers and keyboards): the charts are an extra view, marked as an image with a label.
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

type Day = { day: string; created: number; paid: number; refused: number; expired: number; amounts: Record<string, number> };
type Props = {
  days: Day[];
  currencies: { code: string; exponent: number }[];
  labels: { orders: string; amounts: string; created: string; paid: string; refused: string; expired: string };
  locale: string;
};

// Colours with at least 3:1 contrast against white (WCAG 1.4.11 for graphics).
const COLOURS = { created: "#1d4ed8", paid: "#15803d", refused: "#b91c1c", expired: "#92400e" };
const LINE_COLOURS = ["#15803d", "#7c3aed", "#0e7490", "#be185d"];

export function DashboardCharts({ days, currencies, labels, locale }: Props) {
  const short = (day: string) =>
    new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
  const amounts = days.map((d) => ({
    day: d.day,
    ...Object.fromEntries(currencies.map((c) => [c.code, (d.amounts[c.code] ?? 0) / 10 ** c.exponent])),
  }));
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <figure className="rounded-lg border border-slate-200 bg-white p-4" data-testid="chart-orders">
        <figcaption className="mb-2 text-sm font-semibold">{labels.orders}</figcaption>
        <div role="img" aria-label={labels.orders} className="h-64">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={days}>
              <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
              <XAxis dataKey="day" tickFormatter={short} fontSize={12} />
              <YAxis allowDecimals={false} fontSize={12} width={40} />
              <Tooltip labelFormatter={(d) => short(String(d))} />
              <Legend />
              <Bar dataKey="created" name={labels.created} fill={COLOURS.created} />
              <Bar dataKey="paid" name={labels.paid} fill={COLOURS.paid} />
              <Bar dataKey="refused" name={labels.refused} fill={COLOURS.refused} />
              <Bar dataKey="expired" name={labels.expired} fill={COLOURS.expired} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </figure>
      <figure className="rounded-lg border border-slate-200 bg-white p-4" data-testid="chart-amounts">
        <figcaption className="mb-2 text-sm font-semibold">{labels.amounts}</figcaption>
        <div role="img" aria-label={labels.amounts} className="h-64">
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={amounts}>
              <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
              <XAxis dataKey="day" tickFormatter={short} fontSize={12} />
              <YAxis fontSize={12} width={60} />
              <Tooltip labelFormatter={(d) => short(String(d))} />
              <Legend />
              {currencies.map((c, i) => (
                <Line
                  key={c.code}
                  type="monotone"
                  dataKey={c.code}
                  name={c.code}
                  stroke={LINE_COLOURS[i % LINE_COLOURS.length]}
                  dot={false}
                  strokeWidth={2}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
      </figure>
    </div>
  );
}
