import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, assertRole, assertShopAccess } from "../auth/actor";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import { digestKey, encryptSecret } from "../server/secrets";
import { newShopKey, SHOP_KEY_COLUMNS, type ShopKeyName } from "./shop-keys";

/**
 * Replaces one key with a new random value and returns it in clear (shown once to the
 * administrator). The old value stops working at once: the API looks passwords up by digest on
 * every request, with no cache. Audited with the key's name, never a value.
 */
export async function rotateShopKey(db: Db, input: { actor: Actor; shopId: string; key: ShopKeyName }): Promise<string> {
  assertShopAccess(input.actor, input.shopId);
  assertRole(input.actor, "ADMIN");
  const value = newShopKey(input.key);
  const { enc, digest } = SHOP_KEY_COLUMNS[input.key];
  await db.$transaction(async (tx) => {
    const res = await tx.shop.updateMany({
      where: { id: input.shopId },
      data: digest ? { [enc]: encryptSecret(value), [digest]: digestKey(value) } : { [enc]: encryptSecret(value) },
    });
    if (res.count !== 1) throw new AppError("NOT_FOUND", `shop ${input.shopId} not found`, { publicMessage: "Not found" });
    await recordAuditEvent(tx, { actor: input.actor, action: "shop.key.rotate", shopId: input.shopId, after: { key: input.key } });
  });
  return value;
}
