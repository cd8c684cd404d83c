// /settings/notification-rules/new?shop=&kind=URL_CALL|EMAIL — a new notification rule of that kind (administrators).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RuleForm } from "@/components/notifications/rule-form";
import { ruleTemplateChoices } from "@/components/notifications/rule-form-values";
import { SettingsSubPage } from "@/components/settings/settings-page";
import { hasRole } from "@/lib/auth/actor";
import { requireSession } from "@/lib/auth/session";
import { translator } from "@/lib/i18n";
import { en } from "@/lib/i18n/messages/en";
import { fr } from "@/lib/i18n/messages/fr";
import { getUiLanguage } from "@/lib/i18n/server";
import { findRuleTemplates } from "@/lib/notifications/rules/find-rule-templates";
import { RULE_KINDS } from "@/lib/notifications/rules/options";
import { getDb } from "@/lib/server/db";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await getUiLanguage())("nrule_title") };
}

export default async function NewRulePage({ searchParams }: { searchParams: Promise<{ shop?: string; kind?: string }> }) {
  const { actor, shops } = await requireSession();
  if (!hasRole(actor, "ADMIN")) notFound();
  const sp = await searchParams;
  const shop = shops.find((s) => s.id === sp.shop) ?? shops[0];
  if (!shop) notFound();
  const kind = RULE_KINDS.find((k) => k === sp.kind) ?? "URL_CALL";
  const lang = await getUiLanguage();
  const t = translator(lang);
  return (
    <SettingsSubPage
      back={{ href: `/settings/notification-rules?shop=${shop.id}`, label: t("nrule_back") }}
      title={t(`nrule_new_title_${kind}`)}
      subtitle={`${shop.name} (${shop.id})`}
    >
      <RuleForm
        shopId={shop.id}
        ruleId={null}
        initial={{
          kind,
          label: "",
          events: kind === "EMAIL" ? ["PAYMENT_ACCEPTED"] : ["PAYMENT_ACCEPTED", "PAYMENT_REFUSED"],
          channels: [],
          alertEmail: "",
          retry: true,
          urlTest: "",
          formUrlTest: "",
          formUrlProd: "",
          urlProd: "",
          format: "REST",
          hashKey: "password",
          emailTarget: "BUYER",
          emailAddress: "",
          templateId: "",
        }}
        templates={kind === "EMAIL" ? ruleTemplateChoices(await findRuleTemplates(getDb(), { actor, shopId: shop.id }), t) : []}
        readOnly={false}
        messages={lang === "en" ? en : fr}
      />
    </SettingsSubPage>
  );
}
