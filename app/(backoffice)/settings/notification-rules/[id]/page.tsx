// /settings/notification-rules/[id] — one notification rule: administrators edit it, other roles read it.
import type { Metadata } from "next";
import { orNotFound } from "@/app/(backoffice)/or-not-found";
import { RuleForm } from "@/components/notifications/rule-form";
import { ruleFormValues, ruleTemplateChoices } from "@/components/notifications/rule-form-values";
import { RoleNote, SettingsSubPage } from "@/components/settings/settings-page";
import { hasRole } from "@/lib/auth/actor";
import { requireSession } from "@/lib/auth/session";
import { translator } from "@/lib/i18n";
import { en } from "@/lib/i18n/messages/en";
import { fr } from "@/lib/i18n/messages/fr";
import { getUiLanguage } from "@/lib/i18n/server";
import { findRuleTemplates } from "@/lib/notifications/rules/find-rule-templates";
import { getRuleOrThrow } from "@/lib/notifications/rules/get-rule";
import { getDb } from "@/lib/server/db";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await getUiLanguage())("nrule_view_title") };
}

export default async function RulePage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, shops } = await requireSession();
  const rule = await orNotFound(getRuleOrThrow(getDb(), { actor, ruleId: (await params).id }));
  const lang = await getUiLanguage();
  const t = translator(lang);
  const canEdit = hasRole(actor, "ADMIN");
  const shop = shops.find((s) => s.id === rule.shopId);
  return (
    <SettingsSubPage
      back={{ href: `/settings/notification-rules?shop=${rule.shopId}`, label: t("nrule_back") }}
      title={t(canEdit ? "nrule_edit_title" : "nrule_view_title")}
      subtitle={`${shop?.name ?? ""} (${rule.shopId}) · ${t(`nrule_kind_${rule.kind}`)} · ${t(rule.enabled ? "nrule_enabled" : "nrule_disabled")}`}
    >
      {canEdit ? null : <RoleNote>{t("nrule_read_only")}</RoleNote>}
      <RuleForm
        shopId={rule.shopId}
        ruleId={rule.id}
        initial={ruleFormValues(rule)}
        templates={rule.kind === "EMAIL" ? ruleTemplateChoices(await findRuleTemplates(getDb(), { actor, shopId: rule.shopId }), t) : []}
        readOnly={!canEdit}
        messages={lang === "en" ? en : fr}
      />
    </SettingsSubPage>
  );
}
