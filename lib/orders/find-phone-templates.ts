import { builtInTemplate } from "../../emails";
import { type Actor, assertRole, assertShopAccess } from "../auth/actor";
import type { Db } from "../server/db";
import { parseOrThrow } from "../server/validation";
import { phoneTemplatesQuerySchema } from "./schemas";

export type PhoneTemplateChoice = { id: string; name: string; body: string; isDefault: boolean };

/**
 * The "order by SMS / WhatsApp" dialogs' templates for a shop, a channel and a language: the
 * shop's order templates, and the default text (the shop's own default, else the built-in one).
 */
export async function findPhoneTemplates(db: Db, input: { actor: Actor; shopId: string; channel: string; language: string }) {
  const q = parseOrThrow(phoneTemplatesQuerySchema, { shopId: input.shopId, channel: input.channel, language: input.language });
  assertShopAccess(input.actor, q.shopId);
  assertRole(input.actor, "OPERATOR");
  const templates: PhoneTemplateChoice[] = await db.template.findMany({
    where: { shopId: q.shopId, channel: q.channel, kind: "ORDER", language: q.language },
    orderBy: [{ isDefault: "desc" }, { name: "asc" }],
    select: { id: true, name: true, body: true, isDefault: true },
    take: 200,
  });
  const own = templates.find((t) => t.isDefault);
  return {
    channel: q.channel,
    language: q.language,
    defaultBody: own?.body ?? builtInTemplate(q.channel, "ORDER", q.language).body,
    templates,
  };
}

export type PhoneTemplates = Awaited<ReturnType<typeof findPhoneTemplates>>;
