// /platform — the platform operators' console: the hosted companies, their shops and activity (operators only, else 404).
import type { Metadata } from "next";
import Link from "next/link";
import { NewCompanyForm } from "@/components/platform/company-forms";
import { DataTable } from "@/components/ui/data-table";
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
  return { title: translator(await getUiLanguage())("platform_companies") };
}

export default async function PlatformPage() {
  const { actor } = await requirePlatformSession();
  const lang = await getUiLanguage();
  const t = translator(lang);
  const companies = await findPlatformCompanies(getDb(), { actor });
  return (
    <section aria-labelledby="title" className="max-w-5xl">
      <PageTitle margin="mb-2">{t("platform_title")}</PageTitle>
      <p className="mb-6 text-slate-700">{t("platform_intro")}</p>
      <Section
        id="new-company"
        title={t("platform_new_company")}
        className="mb-8 rounded-lg border border-slate-200 bg-white p-4"
        titleClass="mb-3 text-lg font-semibold"
      >
        <NewCompanyForm messages={lang === "en" ? en : fr} />
      </Section>
      <h2 className="mb-3 text-lg font-semibold">{t("platform_companies")}</h2>
      {companies.length === 0 ? (
        <p className="text-slate-700">{t("platform_no_companies")}</p>
      ) : (
        <DataTable
          testId="company-table"
          headClass="bg-slate-100"
          headCellClass="p-2"
          columns={["platform_company", "platform_status", "platform_shops", "platform_users", "platform_activity"].map((k) => t(k))}
        >
          {companies.map((c) => (
            <tr key={c.id} className="border-t border-slate-200 align-top">
              <th scope="row" className="p-2 font-medium">
                <Link href={`/platform/companies/${c.id}`} className="text-brand-700 underline">
                  {c.name}
                </Link>
              </th>
              <td className="p-2">{c.suspendedAt ? t("platform_suspended") : t("platform_active")}</td>
              <td className="p-2">
                {c.shops.length ? (
                  <ul>
                    {c.shops.map((s) => (
                      <li key={s.id}>
                        <span className="font-mono">{s.id}</span> {s.name}
                      </li>
                    ))}
                  </ul>
                ) : (
                  t("platform_no_shops")
                )}
              </td>
              <td className="p-2">{c.users}</td>
              <td className="p-2">
                {c.activity.created} / {c.activity.paid}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
