// /notifications/deliveries — the notification log (F-SET-3): every delivery of the user's shops, filtered, newest first; replay for operators.
import type { Metadata } from "next";
import Link from "next/link";
import { DeliverySearchForm } from "@/components/notifications/delivery-search-form";
import { DeliveryTable } from "@/components/notifications/delivery-table";
import { ReplayNotice } from "@/components/notifications/replay-notice";
import { SearchErrors } from "@/components/ui/form-alert";
import { PageTitle } from "@/components/ui/page-title";
import { hasRole } from "@/lib/auth/actor";
import { requireSession } from "@/lib/auth/session";
import { translator } from "@/lib/i18n";
import { getUiLanguage } from "@/lib/i18n/server";
import { findDeliveries } from "@/lib/notifications/find-deliveries";
import { parseDeliverySearch } from "@/lib/notifications/schemas";
import { flatParams, type SearchParams, searchHref } from "@/lib/orders/parse-order-search";
import { getDb } from "@/lib/server/db";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await getUiLanguage())("ndlv_title") };
}

const LOG = "/notifications/deliveries";
const NOT_FILTERS = ["done", "error", "n"];

export default async function DeliveriesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { actor, shops } = await requireSession();
  const lang = await getUiLanguage();
  const t = translator(lang);
  const all = flatParams(await searchParams);
  const params = Object.fromEntries(Object.entries(all).filter(([k]) => !NOT_FILTERS.includes(k)));
  const { search, errors } = parseDeliverySearch(params);
  const { rows, hasNext, page } = await findDeliveries(getDb(), { actor, filters: search.filters, page: search.page });
  const pageHref = (p: number) => searchHref(LOG, params, { page: p > 1 ? String(p) : undefined });
  return (
    <section aria-labelledby="title" className="flex flex-col gap-4">
      <PageTitle>{t("ndlv_title")}</PageTitle>
      <p className="text-slate-700">{t("ndlv_intro")}</p>
      <ReplayNotice t={t} done={all.done} count={all.n} error={all.error} />
      {shops.length === 0 ? <p className="text-slate-600">{t("ndlv_none")}</p> : null}
      <DeliverySearchForm t={t} values={params} errors={errors} shops={shops} />
      <SearchErrors title={t("ndlv_search_errors")} errors={errors} label={(f) => t(`ndlv_search_${f}`)} text={t} />
      {rows.length === 0 ? (
        <p className="text-slate-600">{t("ndlv_empty")}</p>
      ) : (
        <DeliveryTable rows={rows} canReplay={hasRole(actor, "OPERATOR")} returnTo={searchHref(LOG, params, {})} t={t} lang={lang} />
      )}
      {page > 1 || hasNext ? (
        <nav aria-label={t("ndlv_pages")} className="flex items-center gap-4 text-sm">
          {page > 1 ? (
            <Link href={pageHref(page - 1)} className="text-brand-700 underline" rel="prev">
              {t("ndlv_prev")}
            </Link>
          ) : null}
          <span aria-current="page">{t("ndlv_page").replace("{n}", String(page))}</span>
          {hasNext ? (
            <Link href={pageHref(page + 1)} className="text-brand-700 underline" rel="next">
              {t("ndlv_next")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </section>
  );
}
