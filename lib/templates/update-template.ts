import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, assertRole } from "../auth/actor";
import type { Db } from "../server/db";
import type { TemplateFields, TemplateInput } from "./schemas";
import { assertMayChangeTemplate } from "./template-permissions";
import { clearDefaults, lockTemplateForChange, parseTemplate, TEMPLATE_SELECT, templateWarnings } from "./template-rows";

const FIELDS = ["name", "channel", "kind", "language", "subject", "body", "isDefault"] as const satisfies readonly (keyof TemplateFields)[];

/**
 * Changes a template (operators; a default or a receipt, before or after the change:
 * administrators). Ticking "default" unsets the other default of the same channel, kind and
 * language in the same transaction. Audited with before/after of the changed fields; saving
 * unchanged values writes nothing.
 */
export async function updateTemplate(db: Db, input: { actor: Actor; templateId: string; template: TemplateInput }) {
  assertRole(input.actor, "OPERATOR");
  const next = parseTemplate(input.template);
  return db.$transaction(async (tx) => {
    const current = await lockTemplateForChange(tx, input.actor, input.templateId);
    assertMayChangeTemplate(input.actor, current, next);
    const changed = FIELDS.filter((k) => current[k] !== next[k]);
    if (!changed.length) return { template: current, changed, warnings: templateWarnings(current) };
    if (next.isDefault) await clearDefaults(tx, { shopId: current.shopId, ...next, exceptId: current.id });
    const data = Object.fromEntries(changed.map((k) => [k, next[k]]));
    const template = await tx.template.update({ where: { id: current.id }, data, select: TEMPLATE_SELECT });
    await recordAuditEvent(tx, {
      actor: input.actor,
      action: "template.update",
      shopId: current.shopId,
      before: { id: current.id, ...Object.fromEntries(changed.map((k) => [k, current[k]])) },
      after: { id: current.id, ...data },
    });
    return { template, changed, warnings: templateWarnings(template) };
  });
}
