import type { T } from "@/lib/i18n";
import { cancelInstalmentsAction } from "@/lib/instalments/actions";
import type { OrderInstalments as Data } from "@/lib/instalments/find-order-instalments";
import { formatMoney } from "@/lib/money/format-money";
import { formatDateTime } from "@/lib/time/shop-time";

const cell = "px-3 py-2 text-left";

/** The order's schedule and progress (issue 12), with "cancel the remaining instalments" for operators. */
export function OrderInstalments({
  t,
  data,
  orderId,
  currency,
  timeZone,
  lang,
  canOperate,
}: {
  t: T;
  data: Data;
  orderId: string;
  currency: string;
  timeZone: string;
  lang: string;
  canOperate: boolean;
}) {
  const count = data.plan.count;
  return (
    <div id="instalments" className="rounded-lg border border-slate-200 bg-white p-6" data-testid="order-instalments">
      <h2 className="mb-2 text-lg font-semibold">{t("inst_title")}</h2>
      {data.rows.length === 0 ? (
        <>
          <p className="mb-3 text-sm text-slate-600">{t("inst_not_started")}</p>
          <ol className="list-decimal pl-6 text-sm">
            {data.plan.amounts.map((a, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a plan's amounts are its positions
              <li key={i}>
                {formatMoney(a, currency, lang)}
                {data.plan.dates?.[i]
                  ? ` — ${data.plan.dates[i]}`
                  : data.plan.period && i
                    ? ` — ${t("inst_days_after").replace("{days}", String(i * data.plan.period))}`
                    : ""}
              </li>
            ))}
          </ol>
        </>
      ) : (
        <>
          <p className="mb-3 text-sm" data-testid="instalment-progress">
            {t("inst_progress").replace("{paid}", String(data.paid)).replace("{count}", String(count))}
          </p>
          <table className="w-full text-sm">
            <thead className="border-b border-slate-200 text-slate-600">
              <tr>
                <th className={cell}>{t("inst_col_index")}</th>
                <th className={cell}>{t("inst_col_due")}</th>
                <th className={cell}>{t("inst_col_amount")}</th>
                <th className={cell}>{t("inst_col_status")}</th>
                <th className={cell}>{t("inst_col_attempts")}</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={r.index} className="border-b border-slate-100" data-instalment-status={r.status}>
                  <td className={cell}>
                    {r.index + 1}/{count}
                  </td>
                  <td className={cell}>{formatDateTime(r.dueDate, timeZone, lang, false)}</td>
                  <td className={cell}>{formatMoney(r.amount, currency, lang)}</td>
                  <td className={cell}>{t(`inst_status_${r.status}`)}</td>
                  <td className={cell}>{r.attempts}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {canOperate && data.canCancel ? (
            <form action={cancelInstalmentsAction} className="mt-4">
              <input type="hidden" name="orderId" value={orderId} />
              <button type="submit" className="rounded-md border border-red-300 px-3 py-2 text-sm font-medium text-red-800 hover:bg-red-50">
                {t("inst_cancel")}
              </button>
            </form>
          ) : null}
        </>
      )}
    </div>
  );
}
