// /settings/templates/new?shop=&channel=&kind=&language= — a new template, prefilled with the built-in text of its channel, purpose and language.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { orNotFound } from "@/app/(backoffice)/or-not-found";
import { SettingsSubPage } from "@/components/settings/settings-page";
import { TemplateForm, type TemplateValues } from "@/components/templates/template-form";
import { builtInTemplate } from "@/emails";
import { isReceiptKind } from "@/emails/types";
import { hasRole } from "@/lib/auth/actor";
import { requireSession } from "@/lib/auth/session";
import { translator } from "@/lib/i18n";
import { PAGE_LANGUAGES } from "@/lib/i18n/locales";
import { en } from "@/lib/i18n/messages/en";
import { fr } from "@/lib/i18n/messages/fr";
import { getUiLanguage } from "@/lib/i18n/server";
import { getDb } from "@/lib/server/db";
import { safeParseInput } from "@/lib/server/validation";
import { previewTemplate } from "@/lib/templates/preview-template";
import { builtInRefSchema } from "@/lib/templates/schemas";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await getUiLanguage())("tpl_new_title") };
}

export default async function NewTemplatePage({
  searchParams,
}: {
  searchParams: Promise<{ shop?: string; channel?: string; kind?: string; language?: string }>;
}) {
  const { actor, shops } = await requireSession();
  if (!hasRole(actor, "OPERATOR")) notFound();
  const lang = await getUiLanguage();
  const t = translator(lang);
  const sp = await searchParams;
  const shop = shops.find((s) => s.id === sp.shop) ?? shops[0];
  if (!shop) notFound();
  const isAdmin = hasRole(actor, "ADMIN");
  const asked = safeParseInput(builtInRefSchema, { channel: sp.channel, kind: sp.kind, language: sp.language });
  // Receipts are administrators' settings: an operator starts from an order message instead.
  const ref =
    asked.success && (isAdmin || !isReceiptKind(asked.data.kind))
      ? asked.data
      : { channel: "MAIL" as const, kind: "ORDER" as const, language: lang };
  const text = builtInTemplate(ref.channel, ref.kind, ref.language);
  const initial: TemplateValues = { ...ref, name: "", subject: text.subject ?? "", body: text.body, isDefault: false };
  const preview = await orNotFound(previewTemplate(getDb(), { actor, shopId: shop.id, template: { ...ref, ...text } }));
  const languageName = new Intl.DisplayNames([lang], { type: "language" });
  return (
    <SettingsSubPage
      back={{ href: `/settings/templates?shop=${shop.id}`, label: t("tpl_back") }}
      title={t("tpl_new_title")}
      subtitle={`${shop.name} (${shop.id})`}
      width="max-w-5xl"
    >
      <TemplateForm
        shopId={shop.id}
        templateId={null}
        initial={initial}
        preview={preview}
        savedWarnings={[]}
        notice={null}
        languages={PAGE_LANGUAGES.map((l) => ({ value: l, label: languageName.of(l) ?? l }))}
        isAdmin={isAdmin}
        messages={lang === "en" ? en : fr}
      />
    </SettingsSubPage>
  );
}
