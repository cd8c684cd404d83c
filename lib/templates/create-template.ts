import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, assertRole, assertShopAccess } from "../auth/actor";
import type { Db } from "../server/db";
import type { TemplateInput } from "./schemas";
import { assertMayChangeTemplate } from "./template-permissions";
import { auditedTemplate, clearDefaults, lockShopTemplates, parseTemplate, TEMPLATE_SELECT, templateWarnings } from "./template-rows";

/**
 * A new template of a shop (F-TPL-1), by an operator or an administrator (a default or a receipt:
 * an administrator). Made the default, it replaces the previous default of its channel, kind and
 * language in the same transaction.
 * Unknown %variables% are saved as typed and returned as warnings.
 */
export async function createTemplate(db: Db, input: { actor: Actor; shopId: string; template: TemplateInput }) {
  assertShopAccess(input.actor, input.shopId);
  assertRole(input.actor, "OPERATOR");
  const fields = parseTemplate(input.template);
  assertMayChangeTemplate(input.actor, fields);
  return db.$transaction(async (tx) => {
    await lockShopTemplates(tx, input.shopId);
    if (fields.isDefault) await clearDefaults(tx, { shopId: input.shopId, ...fields });
    const template = await tx.template.create({ data: { shopId: input.shopId, ...fields }, select: TEMPLATE_SELECT });
    await recordAuditEvent(tx, { actor: input.actor, action: "template.create", shopId: input.shopId, after: auditedTemplate(template) });
    return { template, warnings: templateWarnings(template) };
  });
}
