import type { ReactNode } from "react";
import { Document } from "@/components/ui/document";
import { getUiLanguage } from "@/lib/i18n/server";

export default async function AuthLayout({ children }: { children: ReactNode }) {
  return <Document lang={await getUiLanguage()}>{children}</Document>;
}
