// /forgot — ask for a password reset link by e-mail (the same answer for any address).
import type { Metadata } from "next";
import Link from "next/link";
import { ForgotForm } from "@/components/users/forgot-form";
import { translator } from "@/lib/i18n";
import { getUiLanguage } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await getUiLanguage())("forgot_title") };
}

export default async function ForgotPage() {
  const t = translator(await getUiLanguage());
  return (
    <main className="mx-auto mt-24 max-w-sm rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
      <h1 className="mb-2 text-xl font-semibold">{t("forgot_title")}</h1>
      <p className="mb-6 text-sm text-slate-700">{t("forgot_intro")}</p>
      <ForgotForm
        labels={{ email: t("forgot_email"), submit: t("forgot_submit"), sent: t("forgot_sent"), rateLimited: t("forgot_rate_limited") }}
      />
      <p className="mt-6 text-sm">
        <Link href="/signin" className="text-brand-700 underline">
          {t("forgot_back")}
        </Link>
      </p>
    </main>
  );
}
