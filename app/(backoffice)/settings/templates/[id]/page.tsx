// /settings/templates/[id] — one template: operators edit it (a default or a receipt: administrators), others read it; with its preview.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { orNotFound } from "@/app/(backoffice)/or-not-found";
import { SettingsSubPage } from "@/components/settings/settings-page";
import { TemplateDetails } from "@/components/templates/template-details";
import { TemplateForm } from "@/components/templates/template-form";
import { hasRole } from "@/lib/auth/actor";
import { requireSession } from "@/lib/auth/session";
import { translator } from "@/lib/i18n";
import { PAGE_LANGUAGES } from "@/lib/i18n/locales";
import { en } from "@/lib/i18n/messages/en";
import { fr } from "@/lib/i18n/messages/fr";
import { getUiLanguage } from "@/lib/i18n/server";
import { getDb } from "@/lib/server/db";
import { getTemplateOrThrow } from "@/lib/templates/get-template";
import { previewTemplate } from "@/lib/templates/preview-template";
import { findUnknownVariables } from "@/lib/templates/render-template";
import { TEMPLATE_CHANNELS } from "@/lib/templates/schemas";
import { canChangeTemplate } from "@/lib/templates/template-permissions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await getUiLanguage())("tpl_view_title") };
}

const NOTICES: Record<string, string> = { created: "tpl_done_created", customize: "tpl_done_customize" };

export default async function TemplatePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const { actor, shops } = await requireSession();
  const { id } = await params;
  const template = await orNotFound(getTemplateOrThrow(getDb(), { actor, templateId: id }));
  const channel = TEMPLATE_CHANNELS.find((c) => c === template.channel);
  if (!channel) notFound();
  const lang = await getUiLanguage();
  const t = translator(lang);
  const shop = shops.find((s) => s.id === template.shopId);
  const preview = await previewTemplate(getDb(), { actor, shopId: template.shopId, template: { ...template, channel } });
  const canEdit = canChangeTemplate(actor, template);
  const languageName = new Intl.DisplayNames([lang], { type: "language" });
  return (
    <SettingsSubPage
      back={{ href: `/settings/templates?shop=${template.shopId}`, label: t("tpl_back") }}
      title={t(canEdit ? "tpl_edit_title" : "tpl_view_title")}
      subtitle={`${shop?.name ?? ""} (${template.shopId})`}
      width="max-w-5xl"
    >
      {canEdit ? (
        <TemplateForm
          shopId={template.shopId}
          templateId={template.id}
          initial={{ ...template, channel, subject: template.subject ?? "" }}
          preview={preview}
          savedWarnings={findUnknownVariables(`${template.subject ?? ""}\n${template.body}`)}
          notice={NOTICES[(await searchParams).done ?? ""] ?? null}
          languages={PAGE_LANGUAGES.map((l) => ({ value: l, label: languageName.of(l) ?? l }))}
          isAdmin={hasRole(actor, "ADMIN")}
          messages={lang === "en" ? en : fr}
        />
      ) : (
        <TemplateDetails
          template={{ ...template, channel }}
          preview={preview}
          t={t}
          languageName={languageName.of(template.language) ?? template.language}
        />
      )}
    </SettingsSubPage>
  );
}
