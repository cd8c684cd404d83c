import { type Actor, assertShopAccess } from "../auth/actor";
import { parseRemindersPolicy } from "../reminders/policy";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";

/** The columns Settings › Shop shows and edits (F-SET-1). */
export const SHOP_SETTINGS_SELECT = {
  name: true,
  url: true,
  managerEmail: true,
  defaultValidityDays: true,
  referenceMandatory: true,
  defaultValidationMode: true,
  defaultCaptureDelay: true,
  timeZone: true,
  languages: true,
  defaultLanguage: true,
  currencies: true,
  acceptedBrands: true,
  remindersPolicy: true,
  apiRequestsPerMinute: true,
  apiTestRecipientsPerHour: true,
} as const;

/** A shop's settings, for every user who can see the shop (only administrators may change them). */
export async function getShopSettings(db: Db, input: { actor: Actor; shopId: string }) {
  assertShopAccess(input.actor, input.shopId);
  const shop = await db.shop.findUnique({ where: { id: input.shopId }, select: { id: true, ...SHOP_SETTINGS_SELECT } });
  if (!shop) throw new AppError("NOT_FOUND", `shop ${input.shopId} not found`, { publicMessage: "Not found" });
  const { id, remindersPolicy, ...settings } = shop;
  return { shopId: id, settings: { ...settings, remindersPolicy: parseRemindersPolicy(remindersPolicy) } };
}

export type ShopSettingsView = Awaited<ReturnType<typeof getShopSettings>>;
