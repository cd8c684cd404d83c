// /orders/new?mode=TEST|PRODUCTION&channel=URL|MAIL|SMS|WHATSAPP|INVOICE — create an order by URL (F-BO-3,
// F-CH-URL), e-mail (F-CH-MAIL), SMS (F-CH-SMS), WhatsApp (F-CH-WHATSAPP) or invoice (F-CH-INVOICE).
import Link from "next/link";
import { notFound } from "next/navigation";
import { CreateMailOrderForm } from "@/components/orders/create-mail-order-form";
import { CreatePhoneOrderForm } from "@/components/orders/create-phone-order-form";
import { CreateUrlOrderForm } from "@/components/orders/create-url-order-form";
import { PageTitle } from "@/components/ui/page-title";
import { hasRole, type UserActor } from "@/lib/auth/actor";
import { requireSession } from "@/lib/auth/session";
import { getSmsCredits } from "@/lib/channels/get-sms-credits";
import { translator } from "@/lib/i18n";
import { en } from "@/lib/i18n/messages/en";
import { fr } from "@/lib/i18n/messages/fr";
import { getUiLanguage } from "@/lib/i18n/server";
import { findMailTemplates } from "@/lib/orders/find-mail-templates";
import { findPhoneTemplates } from "@/lib/orders/find-phone-templates";
import { getOrderCopy, type OrderCopy } from "@/lib/orders/get-order-copy";
import { previewPhoneOrder } from "@/lib/orders/preview-phone-order";
import { getDb } from "@/lib/server/db";
import { findShopDefaults, type ShopDefaults } from "@/lib/shops/find-shop-defaults";

const CHANNELS = ["URL", "MAIL", "SMS", "WHATSAPP", "INVOICE"] as const;
type NewChannel = (typeof CHANNELS)[number];
const TITLES: Record<NewChannel, string> = {
  URL: "create_title",
  MAIL: "mail_create_title",
  SMS: "smsd_create_title",
  WHATSAPP: "wa_create_title",
  INVOICE: "invoice_create_title",
};
const TABS: Record<NewChannel, string> = {
  URL: "mail_channel_url",
  MAIL: "mail_channel_mail",
  SMS: "phone_channel_sms",
  WHATSAPP: "phone_channel_whatsapp",
  INVOICE: "invoice_channel_tab",
};

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
  // "Create from" (issue 21): the source order's values open its channel's dialog, its mode kept.
  const copy = sp.from ? await getOrderCopy(getDb(), { actor, orderId: sp.from }).catch(() => undefined) : undefined;
  const mode = copy ? (copy.mode as "TEST" | "PRODUCTION") : sp.mode === "TEST" ? "TEST" : "PRODUCTION";
  const channel: NewChannel = CHANNELS.find((c) => c === sp.channel) ?? CHANNELS.find((c) => c === copy?.channel) ?? "URL";
  const shops = await findShopDefaults(getDb(), { actor });
  const shop = shops.find((s) => s.id === copy?.shopId) ?? shops[0];
  const messages = lang === "en" ? en : fr;
  const phone = channel === "SMS" || channel === "WHATSAPP" ? await initialPhoneDialog(actor, channel, mode, shop, copy) : undefined;
  return (
    <section aria-labelledby="title" className={channel === "URL" || channel === "INVOICE" ? "max-w-xl" : "max-w-3xl"}>
      <PageTitle margin="mb-4">{t(`${TITLES[channel]}${mode === "TEST" ? "_test" : ""}`)}</PageTitle>
      <nav aria-label={t("mail_channel_nav")} className="mb-6 flex flex-wrap gap-2 border-b border-slate-200">
        {CHANNELS.map((c) => (
          <Link
            key={c}
            href={`/orders/new?mode=${mode}${c === "URL" ? "" : `&channel=${c}`}`}
            aria-current={channel === c ? "page" : undefined}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${channel === c ? "border-brand-700 text-brand-800" : "border-transparent text-slate-700 hover:text-slate-900"}`}
          >
            {t(TABS[c])}
          </Link>
        ))}
      </nav>
      {phone && (channel === "SMS" || channel === "WHATSAPP") ? (
        <CreatePhoneOrderForm
          key={channel}
          channel={channel}
          mode={mode}
          shops={shops}
          messages={messages}
          credits={phone.credits}
          initial={phone.initial}
        />
      ) : channel === "INVOICE" ? (
        <CreateUrlOrderForm key="invoice" mode={mode} shops={shops} messages={messages} invoice initial={copy} />
      ) : channel === "MAIL" ? (
        <CreateMailOrderForm
          mode={mode}
          shops={shops}
          messages={messages}
          initialTemplates={await initialTemplates(actor, shop, copy?.language)}
          initial={copy}
        />
      ) : (
        // "Create from": everything of the source order but its reference.
        <CreateUrlOrderForm mode={mode} shops={shops} messages={messages} initial={copy} />
      )}
    </section>
  );
}

/** The SMS / WhatsApp dialog's first render: the first shop's templates, variables and the credits. */
async function initialPhoneDialog(
  actor: UserActor,
  channel: "SMS" | "WHATSAPP",
  mode: "TEST" | "PRODUCTION",
  shop: ShopDefaults | undefined,
  copy?: OrderCopy,
) {
  if (!shop) return undefined;
  const language = copy?.language && shop.languages.includes(copy.language) ? copy.language : shop.defaultLanguage;
  const templates = await findPhoneTemplates(getDb(), { actor, shopId: shop.id, channel, language });
  const preview = await previewPhoneOrder(getDb(), {
    actor,
    values: {
      shopId: shop.id,
      mode,
      channel,
      currency: copy?.currency ?? shop.currencies[0] ?? "EUR",
      ...(copy ? { amount: copy.amount ?? "", validUntil: copy.validUntil ?? "" } : {}),
      language: templates.language,
      message: copy?.message || templates.defaultBody,
    },
  });
  return { initial: { templates, preview, copy }, credits: await getSmsCredits(getDb(), { actor }) };
}

/** The first shop's templates in its default language: the body is prefilled on the first render. */
async function initialTemplates(
  actor: Parameters<typeof findMailTemplates>[1]["actor"],
  shop: { id: string; defaultLanguage: string; languages: string[] } | undefined,
  language?: string,
) {
  if (!shop) return undefined;
  const lang = language && shop.languages.includes(language) ? language : shop.defaultLanguage;
  return findMailTemplates(getDb(), { actor, shopId: shop.id, language: lang }).catch(() => undefined);
}
