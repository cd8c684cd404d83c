import { UserRound } from "lucide-react";
import Image from "next/image";
import Link from "next/link";
import type { T } from "@/lib/i18n";
import { setLanguage } from "@/lib/i18n/actions";
import { UI_LANGUAGES } from "@/lib/i18n/locales";
import { SignOutButton } from "./sign-out-button";

/** The back office's and the platform console's top: the link that skips to the content (`#main`), then the bar. */
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
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
        {t("skip_to_content")}
      </a>
      <header className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 border-b border-slate-200 bg-white px-4 py-3 md:px-6">
        <p className="flex items-center gap-2 text-lg font-semibold text-brand-800">
          <Image src="/icon.svg" alt="" width={28} height={28} unoptimized />
          {t("app_name")}
        </p>
        <div className="flex min-w-0 flex-wrap items-center gap-x-4 gap-y-2 text-sm">
          <span className="min-w-0 break-words">
            {t("signed_in_as")} <strong data-testid="whoami">{user.email}</strong> · {user.companyName} · {t(`role_${user.role}`)}
          </span>
          <Link
            href="/account"
            className="inline-flex items-center gap-1.5 whitespace-nowrap rounded px-2 py-1 text-brand-700 hover:bg-brand-50"
          >
            <UserRound aria-hidden size={16} />
            {t("account_menu")}
          </Link>
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
    </>
  );
}
