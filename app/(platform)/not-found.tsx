// Not found in the platform console (also what a user who is not a platform operator gets).
import { NotFoundMessage } from "@/components/backoffice/not-found-message";
import { translator } from "@/lib/i18n";
import { getUiLanguage } from "@/lib/i18n/server";

export default async function NotFound() {
  return <NotFoundMessage t={translator(await getUiLanguage())} />;
}
