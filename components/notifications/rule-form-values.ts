import type { T } from "@/lib/i18n";
import type { RuleFormValues } from "@/lib/notifications/rules/actions";
import type { RuleTemplateOption } from "@/lib/notifications/rules/find-rule-templates";
import type { RuleDetail } from "@/lib/notifications/rules/get-rule";
import { EMAIL_TARGETS } from "@/lib/notifications/rules/options";
import type { RuleTemplateChoice } from "./rule-kind-fields";

/** A saved rule as its form shows it: an e-mail address target is the "this address" choice. */
export function ruleFormValues(rule: RuleDetail): RuleFormValues {
  const target = rule.emailTarget ?? "BUYER";
  const isNamed = (EMAIL_TARGETS as readonly string[]).includes(target);
  return {
    kind: rule.kind,
    label: rule.label,
    events: rule.events,
    channels: rule.channels,
    alertEmail: rule.alertEmail ?? "",
    retry: rule.retry,
    urlTest: rule.urlTest ?? "",
    urlProd: rule.urlProd ?? "",
    formUrlTest: rule.formUrlTest ?? "",
    formUrlProd: rule.formUrlProd ?? "",
    format: rule.format,
    hashKey: rule.hashKey,
    emailTarget: isNamed ? target : "ADDRESS",
    emailAddress: isNamed ? "" : target,
    templateId: rule.templateId ?? "",
  };
}

/** The template select's options: name, purpose and language. */
export const ruleTemplateChoices = (rows: RuleTemplateOption[], t: T): RuleTemplateChoice[] =>
  rows.map((r) => ({ id: r.id, label: `${r.name} (${t(`nrule_template_${r.kind}`)}, ${r.language})` }));
