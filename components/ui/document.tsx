import type { Metadata } from "next";
import type { ReactNode } from "react";
import "@/app/styles/globals.css";

/** The icons and manifest every page declares (files in public/, made by scripts/make-icons.mjs). */
export const SITE_ICONS: Pick<Metadata, "icons" | "manifest"> = {
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "32x32" },
      { url: "/icon.svg", type: "image/svg+xml" },
    ],
    apple: "/apple-touch-icon.png",
  },
  manifest: "/manifest.webmanifest",
};

/** The <html> shell shared by the three root layouts (back office, sign-in, buyer pages). */
export function Document({ lang, children }: { lang: string; children: ReactNode }) {
  return (
    <html lang={lang}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">{children}</body>
    </html>
  );
}
