import type { T } from "@/lib/i18n";
import type { findOrderTimeline } from "@/lib/orders/find-order-timeline";
import { formatDateTime } from "@/lib/time/shop-time";

type Events = Awaited<ReturnType<typeof findOrderTimeline>>;

const summary = (v: unknown) =>
  v && typeof v === "object"
    ? Object.entries(v as Record<string, unknown>)
        .map(([k, x]) => `${k}: ${typeof x === "object" ? JSON.stringify(x) : String(x)}`)
        .join(", ")
    : "";

/** The order's history: each audited change, who made it, and what changed. */
export function OrderTimeline({ t, events, timeZone, lang }: { t: T; events: Events; timeZone: string; lang: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-6">
      <h2 className="mb-4 text-lg font-semibold">{t("timeline")}</h2>
      <ol className="flex flex-col gap-2 text-sm" data-testid="order-timeline">
        {events.map((e) => (
          <li key={e.id} className="grid grid-cols-[12rem_10rem_1fr] gap-2 border-b border-slate-100 pb-2" data-event={e.action}>
            <span className="text-slate-600">{formatDateTime(e.createdAt, timeZone, lang)}</span>
            <span className="font-medium">{e.who}</span>
            <span>
              <code className="font-mono text-xs">{e.action}</code> {summary(e.before)} {e.before && e.after ? "→" : ""} {summary(e.after)}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
