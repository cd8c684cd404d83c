import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import { PageTitle } from "@/components/ui/page-title";
import { StatusBadge } from "@/components/ui/status-badge";
import { hasRole } from "@/lib/auth/actor";
import { requireSession } from "@/lib/auth/session";
import { translator } from "@/lib/i18n";
import { getUiLanguage } from "@/lib/i18n/server";
import { formatMoney } from "@/lib/money/format-money";
import { findSearchShops } from "@/lib/orders/find-search-shops";
import { COLUMN_LABEL, type OrderColumn } from "@/lib/orders/list-columns";
import { availableActions, ORDER_ACTIONS, type OrderAction } from "@/lib/orders/order-actions";
import { flatParams, parseOrderSearch, type SearchParams, searchHref } from "@/lib/orders/parse-order-search";
import { ORDER_SORTS, type OrderSort } from "@/lib/orders/schemas";
import { type OrderSearchRow, searchOrders } from "@/lib/orders/search-orders";
import { getDb } from "@/lib/server/db";
import { getListColumns } from "@/lib/users/get-list-columns";
import { AutoRefresh } from "./auto-refresh";
import { ColumnChooser } from "./column-chooser";
import { OrderSearchForm } from "./order-search-form";
import { OrderTable, type OrderTableHeader } from "./order-table";

const READ_ONLY = new Set<OrderAction>(["details", "message", "viewTransaction"]);
const NOT_FILTERS = new Set(["sort", "dir", "after"]);
const isSortable = (c: OrderColumn): c is OrderSort => (ORDER_SORTS as readonly string[]).includes(c);

