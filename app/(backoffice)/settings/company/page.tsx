// /settings/company — the company and its SMS account (F-SET-2): administrators edit, others read without credentials.
import type { Metadata } from "next";
import { CompanySettingsForm } from "@/components/settings/company-settings-form";
import { RoleNote, SettingsPage } from "@/components/settings/settings-page";
import { TestCreditsButton } from "@/components/settings/test-credits-button";
import { TwoFactorRequirementForm } from "@/components/settings/two-factor-requirement-form";
import { requireSession } from "@/lib/auth/session";
import { getCompanySettings } from "@/lib/companies/get-company-settings";
import { translator } from "@/lib/i18n";
import { en } from "@/lib/i18n/messages/en";
import { fr } from "@/lib/i18n/messages/fr";
import { getUiLanguage } from "@/lib/i18n/server";
import { getDb } from "@/lib/server/db";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await getUiLanguage())("company_title") };
}

export default async function CompanySettingsPage() {
  const { actor, twoFactorRequired } = await requireSession();
  const lang = await getUiLanguage();
  const t = translator(lang);
  const view = await getCompanySettings(getDb(), { actor });
  const messages = lang === "en" ? en : fr;
  return (
    <SettingsPage title={t("company_title")} intro={t("company_intro")}>
      {view.canEdit ? null : <RoleNote>{t("company_read_only")}</RoleNote>}
      <div className="mb-6 flex flex-wrap items-center gap-4 rounded-lg border border-slate-200 bg-white p-4">
        <div>
          <p className="text-sm font-medium text-slate-800">{t("company_sms_credits")}</p>
          <p className="text-2xl font-semibold" data-testid="sms-credits">
            {new Intl.NumberFormat(lang).format(view.credits)}
          </p>
          <p className="text-xs text-slate-600">{t("company_sms_credits_help")}</p>
        </div>
        {view.canEdit && view.gateway === "sandbox" ? <TestCreditsButton messages={messages} /> : null}
      </div>
      <CompanySettingsForm view={view} messages={messages} />
      <div className="mt-8">
        <TwoFactorRequirementForm required={twoFactorRequired} canEdit={view.canEdit} messages={messages} />
      </div>
    </SettingsPage>
  );
}
