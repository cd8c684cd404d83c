import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/actor";
import type { Db } from "../server/db";
import { assertMayChangeTemplate } from "./template-permissions";
import { auditedTemplate, lockTemplateForChange } from "./template-rows";

/**
 * Deletes a template (operators; a default or a receipt: administrators). If it was the default,
 * the built-in template applies again; orders already sent keep their text.
 */
export async function deleteTemplate(db: Db, input: { actor: Actor; templateId: string }) {
  return db.$transaction(async (tx) => {
    const template = await lockTemplateForChange(tx, input.actor, input.templateId);
    assertMayChangeTemplate(input.actor, template);
    await tx.template.delete({ where: { id: template.id } });
    await recordAuditEvent(tx, {
      actor: input.actor,
      action: "template.delete",
      shopId: template.shopId,
      before: auditedTemplate(template),
    });
    return { id: template.id, name: template.name };
  });
}
