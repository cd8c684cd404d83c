import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, assertRole, assertShopAccess } from "../auth/actor";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import { decryptSecret } from "../server/secrets";
import { SEALED_KEYS_SELECT, SHOP_KEY_COLUMNS, type ShopKeyName } from "./shop-keys";

/** One key in clear, for an administrator to copy. Audited with the key's name, never its value. */
export async function revealShopKey(db: Db, input: { actor: Actor; shopId: string; key: ShopKeyName }): Promise<string> {
  assertShopAccess(input.actor, input.shopId);
  assertRole(input.actor, "ADMIN");
  return db.$transaction(async (tx) => {
    const shop = await tx.shop.findUnique({ where: { id: input.shopId }, select: SEALED_KEYS_SELECT });
    if (!shop) throw new AppError("NOT_FOUND", `shop ${input.shopId} not found`, { publicMessage: "Not found" });
    await recordAuditEvent(tx, { actor: input.actor, action: "shop.key.reveal", shopId: input.shopId, after: { key: input.key } });
    return decryptSecret(shop[SHOP_KEY_COLUMNS[input.key].enc]);
  });
}
