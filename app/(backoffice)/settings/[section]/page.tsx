// /settings/[section] — settings screens not built yet say so.
import { notFound } from "next/navigation";
import { PageTitle } from "@/components/ui/page-title";
import { requireSession } from "@/lib/auth/session";
import { translator } from "@/lib/i18n";
import { getUiLanguage } from "@/lib/i18n/server";

// None left: Settings › Users was the last (issue 19). A screen to come is listed here until built.
const SECTIONS: Record<string, string> = {};

export default async function SettingsPlaceholder({ params }: { params: Promise<{ section: string }> }) {
  await requireSession();
  const key = SECTIONS[(await params).section];
  if (!key) notFound();
  const t = translator(await getUiLanguage());
  return (
    <section aria-labelledby="title" className="max-w-xl">
      <PageTitle margin="mb-4">{t(key)}</PageTitle>
      <div className="rounded-lg border border-dashed border-slate-300 bg-white p-6">
        <h2 className="font-semibold">{t("not_built_title")}</h2>
        <p className="mt-2 text-sm text-slate-700">{t("not_built_body")}</p>
      </div>
    </section>
  );
}
