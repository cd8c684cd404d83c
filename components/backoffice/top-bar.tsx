import type { T } from "@/lib/i18n";
import { setLanguage } from "@/lib/i18n/actions";
import { UI_LANGUAGES } from "@/lib/i18n/locales";
import { SignOutButton } from "./sign-out-button";

export function TopBar({
  t,
  lang,
  user,
}: {
  t: T;
  lang: string;
  user: { name: string; email: string; role: string; companyName: string };
}) {
  return (
    <header className="flex items-center justify-between border-b border-slate-200 bg-white px-6 py-3">
      <p className="text-lg font-semibold text-brand-800">{t("app_name")}</p>
      <div className="flex items-center gap-4 text-sm">
        <span>
          {t("signed_in_as")} <strong data-testid="whoami">{user.email}</strong> · {user.companyName} · {t(`role_${user.role}`)}
        </span>
        <form action={setLanguage} className="flex items-center gap-1" aria-label={t("language")}>
          {UI_LANGUAGES.map((l) => (
            <button
              key={l}
              type="submit"
              name="lang"
              value={l}
              aria-pressed={l === lang}
              className={`rounded px-2 py-1 uppercase ${l === lang ? "bg-brand-700 text-white" : "text-brand-700 hover:bg-brand-50"}`}
            >
              {l}
            </button>
          ))}
        </form>
        <SignOutButton label={t("sign_out")} />
      </div>
    </header>
  );
}
