// Not found inside the back office (also what another tenant's order id gives: nothing leaks).
import Link from "next/link";
import { translator } from "@/lib/i18n";
import { getUiLanguage } from "@/lib/i18n/server";

export default async function NotFound() {
  const t = translator(await getUiLanguage());
  return (
    <section className="max-w-xl">
      <h1 className="mb-2 text-2xl font-semibold">{t("not_found_title")}</h1>
      <p className="mb-4 text-slate-700">{t("not_found_body")}</p>
      <Link href="/orders" className="text-brand-700 underline">
        {t("back_to_list")}
      </Link>
    </section>
  );
}
