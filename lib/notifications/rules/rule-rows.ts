// Shared by the rule use cases: the columns they read, the tenant check, the lock taken before a
// change, the template check of e-mail rules and what an audit event keeps.
import { type Actor, assertRole, assertShopAccess } from "../../auth/actor";
import type { Db } from "../../server/db";
import { AppError } from "../../server/errors";
import { type RuleFields, ruleIdSchema, templateKindFor } from "./schemas";

export const RULE_SELECT = {
  id: true,
  shopId: true,
  kind: true,
  label: true,
  enabled: true,
  events: true,
  sources: true,
  channels: true,
  alertEmail: true,
  retry: true,
  urlTest: true,
  urlProd: true,
  formUrlTest: true,
  formUrlProd: true,
  format: true,
  hashKey: true,
  emailTarget: true,
  templateId: true,
  createdAt: true,
  updatedAt: true,
} as const;

/** The stored fields a form or an audit event compares (all but id, shop, state and dates). */
export const RULE_FIELDS = [
  "kind",
  "label",
  "events",
  "sources",
  "channels",
  "alertEmail",
  "retry",
  "urlTest",
  "urlProd",
  "formUrlTest",
  "formUrlProd",
  "format",
  "hashKey",
  "emailTarget",
  "templateId",
] as const satisfies readonly (keyof RuleFields)[];

const notFound = (what: string) => new AppError("NOT_FOUND", `notification rule ${what} not found`, { publicMessage: "Not found" });

/** The shop of a rule the actor may read; NOT_FOUND for a malformed id or another tenant's rule. */
export async function ruleShopOrThrow(db: Db, actor: Actor, ruleId: unknown): Promise<string> {
  const id = ruleIdSchema.safeParse(ruleId);
  if (!id.success) throw notFound(String(ruleId));
  const row = await db.notificationRule.findUnique({ where: { id: id.data }, select: { shopId: true } });
  if (!row) throw notFound(id.data);
  assertShopAccess(actor, row.shopId);
  return row.shopId;
}

/** Before a change: a readable rule, an administrator; then the row is locked and re-read. */
export async function lockRuleForChange(tx: Db, actor: Actor, ruleId: unknown) {
  const shopId = await ruleShopOrThrow(tx, actor, ruleId);
  assertRole(actor, "ADMIN");
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "NotificationRule" WHERE id = ${String(ruleId)}::uuid FOR UPDATE`;
  if (!locked.length) throw notFound(String(ruleId));
  const row = await tx.notificationRule.findUnique({ where: { id: String(ruleId) }, select: RULE_SELECT });
  if (!row || row.shopId !== shopId) throw notFound(String(ruleId));
  return row;
}

/** An e-mail rule's template must be one of the shop's receipt e-mails for its target (VALIDATION otherwise). */
export async function assertRuleTemplate(db: Db, shopId: string, rule: RuleFields): Promise<void> {
  if (!rule.templateId || !rule.emailTarget) return;
  const t = await db.template.findFirst({
    where: { id: rule.templateId, shopId, channel: "MAIL", kind: templateKindFor(rule.emailTarget) },
    select: { id: true },
  });
  if (!t) {
    const fields = { templateId: "err_rule_template" };
    throw new AppError("VALIDATION", `template ${rule.templateId} is not a receipt of shop ${shopId}`, {
      fields,
      publicMessage: "invalid_input",
    });
  }
}

type Json = string | number | boolean | null | Json[] | readonly string[];
/** A rule as an audit event keeps it (its fields, and whether it is enabled). */
export const auditedRule = (r: Record<(typeof RULE_FIELDS)[number], Json> & { id: string; enabled: boolean }) => ({
  id: r.id,
  enabled: r.enabled,
  ...(Object.fromEntries(RULE_FIELDS.map((k) => [k, r[k]])) as Record<(typeof RULE_FIELDS)[number], Json>),
});
