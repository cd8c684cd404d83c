// /orders/import?mode=TEST|PRODUCTION — import invoice payment orders from a CSV or XLSX file (F-CH-INVOICE): dry run, then commit. Operators only.
import { notFound } from "next/navigation";
import { ImportInvoicesForm } from "@/components/orders/import-invoices-form";
import { PageTitle } from "@/components/ui/page-title";
import { hasRole } from "@/lib/auth/actor";
import { requireSession } from "@/lib/auth/session";
import { translator } from "@/lib/i18n";
import { en } from "@/lib/i18n/messages/en";
import { fr } from "@/lib/i18n/messages/fr";
import { getUiLanguage } from "@/lib/i18n/server";
import { getDb } from "@/lib/server/db";
import { findShopDefaults } from "@/lib/shops/find-shop-defaults";

export default async function ImportInvoicesPage({ searchParams }: { searchParams: Promise<{ mode?: string }> }) {
  const { actor } = await requireSession();
  if (!hasRole(actor, "OPERATOR")) notFound();
  const lang = await getUiLanguage();
  const t = translator(lang);
  const mode = (await searchParams).mode === "TEST" ? "TEST" : "PRODUCTION";
  const shops = await findShopDefaults(getDb(), { actor });
  return (
    <section aria-labelledby="title" className="max-w-4xl">
      <PageTitle margin="mb-4">{t(mode === "TEST" ? "import_title_test" : "import_title")}</PageTitle>
      <div className="mb-6 flex flex-col gap-2 text-sm text-slate-700">
        <p>{t("import_intro")}</p>
        <p>{t("import_format")}</p>
        <p>
          <a href="/orders/import/sample.csv" download className="font-medium text-brand-700 underline">
            {t("import_sample")}
          </a>
        </p>
      </div>
      <ImportInvoicesForm shops={shops.map((s) => ({ id: s.id, name: s.name }))} mode={mode} messages={lang === "en" ? en : fr} />
    </section>
  );
}
