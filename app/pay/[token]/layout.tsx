import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Document } from "@/components/ui/document";
import { buyerLanguage } from "@/lib/payments/buyer-language";

export const metadata: Metadata = { title: "Payment", robots: { index: false, follow: false } };

export default async function PayLayout({ children, params }: { children: ReactNode; params: Promise<{ token: string }> }) {
  return <Document lang={await buyerLanguage((await params).token)}>{children}</Document>;
}
