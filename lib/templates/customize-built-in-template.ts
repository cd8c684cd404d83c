import { builtInTemplate } from "../../emails";
import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, assertShopAccess } from "../auth/actor";
import { translator } from "../i18n";
import type { UiLanguage } from "../i18n/locales";
import type { Db } from "../server/db";
import { parseOrThrow } from "../server/validation";
import { copyName } from "./duplicate-template";
import { builtInRefSchema } from "./schemas";
import { assertTemplateAdmin } from "./template-permissions";
import { auditedTemplate, lockShopTemplates, TEMPLATE_SELECT } from "./template-rows";

/**
 * "Customise" a built-in template: an editable copy in the shop, not the default (the built-in
 * one stays in use until the copy is made the default). Administrators only.
 */
export async function customizeBuiltInTemplate(
  db: Db,
  input: { actor: Actor; shopId: string; builtIn: { channel: unknown; kind: unknown; language: unknown }; uiLanguage: UiLanguage },
) {
  assertShopAccess(input.actor, input.shopId);
  assertTemplateAdmin(input.actor);
  const ref = parseOrThrow(builtInRefSchema, input.builtIn);
  const source = builtInTemplate(ref.channel, ref.kind, ref.language);
  const name = copyName(`${translator(input.uiLanguage)("tpl_builtin_name")} ${ref.language.toUpperCase()}`, input.uiLanguage);
  return db.$transaction(async (tx) => {
    await lockShopTemplates(tx, input.shopId);
    const template = await tx.template.create({
      data: { shopId: input.shopId, ...ref, name, subject: source.subject, body: source.body, isDefault: false },
      select: TEMPLATE_SELECT,
    });
    await recordAuditEvent(tx, {
      actor: input.actor,
      action: "template.duplicate",
      shopId: input.shopId,
      before: { builtIn: ref },
      after: auditedTemplate(template),
    });
    return { template };
  });
}
