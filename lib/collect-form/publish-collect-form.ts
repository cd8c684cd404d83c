import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, assertRole, assertShopAccess } from "../auth/actor";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import { storedFieldsSchema } from "./config";

/** The shop's form, locked for this transaction (NOT_FOUND when the shop is not there). */
async function lockForm(tx: Db, shopId: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Shop" WHERE id = ${shopId} FOR UPDATE`;
  if (!locked.length) throw new AppError("NOT_FOUND", `shop ${shopId} not found`, { publicMessage: "Not found" });
  return tx.dataCollectionForm.findUnique({ where: { shopId }, select: { fields: true, invoiceMode: true, publishedAt: true } });
}

/**
 * Publishes the shop's data collection form (F-SET-4), administrators only: from then on
 * PRODUCTION orders may use it (TEST orders may as soon as it is saved). It must be saved and
 * ask for at least one field or take invoice references (CONFLICT otherwise). Audited; publishing
 * a published form changes nothing and keeps its date.
 */
export async function publishCollectForm(
  db: Db,
  input: { actor: Actor; shopId: string },
  now: Date = new Date(),
): Promise<{ publishedAt: Date; changed: boolean }> {
  assertShopAccess(input.actor, input.shopId);
  assertRole(input.actor, "ADMIN");
  return db.$transaction(async (tx) => {
    const form = await lockForm(tx, input.shopId);
    if (!form || (!form.invoiceMode && storedFieldsSchema.parse(form.fields).length === 0)) {
      throw new AppError("CONFLICT", `shop ${input.shopId} has no usable data collection form`, {
        publicMessage: "err_collect_publish_unsaved",
      });
    }
    if (form.publishedAt) return { publishedAt: form.publishedAt, changed: false };
    await tx.dataCollectionForm.update({ where: { shopId: input.shopId }, data: { publishedAt: now } });
    await recordAuditEvent(tx, {
      actor: input.actor,
      action: "shop.collect_form.publish",
      shopId: input.shopId,
      before: { publishedAt: null },
      after: { publishedAt: now.toISOString() },
    });
    return { publishedAt: now, changed: true };
  });
}

/**
 * Withdraws the form from production, administrators only: PRODUCTION orders can no longer be
 * created with it (TEST orders still can). Audited; unpublishing an unpublished form changes nothing.
 */
export async function unpublishCollectForm(db: Db, input: { actor: Actor; shopId: string }): Promise<{ changed: boolean }> {
  assertShopAccess(input.actor, input.shopId);
  assertRole(input.actor, "ADMIN");
  return db.$transaction(async (tx) => {
    const form = await lockForm(tx, input.shopId);
    if (!form?.publishedAt) return { changed: false };
    await tx.dataCollectionForm.update({ where: { shopId: input.shopId }, data: { publishedAt: null } });
    await recordAuditEvent(tx, {
      actor: input.actor,
      action: "shop.collect_form.unpublish",
      shopId: input.shopId,
      before: { publishedAt: form.publishedAt.toISOString() },
      after: { publishedAt: null },
    });
    return { changed: true };
  });
}
