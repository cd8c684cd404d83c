// Not found inside the back office (also what another tenant's order id gives: nothing leaks).
import Link from "next/link";
import { NotFoundMessage } from "@/components/backoffice/not-found-message";
import { translator } from "@/lib/i18n";
import { getUiLanguage } from "@/lib/i18n/server";

export default async function NotFound() {
  const t = translator(await getUiLanguage());
  return (
    <NotFoundMessage t={t}>
      <Link href="/orders" className="text-brand-700 underline">
        {t("back_to_list")}
      </Link>
    </NotFoundMessage>
  );
}
