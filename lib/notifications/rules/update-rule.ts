import { recordAuditEvent } from "../../audit/record-audit-event";
import type { Actor } from "../../auth/actor";
import type { Db } from "../../server/db";
import { parseOrThrow } from "../../server/validation";
import { assertRuleTemplate, lockRuleForChange, RULE_FIELDS, RULE_SELECT } from "./rule-rows";
import { type RuleInput, ruleSchema } from "./schemas";

/**
 * Saves a notification rule's fields (F-SET-3), administrators only. Its kind is the one it was
 * created with (the input's is ignored), and enabling is separate (setRuleEnabled). Audited with
 * before/after of what changed; saving the same values writes nothing. Deliveries already queued
 * keep their URL and payload.
 */
export async function updateRule(db: Db, input: { actor: Actor; ruleId: string; rule: RuleInput }) {
  return db.$transaction(async (tx) => {
    const current = await lockRuleForChange(tx, input.actor, input.ruleId);
    const next = parseOrThrow(ruleSchema, { ...input.rule, kind: current.kind });
    await assertRuleTemplate(tx, current.shopId, next);
    const changed = RULE_FIELDS.filter((k) => JSON.stringify(current[k]) !== JSON.stringify(next[k]));
    if (!changed.length) return { rule: current, changed };
    const data = Object.fromEntries(changed.map((k) => [k, next[k]]));
    const rule = await tx.notificationRule.update({
      where: { id: current.id },
      data: { ...data, updatedAt: new Date() },
      select: RULE_SELECT,
    });
    await recordAuditEvent(tx, {
      actor: input.actor,
      action: "notification_rule.update",
      shopId: current.shopId,
      before: { id: current.id, ...Object.fromEntries(changed.map((k) => [k, current[k]])) },
      after: { id: current.id, ...data },
    });
    return { rule, changed };
  });
}
