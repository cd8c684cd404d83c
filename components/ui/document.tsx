import type { ReactNode } from "react";
import "@/app/styles/globals.css";

/** The <html> shell shared by the three root layouts (back office, sign-in, buyer pages). */
export function Document({ lang, children }: { lang: string; children: ReactNode }) {
  return (
    <html lang={lang}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">{children}</body>
    </html>
  );
}
