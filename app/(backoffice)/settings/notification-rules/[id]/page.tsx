// /settings/notification-rules/[id] — one notification rule: administrators edit it, other roles read it.
import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound } from "@/app/(backoffice)/or-not-found";
import { RuleForm } from "@/components/notifications/rule-form";
import { ruleFormValues, ruleTemplateChoices } from "@/components/notifications/rule-form-values";
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
    <section aria-labelledby="title" className="max-w-3xl">
      <p className="mb-2">
        <Link href={`/settings/notification-rules?shop=${rule.shopId}`} className="text-sm text-brand-700 underline">
          {t("nrule_back")}
        </Link>
      </p>
      <h1 id="title" className="mb-1 text-2xl font-semibold">
        {t(canEdit ? "nrule_edit_title" : "nrule_view_title")}
      </h1>
      <p className="mb-6 text-slate-700">
        {shop?.name} ({rule.shopId}) · {t(`nrule_kind_${rule.kind}`)} · {t(rule.enabled ? "nrule_enabled" : "nrule_disabled")}
      </p>
      {canEdit ? null : (
        <p className="mb-4 rounded-md bg-slate-100 p-3 text-sm text-slate-800" data-testid="read-only-note">
          {t("nrule_read_only")}
        </p>
      )}
      <RuleForm
        shopId={rule.shopId}
        ruleId={rule.id}
        initial={ruleFormValues(rule)}
        templates={rule.kind === "EMAIL" ? ruleTemplateChoices(await findRuleTemplates(getDb(), { actor, shopId: rule.shopId }), t) : []}
        readOnly={!canEdit}
        messages={lang === "en" ? en : fr}
      />
    </section>
  );
}
