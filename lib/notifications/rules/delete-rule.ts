import { recordAuditEvent } from "../../audit/record-audit-event";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../server/db";
import { auditedRule, lockRuleForChange } from "./rule-rows";

/**
 * Deletes a notification rule, administrators only. Its deliveries stay in the log (without their
 * rule); audited with the rule as it was.
 */
export async function deleteRule(db: Db, input: { actor: Actor; ruleId: string }) {
  return db.$transaction(async (tx) => {
    const rule = await lockRuleForChange(tx, input.actor, input.ruleId);
    await tx.notificationRule.delete({ where: { id: rule.id } });
    await recordAuditEvent(tx, { actor: input.actor, action: "notification_rule.delete", shopId: rule.shopId, before: auditedRule(rule) });
    return { id: rule.id, label: rule.label };
  });
}
