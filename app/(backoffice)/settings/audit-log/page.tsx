// /settings/audit-log — the company's audit log (administrators only): filters, newest first, 50 a page (keyset), CSV export.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AUDIT_LOG, AuditSearchForm } from "@/components/audit/audit-search-form";
import { AuditTable } from "@/components/audit/audit-table";
import { buttonClass } from "@/components/ui/button";
import { SearchErrors } from "@/components/ui/form-alert";
import { PageTitle } from "@/components/ui/page-title";
import { findAuditEvents } from "@/lib/audit/find-audit-events";
import { parseAuditSearch } from "@/lib/audit/schemas";
import { hasRole } from "@/lib/auth/actor";
import { requireSession } from "@/lib/auth/session";
import { translator } from "@/lib/i18n";
import { getUiLanguage } from "@/lib/i18n/server";
import { flatParams, type SearchParams, searchHref } from "@/lib/orders/parse-order-search";
import { getDb } from "@/lib/server/db";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await getUiLanguage())("audit_title") };
}

const PAGE_PARAMS = ["after", "before"];

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { actor } = await requireSession();
  if (!hasRole(actor, "ADMIN")) notFound();
  const lang = await getUiLanguage();
  const t = translator(lang);
  const params = flatParams(await searchParams);
  const { search, errors } = parseAuditSearch(params);
  const { rows, older, newer, shops, timeZone } = await findAuditEvents(getDb(), { actor, filters: search.filters, page: search.page });
  // The filters that apply (invalid ones are left out), without the page.
  const filters = Object.fromEntries(Object.entries(params).filter(([k]) => !PAGE_PARAMS.includes(k) && !errors[k]));
  const paged = Boolean(search.page.after || search.page.before);
  return (
    <section aria-labelledby="title" className="flex flex-col gap-4">
      <PageTitle>{t("audit_title")}</PageTitle>
      <p className="text-slate-700">{t("audit_intro")}</p>
      <p className="text-sm text-slate-600" data-testid="audit-zone">
        {t("audit_zone").replace("{zone}", timeZone)}
      </p>
      <AuditSearchForm t={t} values={params} errors={errors} shops={shops} />
      <SearchErrors
        title={t("audit_search_errors")}
        errors={errors}
        label={(f) => t(`audit_search_${f}`)}
        text={t}
        linked={(f) => !PAGE_PARAMS.includes(f)}
      />
      <div className="flex flex-wrap items-center gap-3">
        <a href={searchHref(`${AUDIT_LOG}/export.csv`, filters, {})} className={buttonClass("secondary")} data-testid="audit-export">
          {t("audit_export")}
        </a>
        <p className="text-xs text-slate-600">{t("audit_export_help")}</p>
      </div>
      {rows.length === 0 ? (
        <p className="text-slate-600">{t("audit_empty")}</p>
      ) : (
        <AuditTable rows={rows} t={t} lang={lang} timeZone={timeZone} />
      )}
      {paged || older ? (
        <nav aria-label={t("audit_pages")} className="flex items-center gap-4 text-sm">
          {paged ? (
            <Link href={searchHref(AUDIT_LOG, filters, {})} className="text-brand-700 underline">
              {t("audit_first")}
            </Link>
          ) : null}
          {newer ? (
            <Link href={searchHref(AUDIT_LOG, filters, { before: newer })} className="text-brand-700 underline" rel="prev">
              {t("audit_newer")}
            </Link>
          ) : null}
          {older ? (
            <Link href={searchHref(AUDIT_LOG, filters, { after: older })} className="text-brand-700 underline" rel="next">
              {t("audit_older")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </section>
  );
}
