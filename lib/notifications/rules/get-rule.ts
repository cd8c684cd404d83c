import type { Actor } from "../../auth/actor";
import type { Db } from "../../server/db";
import { AppError } from "../../server/errors";
import { RULE_SELECT, ruleShopOrThrow } from "./rule-rows";

/** One notification rule, for every user who can see its shop; NOT_FOUND for another tenant's. */
export async function getRuleOrThrow(db: Db, input: { actor: Actor; ruleId: string }) {
  await ruleShopOrThrow(db, input.actor, input.ruleId);
  const row = await db.notificationRule.findUnique({ where: { id: input.ruleId }, select: RULE_SELECT });
  if (!row) throw new AppError("NOT_FOUND", `notification rule ${input.ruleId} not found`, { publicMessage: "Not found" });
  return row;
}

export type RuleDetail = Awaited<ReturnType<typeof getRuleOrThrow>>;
