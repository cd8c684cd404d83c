// Not found in the platform console (also what a user who is not a platform operator gets).
import { translator } from "@/lib/i18n";
import { getUiLanguage } from "@/lib/i18n/server";

export default async function NotFound() {
  const t = translator(await getUiLanguage());
  return (
    <section className="max-w-xl">
      <h1 className="mb-2 text-2xl font-semibold">{t("not_found_title")}</h1>
      <p className="mb-4 text-slate-700">{t("not_found_body")}</p>
    </section>
  );
}
