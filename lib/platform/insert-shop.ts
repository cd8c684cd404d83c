import type { Db } from "../server/db";
import { randomBytesPooled } from "../server/secrets";
import { generateShopKeys, type ShopKeys, sealShopKeys } from "../shops/shop-keys";

/** A new 8-digit shop id (the REST user name), not starting with 0, not taken. */
async function newShopId(tx: Db): Promise<string> {
  for (;;) {
    const id = String(10_000_000 + (randomBytesPooled(4).readUInt32BE(0) % 90_000_000));
    if (!(await tx.shop.findUnique({ where: { id }, select: { id: true } }))) return id;
  }
}

/**
 * Writes a shop with freshly generated REST passwords and HMAC keys (the API keys page's own
 * generator), and returns them in clear: the one time anybody sees them without revealing.
 */
export async function insertShopWithKeys(
  tx: Db,
  input: { companyId: string; name: string; timeZone: string; currencies: string[]; languages: string[]; defaultValidityDays: number },
): Promise<{ id: string; keys: ShopKeys }> {
  const id = await newShopId(tx);
  const keys = generateShopKeys();
  await tx.shop.create({
    data: {
      id,
      companyId: input.companyId,
      name: input.name,
      timeZone: input.timeZone,
      currencies: input.currencies,
      languages: input.languages,
      defaultLanguage: input.languages[0],
      defaultValidityDays: input.defaultValidityDays,
      ...sealShopKeys(keys),
    },
  });
  return { id, keys };
}
