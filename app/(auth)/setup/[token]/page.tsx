// /setup/<token> — the first run: create the platform operator (and optionally the first merchant).
import type { Metadata } from "next";
import { SetupForm } from "@/components/platform/setup-form";
import { translator } from "@/lib/i18n";
import { en } from "@/lib/i18n/messages/en";
import { fr } from "@/lib/i18n/messages/fr";
import { getUiLanguage } from "@/lib/i18n/server";
import { isSetupTokenValid } from "@/lib/platform/setup-token";
import { getDb } from "@/lib/server/db";

// The token is in the address: never sent on to another site, never indexed.
export const metadata: Metadata = { title: "Setup", referrer: "no-referrer", robots: { index: false } };

export default async function SetupPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const lang = await getUiLanguage();
  const t = translator(lang);
  const valid = await isSetupTokenValid(getDb(), token);
  return (
    <main className="mx-auto my-12 max-w-xl rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
      {valid ? (
        <>
          <h1 className="mb-2 text-xl font-semibold">{t("setup_title")}</h1>
          <p className="mb-6 text-slate-700">{t("setup_intro")}</p>
          <SetupForm token={token} messages={lang === "en" ? en : fr} />
        </>
      ) : (
        <>
          <h1 className="mb-2 text-xl font-semibold">{t("setup_invalid_title")}</h1>
          <p className="text-slate-700" data-testid="setup-invalid">
            {t("setup_invalid_body")}
          </p>
        </>
      )}
    </main>
  );
}
