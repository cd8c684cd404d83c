// /transactions — every payment attempt, searchable, newest first, with the order it came from.
import Link from "next/link";
import { TransactionRowMenu } from "@/components/transactions/transaction-row-menu";
import { TransactionSearchForm } from "@/components/transactions/transaction-search-form";
import { buttonClass } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { SearchErrors } from "@/components/ui/form-alert";
import { PageTitle } from "@/components/ui/page-title";
import { StatusBadge } from "@/components/ui/status-badge";
import { hasRole } from "@/lib/auth/actor";
import { requireSession } from "@/lib/auth/session";
import { translator } from "@/lib/i18n";
import { getUiLanguage } from "@/lib/i18n/server";
import { formatMoney } from "@/lib/money/format-money";
import { flatParams, type SearchParams, searchHref } from "@/lib/orders/parse-order-search";
import { findTransactions } from "@/lib/payments/find-transactions";
import { parseTransactionSearch } from "@/lib/payments/schemas";
import { canTransitionTransaction } from "@/lib/payments/transaction-status";
import { getDb } from "@/lib/server/db";
import { formatDateTime } from "@/lib/time/shop-time";

export default async function TransactionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { actor } = await requireSession();
  const lang = await getUiLanguage();
  const t = translator(lang);
  const params = flatParams(await searchParams);
  const { search, errors } = parseTransactionSearch(params);
  const { rows, hasNext, page } = await findTransactions(getDb(), { actor, filters: search.filters, page: search.page });
  const cols = ["col_created", "tx_number", "col_amount", "tx_card", "tx_status", "tx_source", "tx_order", "detail_mode"];
  const pageHref = (p: number) => searchHref("/transactions", params, { page: p > 1 ? String(p) : undefined });
  const canOperate = hasRole(actor, "OPERATOR");
  // What the right-click menu offers on each row (refunds20); the detail's dialogs check again.
  const rowActions = (r: (typeof rows)[number]) =>
    !canOperate || r.operationType !== "DEBIT"
      ? ""
      : [
          canTransitionTransaction(r.status, "validate") ? "validate" : null,
          r.status === "CAPTURED" ? "refund" : null,
          canTransitionTransaction(r.status, "cancel") ? "captureDate" : null,
          canTransitionTransaction(r.status, "cancel") ? "cancel" : null,
        ]
          .filter(Boolean)
          .join(",");
  return (
    <section aria-labelledby="title" className="flex flex-col gap-4">
      <PageTitle>{t("tx_title")}</PageTitle>
      <TransactionSearchForm t={t} values={params} errors={errors} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600">{t("rf_menu_hint")}</p>
        <a
          href={searchHref("/transactions/export.csv", params, { page: undefined })}
          className={buttonClass("secondary")}
          data-testid="tx-csv"
          download
        >
          {t("analytics_csv")}
        </a>
      </div>
      <SearchErrors title={t("txsearch_errors")} errors={errors} label={(f) => f} text={t} />
      {rows.length === 0 ? (
        <p className="text-slate-600">{t("tx_empty")}</p>
      ) : (
        <DataTable testId="transactions" columns={cols.map((c) => t(c))}>
          {rows.map((r) => (
            <tr
              key={r.id}
              className="border-t border-slate-100"
              data-transaction-id={r.id}
              data-number={r.number}
              data-tx-actions={rowActions(r)}
              tabIndex={0}
            >
              <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(r.createdAt, r.shop.timeZone, lang)}</td>
              <td className="px-3 py-2 font-mono">
                <Link href={`/transactions/${r.id}`} className="text-brand-700 underline">
                  {r.number}
                </Link>
              </td>
              <td className="px-3 py-2 whitespace-nowrap">
                {r.operationType === "CREDIT" ? (
                  <span data-testid="tx-refund-amount">
                    −{formatMoney(r.amount, r.currency, lang)}{" "}
                    <span className="text-xs text-slate-700">
                      {t("rf_refund")}
                      {r.parent ? ` · ${r.parent.number}` : ""}
                    </span>
                  </span>
                ) : (
                  formatMoney(r.amount, r.currency, lang)
                )}
              </td>
              <td className="px-3 py-2 whitespace-nowrap">
                {r.brand} •••• {r.last4}
              </td>
              <td className="px-3 py-2">
                <StatusBadge value={r.status} label={t(`txs_${r.status}`)} />
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
        </DataTable>
      )}
      {rows.length ? (
        <TransactionRowMenu
          tableId="transactions"
          labels={{
            menu: t("rf_menu"),
            details: t("rf_menu_details"),
            validate: t("txd_validate"),
            refund: t("rf_action_refund"),
            captureDate: t("rf_capture_action"),
            cancel: t("txd_cancel"),
          }}
        />
      ) : null}
      {page > 1 || hasNext ? (
        <nav aria-label={t("tx_pages")} className="flex items-center gap-4 text-sm">
          {page > 1 ? (
            <Link href={pageHref(page - 1)} className="text-brand-700 underline" rel="prev">
              {t("tx_prev")}
            </Link>
          ) : null}
          <span aria-current="page">{t("tx_page").replace("{n}", String(page))}</span>
          {hasNext ? (
            <Link href={pageHref(page + 1)} className="text-brand-700 underline" rel="next">
              {t("tx_next")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </section>
  );
}
