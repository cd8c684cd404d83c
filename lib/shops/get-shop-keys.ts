import { type Actor, assertRole, assertShopAccess } from "../auth/actor";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import { decryptSecret } from "../server/secrets";
import { maskShopKey, SEALED_KEYS_SELECT, SHOP_KEY_COLUMNS, SHOP_KEY_NAMES } from "./shop-keys";

/** A shop's REST user name and its four keys, masked (administrators only). */
export async function getShopKeys(db: Db, input: { actor: Actor; shopId: string }) {
  assertShopAccess(input.actor, input.shopId);
  assertRole(input.actor, "ADMIN");
  const shop = await db.shop.findUnique({ where: { id: input.shopId }, select: { id: true, name: true, ...SEALED_KEYS_SELECT } });
  if (!shop) throw new AppError("NOT_FOUND", `shop ${input.shopId} not found`, { publicMessage: "Not found" });
  return {
    shopId: shop.id,
    shopName: shop.name,
    keys: SHOP_KEY_NAMES.map((name) => ({ name, masked: maskShopKey(decryptSecret(shop[SHOP_KEY_COLUMNS[name].enc])) })),
  };
}

export type ShopKeysView = Awaited<ReturnType<typeof getShopKeys>>;
