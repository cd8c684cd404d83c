import { type Actor, assertShopAccess } from "../../auth/actor";
import type { Db } from "../../server/db";

/**
 * The e-mail templates an e-mail rule may use: the shop's receipts, to the buyer or to the
 * merchant (Settings › Templates). None chosen = the shop's default, else the built-in one.
 */
export async function findRuleTemplates(db: Db, input: { actor: Actor; shopId: string }) {
  assertShopAccess(input.actor, input.shopId);
  return db.template.findMany({
    where: { shopId: input.shopId, channel: "MAIL", kind: { in: ["RECEIPT_BUYER", "RECEIPT_MERCHANT"] } },
    select: { id: true, name: true, kind: true, language: true },
    orderBy: [{ kind: "asc" }, { name: "asc" }, { id: "asc" }],
  });
}

export type RuleTemplateOption = Awaited<ReturnType<typeof findRuleTemplates>>[number];
