import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, assertRole, assertShopAccess } from "../auth/actor";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import { parseOrThrow } from "../server/validation";
import { storedFieldsSchema } from "./config";
import { type CollectFormInput, type CollectFormSettings, collectFormSchema } from "./schemas";

const KEYS = ["fields", "invoiceMode"] as const;
// Key order of stored JSON is Postgres' (jsonb sorts keys), not ours: compare values only.
const canonical = (v: CollectFormSettings[keyof CollectFormSettings]) =>
  JSON.stringify(Array.isArray(v) ? v.map((f) => [f.key, f.required, f.label ?? null]) : v);

/**
 * Saves Settings › Data collection form (F-SET-4), administrators only: creates the shop's form
 * or replaces its fields and invoice mode (publication is separate and kept). Audited with
 * before/after of what changed, in the same transaction; saving the same form writes nothing.
 */
export async function updateCollectForm(
  db: Db,
  input: { actor: Actor; shopId: string; form: CollectFormInput },
): Promise<{ form: CollectFormSettings & { publishedAt: Date | null }; changed: (keyof CollectFormSettings)[] }> {
  assertShopAccess(input.actor, input.shopId);
  assertRole(input.actor, "ADMIN");
  const next = parseOrThrow(collectFormSchema, input.form);
  return db.$transaction(async (tx) => {
    // The shop row is locked (the form's may not exist yet), so that the audited "before" is what this save replaced.
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Shop" WHERE id = ${input.shopId} FOR UPDATE`;
    if (!locked.length) throw new AppError("NOT_FOUND", `shop ${input.shopId} not found`, { publicMessage: "Not found" });
    const row = await tx.dataCollectionForm.findUnique({
      where: { shopId: input.shopId },
      select: { fields: true, invoiceMode: true, publishedAt: true },
    });
    const current: CollectFormSettings = row
      ? { fields: storedFieldsSchema.parse(row.fields), invoiceMode: row.invoiceMode }
      : { fields: [], invoiceMode: false };
    // The order of the fields is the buyer's display order: a change of order is a change.
    const changed = row ? KEYS.filter((k) => canonical(current[k]) !== canonical(next[k])) : [...KEYS];
    if (row && !changed.length) return { form: { ...next, publishedAt: row.publishedAt }, changed };
    const saved = await tx.dataCollectionForm.upsert({
      where: { shopId: input.shopId },
      create: { shopId: input.shopId, ...next },
      update: next,
      select: { publishedAt: true },
    });
    await recordAuditEvent(tx, {
      actor: input.actor,
      action: "shop.collect_form.update",
      shopId: input.shopId,
      before: row ? Object.fromEntries(changed.map((k) => [k, current[k]])) : undefined,
      after: Object.fromEntries(changed.map((k) => [k, next[k]])),
    });
    return { form: { ...next, publishedAt: saved.publishedAt }, changed };
  });
}
