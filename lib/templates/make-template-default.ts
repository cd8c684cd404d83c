import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/actor";
import type { Db } from "../server/db";
import { assertTemplateAdmin } from "./template-permissions";
import { clearDefaults, lockTemplateForChange } from "./template-rows";

/**
 * Makes a template the default of its channel, kind and language (F-TPL-1), administrators only:
 * the previous default is unset in the same transaction, so a shop has at most one. Already the
 * default: nothing written.
 */
export async function makeTemplateDefault(db: Db, input: { actor: Actor; templateId: string }) {
  return db.$transaction(async (tx) => {
    const t = await lockTemplateForChange(tx, input.actor, input.templateId);
    assertTemplateAdmin(input.actor);
    if (t.isDefault) return { changed: false, previous: [] as string[] };
    const previous = await clearDefaults(tx, { shopId: t.shopId, channel: t.channel, kind: t.kind, language: t.language, exceptId: t.id });
    await tx.template.update({ where: { id: t.id }, data: { isDefault: true } });
    await recordAuditEvent(tx, {
      actor: input.actor,
      action: "template.default",
      shopId: t.shopId,
      before: { channel: t.channel, kind: t.kind, language: t.language, defaultIds: previous },
      after: { channel: t.channel, kind: t.kind, language: t.language, defaultIds: [t.id] },
    });
    return { changed: true, previous };
  });
}
