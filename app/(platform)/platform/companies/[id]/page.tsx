// /platform/companies/<id> — one company: rename, suspend, its shops (new shop: keys shown once), invite its administrator.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { InviteAdminForm, RenameCompanyForm, SuspendCompanyForm } from "@/components/platform/company-forms";
import { NewShopForm } from "@/components/platform/new-shop-form";
import { PageTitle } from "@/components/ui/page-title";
import { Section } from "@/components/ui/section";
import { translator } from "@/lib/i18n";
import { en } from "@/lib/i18n/messages/en";
import { fr } from "@/lib/i18n/messages/fr";
import { getUiLanguage } from "@/lib/i18n/server";
import { findPlatformCompanies } from "@/lib/platform/find-companies";
import { requirePlatformSession } from "@/lib/platform/platform-session";
import { getDb } from "@/lib/server/db";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await getUiLanguage())("platform_company") };
}

export default async function PlatformCompanyPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor } = await requirePlatformSession();
  const { id } = await params;
  const lang = await getUiLanguage();
  const t = translator(lang);
  const m = lang === "en" ? en : fr;
  const company = (await findPlatformCompanies(getDb(), { actor })).find((c) => c.id === id);
  if (!company) notFound();
  const card = "mb-6 rounded-lg border border-slate-200 bg-white p-4";
  return (
    <section aria-labelledby="title" className="max-w-3xl">
      <p className="mb-2">
        <Link href="/platform" className="text-sm text-brand-700 underline">
          {t("platform_back")}
        </Link>
      </p>
      <PageTitle margin="mb-1" testId="company-name">
        {company.name}
      </PageTitle>
      <p className="mb-6 text-slate-700" data-testid="company-status">
        {company.suspendedAt
          ? t("platform_suspended_since").replace("{date}", company.suspendedAt.toLocaleDateString(lang === "en" ? "en-GB" : "fr-FR"))
          : t("platform_active")}
      </p>
      <Section id="sec-identity" title={t("platform_rename")} className={card} titleClass="mb-3 text-lg font-semibold">
        <RenameCompanyForm companyId={company.id} name={company.name} messages={m} />
      </Section>
      <Section id="sec-shops" title={t("platform_shops")} className={card} titleClass="mb-3 text-lg font-semibold">
        {company.shops.length ? (
          <ul className="mb-4 text-sm" data-testid="company-shops">
            {company.shops.map((s) => (
              <li key={s.id}>
                <span className="font-mono">{s.id}</span> {s.name} · {s.activity.created} / {s.activity.paid}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mb-4 text-sm text-slate-700">{t("platform_no_shops")}</p>
        )}
        <h3 className="mb-2 font-semibold">{t("platform_new_shop")}</h3>
        <NewShopForm companyId={company.id} messages={m} />
      </Section>
      <Section id="sec-invite" title={t("platform_invite_admin")} className={card} titleClass="mb-3 text-lg font-semibold">
        <InviteAdminForm companyId={company.id} messages={m} />
      </Section>
      <Section
        id="sec-suspend"
        title={company.suspendedAt ? t("platform_unsuspend") : t("platform_suspend")}
        className={card}
        titleClass="mb-3 text-lg font-semibold"
      >
        <SuspendCompanyForm companyId={company.id} suspended={Boolean(company.suspendedAt)} messages={m} />
      </Section>
    </section>
  );
}
