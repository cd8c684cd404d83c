import { cookies, headers } from "next/headers";
import { UI_LANGUAGES, type UiLanguage } from "./locales";

export const LANG_COOKIE = "lang";

/** The back-office language: the user's choice (cookie), else Accept-Language, else French. */
export async function getUiLanguage(): Promise<UiLanguage> {
  const chosen = (await cookies()).get(LANG_COOKIE)?.value;
  if (chosen && (UI_LANGUAGES as readonly string[]).includes(chosen)) return chosen as UiLanguage;
  const accept = (await headers()).get("accept-language") ?? "";
  for (const part of accept.split(",")) {
    const l = part.trim().slice(0, 2).toLowerCase();
    if ((UI_LANGUAGES as readonly string[]).includes(l)) return l as UiLanguage;
  }
  return "fr";
}
