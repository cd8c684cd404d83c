import { recordAuditEvent } from "../audit/record-audit-event";
import type { UserActor } from "../auth/actor";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import { parseOrThrow } from "../server/validation";
import type { ShopKeys } from "../shops/shop-keys";
import { insertShopWithKeys } from "./insert-shop";
import { assertPlatformOperator } from "./platform-operator";
import { type NewShopInput, newShopSchema } from "./schemas";

/**
 * A shop under a merchant company (issue 19): an 8-digit id drawn at random, its settings, and its
 * TEST and PRODUCTION REST passwords and HMAC keys generated and returned once (afterwards only an
 * administrator of the company reveals them, Settings › REST API keys). Audited (never the keys).
 */
export async function createPlatformShop(db: Db, input: NewShopInput & { actor: UserActor }): Promise<{ shopId: string; keys: ShopKeys }> {
  await assertPlatformOperator(db, input.actor);
  const data = parseOrThrow(newShopSchema, input);
  return db.$transaction(async (tx) => {
    const company = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Company" WHERE id = ${data.companyId}::uuid AND NOT "isPlatform" FOR UPDATE`;
    if (!company.length) throw new AppError("NOT_FOUND", "company not found", { fields: { companyId: "err_platform_company" } });
    const shop = await insertShopWithKeys(tx, data);
    await recordAuditEvent(tx, {
      actor: input.actor,
      action: "platform.shop.create",
      companyId: data.companyId,
      shopId: shop.id,
      after: {
        name: data.name,
        timeZone: data.timeZone,
        currencies: data.currencies,
        languages: data.languages,
        defaultValidityDays: data.defaultValidityDays,
      },
    });
    return { shopId: shop.id, keys: shop.keys };
  });
}
