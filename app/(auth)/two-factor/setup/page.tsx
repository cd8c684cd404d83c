// /two-factor/setup — turning on two-step sign-in: QR code and key, then the first code. Users of a
// company that requires it land here after sign-in and may do nothing else until it is on.
import type { Metadata } from "next";
import Image from "next/image";
import Link from "next/link";
import { redirect } from "next/navigation";
import { EnrolTwoFactorForm } from "@/components/account/enrol-two-factor-form";
import { SignOutButton } from "@/components/backoffice/sign-out-button";
import { requireSession } from "@/lib/auth/session";
import { pendingTwoFactorEnrolment, startTwoFactorEnrolment } from "@/lib/auth/two-factor";
import { translator } from "@/lib/i18n";
import { en } from "@/lib/i18n/messages/en";
import { fr } from "@/lib/i18n/messages/fr";
import { getUiLanguage } from "@/lib/i18n/server";
import { qrDataUrl } from "@/lib/orders/qr-code";
import { getDb } from "@/lib/server/db";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await getUiLanguage())("two_factor_setup_title") };
}

export default async function TwoFactorSetupPage() {
  const { actor, twoFactorEnabled, mustEnrolTwoFactor } = await requireSession({ enrolment: true });
  if (twoFactorEnabled) redirect("/account");
  const lang = await getUiLanguage();
  const t = translator(lang);
  const db = getDb();
  const enrolment = (await pendingTwoFactorEnrolment(db, { actor })) ?? (await startTwoFactorEnrolment(db, { actor }));
  return (
    <main className="mx-auto mt-12 flex max-w-md flex-col gap-4 rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
      <h1 className="text-xl font-semibold">{t("two_factor_setup_title")}</h1>
      {mustEnrolTwoFactor ? <p className="rounded-md bg-brand-50 p-3 text-sm text-slate-800">{t("two_factor_setup_required")}</p> : null}
      <p className="text-sm text-slate-700">{t("two_factor_intro")}</p>
      <p className="text-sm font-medium">{t("two_factor_setup_step1")}</p>
      <Image
        src={await qrDataUrl(enrolment.uri, 200)}
        alt={t("two_factor_qr_alt")}
        width={200}
        height={200}
        unoptimized
        className="self-center"
      />
      <p className="text-sm">
        {t("two_factor_manual_key")}{" "}
        <code className="break-all font-mono text-base" data-testid="totp-key">
          {enrolment.secret.replace(/(.{4})/g, "$1 ").trim()}
        </code>
      </p>
      <p className="text-sm font-medium">{t("two_factor_setup_step2")}</p>
      <EnrolTwoFactorForm messages={lang === "en" ? en : fr} next={mustEnrolTwoFactor ? "/orders" : "/account"} />
      {mustEnrolTwoFactor ? (
        <div className="text-sm">
          <SignOutButton label={t("sign_out")} />
        </div>
      ) : (
        <Link href="/account" className="text-sm text-brand-700 underline">
          {t("two_factor_back")}
        </Link>
      )}
    </main>
  );
}
