// /transactions — every payment attempt, with the order it came from.
import Link from "next/link";
import { StatusBadge } from "@/components/ui/status-badge";
import { requireSession } from "@/lib/auth/session";
import { translator } from "@/lib/i18n";
import { getUiLanguage } from "@/lib/i18n/server";
import { formatMoney } from "@/lib/money/format-money";
import { findTransactions } from "@/lib/payments/find-transactions";
import { getDb } from "@/lib/server/db";
import { formatDateTime } from "@/lib/time/shop-time";

export default async function TransactionsPage() {
  const { actor } = await requireSession();
  const lang = await getUiLanguage();
  const t = translator(lang);
  const rows = await findTransactions(getDb(), { actor });
  const cols = ["col_created", "tx_number", "col_amount", "tx_card", "tx_status", "tx_source", "tx_order", "detail_mode"];
  return (
    <section aria-labelledby="title">
      <h1 id="title" className="mb-4 text-2xl font-semibold">
        {t("tx_title")}
      </h1>
      {rows.length === 0 ? (
        <p className="text-slate-600">{t("tx_empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-100 text-xs uppercase text-slate-700">
              <tr>
                {cols.map((c) => (
                  <th key={c} scope="col" className="px-3 py-2">
                    {t(c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-t border-slate-100">
                  <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(r.createdAt, r.shop.timeZone, lang)}</td>
                  <td className="px-3 py-2 font-mono">{r.number}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{formatMoney(r.amount, r.currency, lang)}</td>
                  <td className="px-3 py-2">
                    {r.brand} •••• {r.last4}
                  </td>
                  <td className="px-3 py-2">
                    <StatusBadge value={r.status === "REFUSED" ? "REFUSED" : "PAID"} label={t(`txs_${r.status}`)} />
                  </td>
                  <td className="px-3 py-2">{t(`tx_source_${r.order.channel}`)}</td>
                  <td className="px-3 py-2">
                    <Link href={`/orders/${r.order.id}`} className="text-brand-700 underline">
                      {r.order.reference ?? r.order.id.slice(0, 8)}
                    </Link>
                  </td>
                  <td className="px-3 py-2">{r.mode}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
