import type { Actor } from "../auth/actor";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import { TEMPLATE_SELECT, templateShopOrThrow } from "./template-rows";

/** One template, for every user who can see its shop; NOT_FOUND for another tenant's. */
export async function getTemplateOrThrow(db: Db, input: { actor: Actor; templateId: string }) {
  await templateShopOrThrow(db, input.actor, input.templateId);
  const row = await db.template.findUnique({ where: { id: input.templateId }, select: TEMPLATE_SELECT });
  if (!row) throw new AppError("NOT_FOUND", `template ${input.templateId} not found`, { publicMessage: "Not found" });
  return row;
}

export type TemplateDetail = Awaited<ReturnType<typeof getTemplateOrThrow>>;