export async function OrderListPage({ mode, searchParams }: { mode: "TEST" | "PRODUCTION"; searchParams: SearchParams }) {
  const { actor } = await requireSession();
  const lang = await getUiLanguage();
  const t = translator(lang);
  const db = getDb();
  const path = mode === "TEST" ? "/test-orders" : "/orders";
  // `created`: how many orders the e-mail dialog just created (a notice, not a filter).
  const { created, deleted, ...values } = flatParams(searchParams);
  const createdCount = Number(created);
  const { search, errors } = parseOrderSearch(values);
  const [shops, columns, page] = await Promise.all([
    findSearchShops(db, { actor }),
    getListColumns(db, { actor }),
    searchOrders(db, { actor, mode, ...search }),
  ]);
  const currencies = [...new Set(shops.flatMap((s) => s.currencies))];
  const formValues = { ...values, currency: values.currency ?? (currencies.length === 1 ? currencies[0]! : "") };
  const canOperate = hasRole(actor, "OPERATOR");
  const filtered = Object.keys(values).some((k) => !NOT_FILTERS.has(k) && values[k] !== "");
  const dt = (at: Date, timeZone: string) => new Intl.DateTimeFormat(lang, { dateStyle: "short", timeStyle: "short", timeZone }).format(at);
  const d = (at: Date, timeZone: string) => new Intl.DateTimeFormat(lang, { dateStyle: "short", timeZone }).format(at);
  const cell: Record<OrderColumn, (o: OrderSearchRow) => ReactNode> = {
    created: (o) => dt(o.createdAt, o.shop.timeZone),
    reference: (o) => (
      <Link key="r" href={`/orders/${o.id}`} className="font-medium text-brand-700 underline">
        {o.reference ?? o.id.slice(0, 8)}
      </Link>
    ),
    amount: (o) => formatMoney(o.amount, o.currency, lang),
    channel: (o) => t(`channel_${o.channel}`),
    status: (o) => <StatusBadge key="s" value={o.status} label={t(`status_${o.status}`)} />,
    delivery: (o) => <StatusBadge key="d" value={o.deliveryStatus} label={t(`delivery_${o.deliveryStatus}`)} />,
    validUntil: (o) => d(o.validUntil, o.shop.timeZone),
    shop: (o) => o.shop.name,
    recipient: (o) => o.recipient ?? o.buyerEmail ?? "",
    transaction: (o) => o.transactionNumber ?? "",
  };
  const headers: OrderTableHeader[] = columns.map((c) => {
    if (!isSortable(c)) return { key: c, label: <span className="uppercase">{t(COLUMN_LABEL[c])}</span> };
    const current = search.sort === c;
    const next = current && search.dir === "asc" ? "desc" : current ? "asc" : c === "created" ? "desc" : "asc";
    return {
      key: c,
      sort: current ? (search.dir === "asc" ? "ascending" : "descending") : undefined,
      label: (
        <Link
          href={searchHref(path, values, { sort: c, dir: next, after: undefined })}
          className="inline-flex items-center gap-1 uppercase hover:underline"
        >
          {t(COLUMN_LABEL[c])}
          <span aria-hidden="true">{current ? (search.dir === "asc" ? "▲" : "▼") : ""}</span>
        </Link>
      ),
    };
  });
  const exportParams = { ...values, ...(mode === "TEST" ? { mode: "TEST" } : {}) };
  return (
    <section aria-labelledby="title">
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <PageTitle>{t(mode === "TEST" ? "test_orders_title" : "orders_title")}</PageTitle>
        {hasRole(actor, "OPERATOR") ? (
          <div className="flex flex-wrap gap-2">
            <Link href={`/orders/new?mode=${mode}`} className={buttonClass()}>
              {t("orders_create_url")}
            </Link>
            <Link href={`/orders/new?mode=${mode}&channel=MAIL`} className={buttonClass()}>
              {t("orders_create_mail")}
            </Link>
            <Link href={`/orders/import?mode=${mode}`} className={buttonClass("secondary")}>
              {t("orders_import")}
            </Link>
          </div>
        ) : null}
      </div>
      {Number.isInteger(createdCount) && createdCount > 0 ? (
        <p role="status" className="mb-4 rounded-md bg-green-50 p-3 text-sm font-medium text-green-900" data-notice="created">
          {t("mail_created_many").replace("{count}", String(createdCount))}
        </p>
      ) : null}
      {deleted === "1" ? (
        <p role="status" className="mb-4 rounded-md bg-green-50 p-3 text-sm font-medium text-green-900" data-notice="deleted">
          {t("done_delete")}
        </p>
      ) : null}
      {mode === "TEST" ? <p className="mb-4 rounded-md bg-amber-50 p-3 text-sm text-amber-900">{t("test_banner")}</p> : null}
      <OrderSearchForm
        path={path}
        t={t}
        values={formValues}
        errors={errors}
        shops={shops}
        open={filtered || Object.keys(errors).length > 0}
      />
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <AutoRefresh seconds={10} label={t("orders_refreshed")} />
        <div className="flex gap-2">
          <a
            href={searchHref("/orders/export.csv", exportParams, { after: undefined })}
            className={buttonClass("secondary")}
            data-testid="export-csv"
          >
            {t("osearch_export")}
          </a>
          <ColumnChooser t={t} shown={columns} returnTo={searchHref(path, values, { after: undefined })} />
        </div>
      </div>
      {page.rows.length === 0 ? (
        <p className="text-slate-600">{t(filtered ? "osearch_no_result" : "orders_empty")}</p>
      ) : (
        <OrderTable
          headers={headers}
          labels={{
            ...Object.fromEntries(ORDER_ACTIONS.map((a) => [a, t(`action_${a}`)])),
            actions: t("actions"),
            select_hint: t("list_select_hint"),
          }}
          rows={page.rows.map((o) => ({
            id: o.id,
            mode: o.mode,
            actions: availableActions({ ...o, attempted: o.transactionNumber !== null }).filter((a) => canOperate || READ_ONLY.has(a)),
            cells: columns.map((c) => cell[c](o)),
          }))}
        />
      )}
      <nav aria-label={t("osearch_next")} className="mt-3 flex gap-2">
        {values.after ? (
          <Link href={searchHref(path, values, { after: undefined })} className={buttonClass("secondary")}>
            {t("osearch_first")}
          </Link>
        ) : null}
        {page.nextCursor ? (
          <Link
            href={searchHref(path, values, { after: page.nextCursor })}
            className={buttonClass("secondary")}
            data-testid="next-page"
            rel="next"
          >
            {t("osearch_next")}
          </Link>
        ) : null}
      </nav>
    </section>
  );
}
