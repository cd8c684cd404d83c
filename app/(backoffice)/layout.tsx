import type { Metadata } from "next";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { FoldingMenu } from "@/components/backoffice/folding-menu";
import { SideNav } from "@/components/backoffice/side-nav";
import { TopBar } from "@/components/backoffice/top-bar";
import { Document, SITE_ICONS } from "@/components/ui/document";
import { requireSession } from "@/lib/auth/session";
import { usesSandboxGateways } from "@/lib/channels/find-sandbox-messages";
import { isMailCatcherMode } from "@/lib/channels/mail-catcher-mode";
import { translator } from "@/lib/i18n";
import { getUiLanguage } from "@/lib/i18n/server";
import { getDb } from "@/lib/server/db";

export async function generateMetadata(): Promise<Metadata> {
  const name = translator(await getUiLanguage())("app_name");
  return { title: { default: name, template: `%s · ${name}` }, ...SITE_ICONS };
}

// Layouts only frame: every page and action checks the session and rights itself.
export default async function BackOfficeLayout({ children }: { children: ReactNode }) {
  const lang = await getUiLanguage();
  const t = translator(lang);
  const { user, actor, isPlatformOperator } = await requireSession();
  // A platform operator has no shop: their place is the platform console.
  if (isPlatformOperator) redirect("/platform");
  const sandboxOutbox = await usesSandboxGateways(getDb(), { actor });
  return (
    <Document lang={lang}>
      <TopBar t={t} lang={lang} user={user} />
      <div className="flex flex-col md:flex-row">
        <FoldingMenu labels={{ menu: t("nav_menu"), open: t("nav_menu_open"), close: t("nav_menu_close") }}>
          <SideNav t={t} role={user.role} mailCatcher={isMailCatcherMode()} sandboxOutbox={sandboxOutbox} />
        </FoldingMenu>
        <main id="main" className="min-w-0 flex-1 p-4 md:p-6">
          {children}
        </main>
      </div>
    </Document>
  );
}
