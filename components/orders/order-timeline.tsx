import Link from "next/link";
import { StatusBadge } from "@/components/ui/status-badge";
import type { T } from "@/lib/i18n";
import type { TimelineEntry } from "@/lib/orders/find-order-timeline";
import { formatDateTime } from "@/lib/time/shop-time";

const summary = (v: unknown) =>
  v && typeof v === "object"
    ? Object.entries(v as Record<string, unknown>)
        .map(([k, x]) => `${k}: ${typeof x === "object" ? JSON.stringify(x) : String(x)}`)
        .join(", ")
    : "";

// One column on a phone (date, who, what stacked), three from 768 px.
const row = "grid grid-cols-1 gap-1 border-b border-slate-100 pb-2 md:grid-cols-[12rem_10rem_minmax(0,1fr)] md:gap-2";

/** The order's history: each audited change, who made it, and what changed; each notification sent and how it went. */
export function OrderTimeline({ t, events, timeZone, lang }: { t: T; events: TimelineEntry[]; timeZone: string; lang: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-6">
      <h2 className="mb-4 text-lg font-semibold">{t("timeline")}</h2>
      <ol className="flex flex-col gap-2 text-sm" data-testid="order-timeline">
        {events.map((e) =>
          e.kind === "delivery" ? (
            <li key={e.id} className={row} data-event="notification.delivery" data-delivery-id={e.id} data-status={e.status}>
              <span className="text-slate-600">{formatDateTime(e.createdAt, timeZone, lang)}</span>
              <span className="font-medium">{t("ndlv_timeline_who")}</span>
              <span className="flex flex-wrap items-center gap-2">
                <span>{t(`ntf_event_${e.event}`)}</span>
                <span className="font-mono text-xs">→ {e.host}</span>
                <StatusBadge value={e.status} label={t(`ndlv_status_${e.status}`)} />
                <span className="text-slate-700">
                  {t("ndlv_timeline_attempts").replace("{n}", String(e.attempts))}
                  {e.lastStatusCode !== null ? ` · HTTP ${e.lastStatusCode}` : ""}
                </span>
                <Link href={`/notifications/deliveries/${e.id}`} className="text-brand-700 underline">
                  {t("ndlv_timeline_open")}
                </Link>
              </span>
            </li>
          ) : (
            <li key={e.id} className={row} data-event={e.action}>
              <span className="text-slate-600">{formatDateTime(e.createdAt, timeZone, lang)}</span>
              <span className="font-medium">{e.who}</span>
              <span>
                <code className="font-mono text-xs">{e.action}</code> {summary(e.before)} {e.before && e.after ? "→" : ""}{" "}
                {summary(e.after)}
              </span>
            </li>
          ),
        )}
      </ol>
    </div>
  );
}
