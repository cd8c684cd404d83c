import type { Metadata } from "next";
import type { ReactNode } from "react";
import { TopBar } from "@/components/backoffice/top-bar";
import { Document, SITE_ICONS } from "@/components/ui/document";
import { requireSession } from "@/lib/auth/session";
import { translator } from "@/lib/i18n";
import { getUiLanguage } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = translator(await getUiLanguage());
  return { title: { default: t("platform_title"), template: `%s · ${t("app_name")}` }, ...SITE_ICONS };
}

// Layouts only frame: every page and action checks the platform operator itself.
export default async function PlatformLayout({ children }: { children: ReactNode }) {
  const lang = await getUiLanguage();
  const t = translator(lang);
  const { user } = await requireSession();
  return (
    <Document lang={lang}>
      <TopBar t={t} lang={lang} user={user} />
      <main id="main" className="min-w-0 p-4 md:p-6">
        {children}
      </main>
    </Document>
  );
}
