import { PAGE_LANGUAGE_NAMES, PAGE_LANGUAGES, type PageLanguage } from "@/lib/i18n/locales";
import { payPageHref } from "@/lib/payments/page-language";

/**
 * Plain links (a full page load, so <html lang> follows), each language by its own name. Only
 * the page changes language: the order keeps its own. The state shown (`result`) is kept.
 */
export function LanguageSwitch({ token, lang, label, resultId }: { token: string; lang: PageLanguage; label: string; resultId?: string }) {
  return (
    <nav aria-label={label} className="text-sm">
      <ul className="flex flex-wrap gap-x-3 gap-y-1">
        {PAGE_LANGUAGES.map((l) => (
          <li key={l}>
            <a
              href={payPageHref(token, { lang: l, result: resultId })}
              lang={l}
              hrefLang={l}
              aria-current={l === lang ? "true" : undefined}
              className={`rounded px-1 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 ${
                l === lang ? "font-semibold text-slate-900" : "text-blue-800 underline"
              }`}
            >
              {PAGE_LANGUAGE_NAMES[l]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
