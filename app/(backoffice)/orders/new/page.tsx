// /orders/new?mode=TEST|PRODUCTION — simplified "order by URL" dialog (F-BO-3, F-CH-URL).
import { notFound } from "next/navigation";
import { CreateUrlOrderForm } from "@/components/orders/create-url-order-form";
import { hasRole } from "@/lib/auth/actor";
import { requireSession } from "@/lib/auth/session";
import { translator } from "@/lib/i18n";
import { en } from "@/lib/i18n/messages/en";
import { fr } from "@/lib/i18n/messages/fr";
import { getUiLanguage } from "@/lib/i18n/server";
import { getOrderCopy } from "@/lib/orders/get-order-copy";
import { getDb } from "@/lib/server/db";
import { findShopDefaults } from "@/lib/shops/find-shop-defaults";

export default async function NewOrderPage({ searchParams }: { searchParams: Promise<{ mode?: string; from?: string }> }) {
  const { actor } = await requireSession();
  if (!hasRole(actor, "OPERATOR")) notFound();
  const lang = await getUiLanguage();
  const t = translator(lang);
  const sp = await searchParams;
  const mode = sp.mode === "TEST" ? "TEST" : "PRODUCTION";
  // "Create from": everything of the source order but its reference.
  const initial = sp.from ? await getOrderCopy(getDb(), { actor, orderId: sp.from }).catch(() => undefined) : undefined;
  const shops = await findShopDefaults(getDb(), { actor });
  return (
    <section aria-labelledby="title" className="max-w-xl">
      <h1 id="title" className="mb-6 text-2xl font-semibold">
        {t(mode === "TEST" ? "create_title_test" : "create_title")}
      </h1>
      <CreateUrlOrderForm mode={mode} shops={shops} messages={lang === "en" ? en : fr} initial={initial} />
    </section>
  );
}
