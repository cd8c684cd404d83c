import { recordAuditEvent } from "../../audit/record-audit-event";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../server/db";
import { lockRuleForChange } from "./rule-rows";

/**
 * Enables or disables a notification rule, administrators only: a disabled rule raises no new
 * delivery. Audited; asking for the current state changes nothing.
 */
export async function setRuleEnabled(db: Db, input: { actor: Actor; ruleId: string; enabled: boolean }) {
  return db.$transaction(async (tx) => {
    const rule = await lockRuleForChange(tx, input.actor, input.ruleId);
    if (rule.enabled === input.enabled) return { id: rule.id, enabled: rule.enabled, changed: false };
    await tx.notificationRule.update({ where: { id: rule.id }, data: { enabled: input.enabled, updatedAt: new Date() } });
    await recordAuditEvent(tx, {
      actor: input.actor,
      action: input.enabled ? "notification_rule.enable" : "notification_rule.disable",
      shopId: rule.shopId,
      before: { id: rule.id, enabled: rule.enabled },
      after: { id: rule.id, enabled: input.enabled },
    });
    return { id: rule.id, enabled: input.enabled, changed: true };
  });
}
