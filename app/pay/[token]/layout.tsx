import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Document } from "@/components/ui/document";
import { payMessages } from "@/lib/i18n/messages/pay";
import { buyerLanguage } from "@/lib/payments/buyer-language";

type Props = { params: Promise<{ token: string }> };

/** The tab's title in the page's language too. */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const m = payMessages(await buyerLanguage((await params).token));
  return { title: m.title, robots: { index: false, follow: false } };
}

export default async function PayLayout({ children, params }: Props & { children: ReactNode }) {
  return <Document lang={await buyerLanguage((await params).token)}>{children}</Document>;
}
