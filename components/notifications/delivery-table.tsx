import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { StatusBadge } from "@/components/ui/status-badge";
import type { T } from "@/lib/i18n";
import { replayDeliveriesAction } from "@/lib/notifications/delivery-actions";
import type { DeliveryListRow } from "@/lib/notifications/find-deliveries";
import { formatDateTime } from "@/lib/time/shop-time";

const cell = "px-3 py-2 align-top";

/**
 * The notification log's rows, newest first. Operators and administrators tick rows and replay
 * them (a POST form around the table; `returnTo` brings them back to the same filters and page).
 */
export function DeliveryTable({
  rows,
  canReplay,
  returnTo,
  t,
  lang,
}: {
  rows: DeliveryListRow[];
  canReplay: boolean;
  returnTo: string;
  t: T;
  lang: string;
}) {
  const cols = [
    "ndlv_col_date",
    "ndlv_col_event",
    "ndlv_col_url",
    "ndlv_col_status",
    "ndlv_col_attempts",
    "ndlv_col_http",
    "ndlv_col_order",
    "ndlv_col_mode",
  ];
  const table = (
    <DataTable
      testId="deliveries"
      head={
        canReplay ? (
          <th scope="col" className="px-3 py-2">
            <span className="sr-only">{t("ndlv_col_select")}</span>
          </th>
        ) : null
      }
      columns={cols.map((c) => t(c))}
    >
      {rows.map((r) => {
        const date = formatDateTime(r.createdAt, r.timeZone, lang);
        return (
          <tr key={r.id} className="border-t border-slate-100" data-delivery-id={r.id} data-status={r.status}>
            {canReplay ? (
              <td className={cell}>
                <input
                  type="checkbox"
                  name="id"
                  value={r.id}
                  aria-label={t("ndlv_select_row").replace("{date}", date)}
                  className="size-4"
                />
              </td>
            ) : null}
            <td className={`${cell} whitespace-nowrap`}>
              <Link href={`/notifications/deliveries/${r.id}`} className="text-brand-700 underline">
                {date}
              </Link>
            </td>
            <td className={cell}>{t(`ntf_event_${r.event}`)}</td>
            <td className={`${cell} max-w-xs break-all font-mono text-xs`}>{r.url}</td>
            <td className={cell}>
              <StatusBadge value={r.status} label={t(`ndlv_status_${r.status}`)} />
            </td>
            <td className={cell}>{r.attempts}</td>
            <td className={cell} title={r.lastError ?? undefined}>
              {r.lastStatusCode ?? (r.lastError ? "—" : "")}
            </td>
            <td className={cell}>
              {r.order ? (
                <Link href={`/orders/${r.order.id}`} className="text-brand-700 underline">
                  {r.order.reference ?? r.order.id.slice(0, 8)}
                </Link>
              ) : (
                "—"
              )}
            </td>
            <td className={cell}>{r.mode}</td>
          </tr>
        );
      })}
    </DataTable>
  );
  if (!canReplay) return table;
  return (
    <form action={replayDeliveriesAction} className="flex flex-col gap-3">
      <input type="hidden" name="returnTo" value={returnTo} />
      {table}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonClass("secondary")} aria-describedby="replay-help" data-testid="replay-selected">
          {t("ndlv_replay_selected")}
        </button>
        <p id="replay-help" className="text-xs text-slate-600">
          {t("ndlv_replay_help")}
        </p>
      </div>
    </form>
  );
}
