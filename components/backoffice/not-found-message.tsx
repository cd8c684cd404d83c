import type { ReactNode } from "react";
import type { T } from "@/lib/i18n";

/** What a not-found page says (nothing about whose the thing was), then the way back if there is one. */
export function NotFoundMessage({ t, children }: { t: T; children?: ReactNode }) {
  return (
    <section className="max-w-xl">
      <h1 className="mb-2 text-2xl font-semibold">{t("not_found_title")}</h1>
      <p className="mb-4 text-slate-700">{t("not_found_body")}</p>
      {children}
    </section>
  );
}
