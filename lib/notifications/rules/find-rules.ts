import { type Actor, assertShopAccess } from "../../auth/actor";
import type { Db } from "../../server/db";
import { AppError } from "../../server/errors";
import { RULE_SELECT } from "./rule-rows";

/**
 * Settings › Notification rules (F-SET-3): a shop's rules, oldest first, for every user who can
 * see the shop (only administrators change them). NOT_FOUND for another tenant's shop.
 */
export async function findRules(db: Db, input: { actor: Actor; shopId: string }) {
  assertShopAccess(input.actor, input.shopId);
  const shop = await db.shop.findUnique({ where: { id: input.shopId }, select: { id: true, name: true } });
  if (!shop) throw new AppError("NOT_FOUND", `shop ${input.shopId} not found`, { publicMessage: "Not found" });
  const rules = await db.notificationRule.findMany({
    where: { shopId: shop.id },
    select: RULE_SELECT,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return { shopId: shop.id, shopName: shop.name, rules };
}

export type RuleList = Awaited<ReturnType<typeof findRules>>;
export type RuleRow = RuleList["rules"][number];
