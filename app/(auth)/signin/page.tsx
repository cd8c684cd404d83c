// /signin — the back-office sign-in page.
import type { Metadata } from "next";
import Link from "next/link";
import { SignInForm } from "@/components/backoffice/sign-in-form";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { rateLimitedSeconds, waitText } from "@/lib/auth/sign-in-error";
import { translator } from "@/lib/i18n";
import { getUiLanguage } from "@/lib/i18n/server";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const t = translator(await getUiLanguage());
  const { callbackUrl, error } = await searchParams;
  const wait = rateLimitedSeconds(error);
  return (
    <main className="mx-auto mt-24 max-w-sm rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
      <h1 className="mb-6 text-xl font-semibold">{t("signin_title")}</h1>
      <SignInForm
        callbackUrl={safeCallbackPath(callbackUrl)}
        initialError={wait !== null ? t("signin_rate_limited").replace("{wait}", waitText(wait)) : error ? t("signin_invalid") : undefined}
        labels={{
          email: t("signin_email"),
          password: t("signin_password"),
          submit: t("signin_submit"),
          invalid: t("signin_invalid"),
          rateLimited: t("signin_rate_limited"),
          codeTitle: t("signin_code_title"),
          code: t("signin_code"),
          codeHelp: t("signin_code_help"),
          codeSubmit: t("signin_code_submit"),
          codeInvalid: t("signin_code_invalid"),
          codeExpired: t("signin_code_expired"),
        }}
      />
      <p className="mt-6 text-sm">
        <Link href="/forgot" className="text-brand-700 underline">
          {t("signin_forgot")}
        </Link>
      </p>
    </main>
  );
}
