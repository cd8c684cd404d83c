// /account — My account: name, interface language, password, two-step sign-in (every user).
import type { Metadata } from "next";
import Link from "next/link";
import { DisableTwoFactorForm } from "@/components/account/disable-two-factor-form";
import { PasswordForm } from "@/components/account/password-form";
import { ProfileForm } from "@/components/account/profile-form";
import { SettingsPage } from "@/components/settings/settings-page";
import { buttonClass } from "@/components/ui/button";
import { Section } from "@/components/ui/section";
import { requireSession } from "@/lib/auth/session";
import { recoveryCodesLeft } from "@/lib/auth/two-factor";
import { translator } from "@/lib/i18n";
import { en } from "@/lib/i18n/messages/en";
import { fr } from "@/lib/i18n/messages/fr";
import { getUiLanguage } from "@/lib/i18n/server";
import { getDb } from "@/lib/server/db";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await getUiLanguage())("account_title") };
}

export default async function AccountPage() {
  const { user, twoFactorEnabled, twoFactorRequired } = await requireSession();
  const lang = await getUiLanguage();
  const t = translator(lang);
  const messages = lang === "en" ? en : fr;
  const left = twoFactorEnabled ? await recoveryCodesLeft(getDb(), user.id) : 0;
  return (
    <SettingsPage title={t("account_title")} intro={t("account_intro")}>
      <div className="flex flex-col gap-8">
        <ProfileForm profile={{ name: user.name, email: user.email, locale: user.locale ?? lang }} messages={messages} />
        <PasswordForm messages={messages} />
        <Section
          id="sec-two-factor"
          title={t("account_section_two_factor")}
          className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-6"
        >
          <p className="text-sm text-slate-700">{t("two_factor_intro")}</p>
          <p className="font-medium" data-testid="two-factor-status">
            {t(twoFactorEnabled ? "two_factor_status_on" : "two_factor_status_off")}
            {twoFactorRequired ? ` ${t("two_factor_required_note")}` : ""}
          </p>
          {twoFactorEnabled ? (
            <>
              <p className="text-sm text-slate-700">{t("two_factor_recovery_left").replace("{n}", String(left))}</p>
              {twoFactorRequired ? null : <DisableTwoFactorForm messages={messages} />}
            </>
          ) : (
            <div>
              <Link href="/two-factor/setup" className={buttonClass()} data-testid="two-factor-enable">
                {t("two_factor_enable")}
              </Link>
            </div>
          )}
        </Section>
      </div>
    </SettingsPage>
  );
}
