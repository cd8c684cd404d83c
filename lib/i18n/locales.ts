// Languages of the UI and of buyer-facing pages/messages, and their default ll_CC locale.
export const UI_LANGUAGES = ["fr", "en"] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export const PAGE_LANGUAGES = ["fr", "en", "de", "es", "it", "pt", "nl"] as const;
export type PageLanguage = (typeof PAGE_LANGUAGES)[number];

const DEFAULT_REGION: Record<PageLanguage, string> = { fr: "FR", en: "GB", de: "DE", es: "ES", it: "IT", pt: "PT", nl: "NL" };

/** Each page language by its own name (the language switch lists them so). */
export const PAGE_LANGUAGE_NAMES: Record<PageLanguage, string> = {
  fr: "Français",
  en: "English",
  de: "Deutsch",
  es: "Español",
  it: "Italiano",
  pt: "Português",
  nl: "Nederlands",
};

export const isPageLanguage = (l: string): l is PageLanguage => (PAGE_LANGUAGES as readonly string[]).includes(l);

/** "fr" → "fr_FR". */
export const localeOf = (lang: PageLanguage) => `${lang}_${DEFAULT_REGION[lang]}`;

/** "en_GB" / "en-US" / "en" → "en" (or null if unknown). */
export function languageOf(locale: string | null | undefined): PageLanguage | null {
  const l = (locale ?? "").slice(0, 2).toLowerCase();
  return isPageLanguage(l) ? l : null;
}

/** ll_CC → BCP 47 tag for Intl. */
export const bcp47 = (locale: string) => locale.replace("_", "-");
