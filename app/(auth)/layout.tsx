import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Document, SITE_ICONS } from "@/components/ui/document";
import { getUiLanguage } from "@/lib/i18n/server";

export const metadata: Metadata = { ...SITE_ICONS };

export default async function AuthLayout({ children }: { children: ReactNode }) {
  return <Document lang={await getUiLanguage()}>{children}</Document>;
}
