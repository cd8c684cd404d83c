import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, assertRole, assertShopAccess } from "../auth/actor";
import { parseRemindersPolicy } from "../reminders/policy";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import { parseOrThrow } from "../server/validation";
import { SHOP_SETTINGS_SELECT } from "./get-shop-settings";
import { type ShopSettings, type ShopSettingsInput, shopSettingsSchema } from "./schemas";

/**
 * Codes kept in their current order, new ones appended: the first currency is the one the
 * creation form proposes, so ticking another one must not change it.
 */
const keepOrder = (current: string[], next: string[]) => [
  ...current.filter((c) => next.includes(c)),
  ...next.filter((c) => !current.includes(c)),
];

/**
 * Settings › Shop (F-SET-1), administrators only. The new values are the defaults of the orders
 * created from now on (existing orders keep theirs). Audited with before/after of the changed
 * fields, in the same transaction; saving unchanged values writes nothing.
 */
export async function updateShopSettings(db: Db, input: { actor: Actor; shopId: string; settings: ShopSettingsInput }) {
  assertShopAccess(input.actor, input.shopId);
  assertRole(input.actor, "ADMIN");
  const next = parseOrThrow(shopSettingsSchema, input.settings);
  return db.$transaction(async (tx) => {
    // Locked, so that the audited "before" is what this update replaced.
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Shop" WHERE id = ${input.shopId} FOR UPDATE`;
    if (!locked.length) throw new AppError("NOT_FOUND", `shop ${input.shopId} not found`, { publicMessage: "Not found" });
    const row = await tx.shop.findUniqueOrThrow({ where: { id: input.shopId }, select: SHOP_SETTINGS_SELECT });
    // The stored policy as it reads (the default when none or unreadable), compared and audited whole.
    const current = { ...row, remindersPolicy: parseRemindersPolicy(row.remindersPolicy) };
    const wanted: Required<ShopSettings> = {
      ...next,
      languages: keepOrder(current.languages, next.languages),
      currencies: keepOrder(current.currencies, next.currencies),
      remindersPolicy: next.remindersPolicy ?? current.remindersPolicy,
      apiRequestsPerMinute: next.apiRequestsPerMinute === undefined ? current.apiRequestsPerMinute : next.apiRequestsPerMinute,
      apiTestRecipientsPerHour:
        next.apiTestRecipientsPerHour === undefined ? current.apiTestRecipientsPerHour : next.apiTestRecipientsPerHour,
    };
    const changed = (Object.keys(wanted) as (keyof ShopSettings)[]).filter((k) => JSON.stringify(current[k]) !== JSON.stringify(wanted[k]));
    if (changed.length) {
      const data = Object.fromEntries(changed.map((k) => [k, wanted[k]]));
      await tx.shop.update({ where: { id: input.shopId }, data });
      await recordAuditEvent(tx, {
        actor: input.actor,
        action: "shop.settings.update",
        shopId: input.shopId,
        before: Object.fromEntries(changed.map((k) => [k, current[k]])),
        after: data,
      });
    }
    return { settings: wanted, changed };
  });
}
