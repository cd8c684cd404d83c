// /orders/new?mode=TEST|PRODUCTION&channel=URL|MAIL — create an order by URL (F-BO-3, F-CH-URL) or by e-mail (F-CH-MAIL).
import Link from "next/link";
import { notFound } from "next/navigation";
import { CreateMailOrderForm } from "@/components/orders/create-mail-order-form";
import { CreateUrlOrderForm } from "@/components/orders/create-url-order-form";
import { hasRole } from "@/lib/auth/actor";
import { requireSession } from "@/lib/auth/session";
import { translator } from "@/lib/i18n";
import { en } from "@/lib/i18n/messages/en";
import { fr } from "@/lib/i18n/messages/fr";
import { getUiLanguage } from "@/lib/i18n/server";
import { findMailTemplates } from "@/lib/orders/find-mail-templates";
import { getOrderCopy } from "@/lib/orders/get-order-copy";
import { getDb } from "@/lib/server/db";
import { findShopDefaults } from "@/lib/shops/find-shop-defaults";

export default async function NewOrderPage({
  searchParams,
}: {
  searchParams: Promise<{ mode?: string; from?: string; channel?: string }>;
}) {
  const { actor } = await requireSession();
  if (!hasRole(actor, "OPERATOR")) notFound();
  const lang = await getUiLanguage();
  const t = translator(lang);
  const sp = await searchParams;
  const mode = sp.mode === "TEST" ? "TEST" : "PRODUCTION";
  const channel = sp.channel === "MAIL" ? "MAIL" : "URL";
  const shops = await findShopDefaults(getDb(), { actor });
  const messages = lang === "en" ? en : fr;
  const title =
    channel === "MAIL"
      ? mode === "TEST"
        ? "mail_create_title_test"
        : "mail_create_title"
      : mode === "TEST"
        ? "create_title_test"
        : "create_title";
  return (
    <section aria-labelledby="title" className={channel === "MAIL" ? "max-w-3xl" : "max-w-xl"}>
      <h1 id="title" className="mb-4 text-2xl font-semibold">
        {t(title)}
      </h1>
      <nav aria-label={t("mail_channel_nav")} className="mb-6 flex gap-2 border-b border-slate-200">
        {(["URL", "MAIL"] as const).map((c) => (
          <Link
            key={c}
            href={`/orders/new?mode=${mode}${c === "MAIL" ? "&channel=MAIL" : ""}`}
            aria-current={channel === c ? "page" : undefined}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${channel === c ? "border-brand-700 text-brand-800" : "border-transparent text-slate-700 hover:text-slate-900"}`}
          >
            {t(c === "MAIL" ? "mail_channel_mail" : "mail_channel_url")}
          </Link>
        ))}
      </nav>
      {channel === "MAIL" ? (
        <CreateMailOrderForm mode={mode} shops={shops} messages={messages} initialTemplates={await initialTemplates(actor, shops[0])} />
      ) : (
        <CreateUrlOrderForm
          mode={mode}
          shops={shops}
          messages={messages}
          // "Create from": everything of the source order but its reference.
          initial={sp.from ? await getOrderCopy(getDb(), { actor, orderId: sp.from }).catch(() => undefined) : undefined}
        />
      )}
    </section>
  );
}

/** The first shop's templates in its default language: the body is prefilled on the first render. */
async function initialTemplates(
  actor: Parameters<typeof findMailTemplates>[1]["actor"],
  shop: { id: string; defaultLanguage: string } | undefined,
) {
  if (!shop) return undefined;
  return findMailTemplates(getDb(), { actor, shopId: shop.id, language: shop.defaultLanguage }).catch(() => undefined);
}
