import { type Actor, assertShopAccess } from "../auth/actor";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import { type FieldConfig, storedFieldsSchema } from "./config";

export type SavedCollectForm = { fields: FieldConfig[]; invoiceMode: boolean; publishedAt: Date | null; updatedAt: Date };

/**
 * A shop's data collection form as Settings shows it (F-SET-4), for every user who can see the
 * shop (only administrators may change it). `form` is null while it was never saved.
 */
export async function getCollectFormSettings(db: Db, input: { actor: Actor; shopId: string }) {
  assertShopAccess(input.actor, input.shopId);
  const shop = await db.shop.findUnique({
    where: { id: input.shopId },
    select: {
      id: true,
      name: true,
      timeZone: true,
      dataCollectionForm: { select: { fields: true, invoiceMode: true, publishedAt: true, updatedAt: true } },
    },
  });
  if (!shop) throw new AppError("NOT_FOUND", `shop ${input.shopId} not found`, { publicMessage: "Not found" });
  const row = shop.dataCollectionForm;
  const form: SavedCollectForm | null = row ? { ...row, fields: storedFieldsSchema.parse(row.fields) } : null;
  return { shopId: shop.id, shopName: shop.name, timeZone: shop.timeZone, form };
}

export type CollectFormSettingsView = Awaited<ReturnType<typeof getCollectFormSettings>>;
