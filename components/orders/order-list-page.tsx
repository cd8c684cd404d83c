import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { StatusBadge } from "@/components/ui/status-badge";
import { hasRole } from "@/lib/auth/actor";
import { requireSession } from "@/lib/auth/session";
import { translator } from "@/lib/i18n";
import { getUiLanguage } from "@/lib/i18n/server";
import { formatMoney } from "@/lib/money/format-money";
import { findOrders } from "@/lib/orders/find-orders";
import { availableActions, ORDER_ACTIONS, type OrderAction } from "@/lib/orders/order-actions";
import { getDb } from "@/lib/server/db";
import { AutoRefresh } from "./auto-refresh";
import { OrderTable } from "./order-table";

const COLUMNS = ["col_created", "col_reference", "col_amount", "col_channel", "col_status", "col_delivery", "col_valid_until"];
const READ_ONLY = new Set<OrderAction>(["details", "message", "viewTransaction"]);

export async function OrderListPage({ mode }: { mode: "TEST" | "PRODUCTION" }) {
  const { actor } = await requireSession();
  const lang = await getUiLanguage();
  const t = translator(lang);
  const orders = await findOrders(getDb(), { actor, mode });
  const canOperate = hasRole(actor, "OPERATOR");
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
        <OrderTable
          headers={COLUMNS.map((c) => t(c))}
          labels={{
            ...Object.fromEntries(ORDER_ACTIONS.map((a) => [a, t(`action_${a}`)])),
            actions: t("actions"),
            select_hint: t("list_select_hint"),
          }}
          rows={orders.map((o) => ({
            id: o.id,
            mode: o.mode,
            actions: availableActions(o).filter((a) => canOperate || READ_ONLY.has(a)),
            cells: [
              dt(o.createdAt, o.shop.timeZone),
              <Link key="r" href={`/orders/${o.id}`} className="font-medium text-brand-700 underline">
                {o.reference ?? o.id.slice(0, 8)}
              </Link>,
              formatMoney(o.amount, o.currency, lang),
              t(`channel_${o.channel}`),
              <StatusBadge key="s" value={o.status} label={t(`status_${o.status}`)} />,
              <StatusBadge key="d" value={o.deliveryStatus} label={t(`delivery_${o.deliveryStatus}`)} />,
              d(o.validUntil, o.shop.timeZone),
            ],
          }))}
        />
      )}
    </section>
  );
}
