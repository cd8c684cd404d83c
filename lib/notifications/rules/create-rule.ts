import { recordAuditEvent } from "../../audit/record-audit-event";
import { type Actor, assertRole, assertShopAccess } from "../../auth/actor";
import type { Db } from "../../server/db";
import { AppError } from "../../server/errors";
import { parseOrThrow } from "../../server/validation";
import { assertRuleTemplate, auditedRule, RULE_SELECT } from "./rule-rows";
import { type RuleInput, ruleSchema } from "./schemas";

/**
 * Creates a notification rule (F-SET-3), administrators only; it is enabled at once. Every field
 * is checked first (VALIDATION naming each bad one, nothing written); audited in the same
 * transaction.
 */
export async function createRule(db: Db, input: { actor: Actor; shopId: string; rule: RuleInput }) {
  assertShopAccess(input.actor, input.shopId);
  assertRole(input.actor, "ADMIN");
  const fields = parseOrThrow(ruleSchema, input.rule);
  return db.$transaction(async (tx) => {
    const shop = await tx.shop.findUnique({ where: { id: input.shopId }, select: { id: true } });
    if (!shop) throw new AppError("NOT_FOUND", `shop ${input.shopId} not found`, { publicMessage: "Not found" });
    await assertRuleTemplate(tx, input.shopId, fields);
    const rule = await tx.notificationRule.create({ data: { shopId: input.shopId, ...fields }, select: RULE_SELECT });
    await recordAuditEvent(tx, { actor: input.actor, action: "notification_rule.create", shopId: input.shopId, after: auditedRule(rule) });
    return { rule };
  });
}
