import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { StatusBadge } from "@/components/ui/status-badge";
import { hasRole } from "@/lib/auth/actor";
import { requireSession } from "@/lib/auth/session";
import { translator } from "@/lib/i18n";
import { getUiLanguage } from "@/lib/i18n/server";
import { formatMoney } from "@/lib/money/format-money";
import { findOrders } from "@/lib/orders/find-orders";
import { getDb } from "@/lib/server/db";
import { AutoRefresh } from "./auto-refresh";

export async function OrderListPage({ mode }: { mode: "TEST" | "PRODUCTION" }) {
  const { actor } = await requireSession();
  const lang = await getUiLanguage();
  const t = translator(lang);
  const orders = await findOrders(getDb(), { actor, mode });
  const dt = (at: Date, timeZone: string) => new Intl.DateTimeFormat(lang, { dateStyle: "short", timeStyle: "short", timeZone }).format(at);
  const d = (at: Date, timeZone: string) => new Intl.DateTimeFormat(lang, { dateStyle: "short", timeZone }).format(at);
  return (
    <section aria-labelledby="title">
      <div className="mb-4 flex items-center justify-between">
        <h1 id="title" className="text-2xl font-semibold">
          {t(mode === "TEST" ? "test_orders_title" : "orders_title")}
        </h1>
        {hasRole(actor, "OPERATOR") ? (
          <Link href={`/orders/new?mode=${mode}`} className={buttonClass()}>
            {t("orders_create_url")}
          </Link>
        ) : null}
      </div>
      {mode === "TEST" ? <p className="mb-4 rounded-md bg-amber-50 p-3 text-sm text-amber-900">{t("test_banner")}</p> : null}
      <AutoRefresh seconds={10} label={t("orders_refreshed")} />
      {orders.length === 0 ? (
        <p className="text-slate-600">{t("orders_empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm" data-testid="order-list">
            <thead className="bg-slate-100 text-xs uppercase text-slate-700">
              <tr>
                {["col_created", "col_reference", "col_amount", "col_channel", "col_status", "col_delivery", "col_valid_until"].map((c) => (
                  <th key={c} scope="col" className="px-3 py-2">
                    {t(c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {orders.map((o) => (
                <tr key={o.id} className="border-t border-slate-100 hover:bg-slate-50" data-order-id={o.id}>
                  <td className="px-3 py-2 whitespace-nowrap">{dt(o.createdAt, o.shop.timeZone)}</td>
                  <td className="px-3 py-2">
                    <Link href={`/orders/${o.id}`} className="font-medium text-brand-700 underline">
                      {o.reference ?? o.id.slice(0, 8)}
                    </Link>
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">{formatMoney(o.amount, o.currency, lang)}</td>
                  <td className="px-3 py-2">{t(`channel_${o.channel}`)}</td>
                  <td className="px-3 py-2">
                    <StatusBadge value={o.status} label={t(`status_${o.status}`)} />
                  </td>
                  <td className="px-3 py-2">
                    <StatusBadge value={o.deliveryStatus} label={t(`delivery_${o.deliveryStatus}`)} />
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">{d(o.validUntil, o.shop.timeZone)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
