import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/actor";
import { translator } from "../i18n";
import type { UiLanguage } from "../i18n/locales";
import type { Db } from "../server/db";
import { NAME_MAX_LENGTH } from "./schemas";
import { assertMayChangeTemplate } from "./template-permissions";
import { auditedTemplate, lockTemplateForChange, TEMPLATE_SELECT } from "./template-rows";

/** "Name (copy)" in the author's language, the name shortened if both would exceed the limit. */
export function copyName(name: string, uiLanguage: UiLanguage): string {
  const suffix = ` ${translator(uiLanguage)("tpl_copy_suffix")}`;
  return `${name.slice(0, NAME_MAX_LENGTH - suffix.length).trim()}${suffix}`;
}

/** A copy of a template, to edit without touching the original; never the default (operators; of a receipt: administrators). */
export async function duplicateTemplate(db: Db, input: { actor: Actor; templateId: string; uiLanguage: UiLanguage }) {
  return db.$transaction(async (tx) => {
    const source = await lockTemplateForChange(tx, input.actor, input.templateId);
    assertMayChangeTemplate(input.actor, { kind: source.kind, isDefault: false });
    const { id: _id, updatedAt: _u, shopId, ...fields } = source;
    const template = await tx.template.create({
      data: { ...fields, shopId, name: copyName(source.name, input.uiLanguage), isDefault: false },
      select: TEMPLATE_SELECT,
    });
    await recordAuditEvent(tx, {
      actor: input.actor,
      action: "template.duplicate",
      shopId,
      before: { sourceId: source.id },
      after: auditedTemplate(template),
    });
    return { template };
  });
}
