import { builtInTemplate } from "../../emails";
import { type Actor, assertRole, assertShopAccess } from "../auth/actor";
import type { Db } from "../server/db";
import { parseOrThrow } from "../server/validation";
import { mailTemplatesQuerySchema } from "./schemas";

export type MailTemplateChoice = { id: string; name: string; subject: string; body: string; isDefault: boolean };

/**
 * The "order by e-mail" dialog's templates for a shop and a language: the shop's e-mail order
 * templates, and the default one (the shop's own default, else the built-in text).
 */
export async function findMailTemplates(db: Db, input: { actor: Actor; shopId: string; language: string }) {
  const q = parseOrThrow(mailTemplatesQuerySchema, { shopId: input.shopId, language: input.language });
  assertShopAccess(input.actor, q.shopId);
  assertRole(input.actor, "OPERATOR");
  const rows = await db.template.findMany({
    where: { shopId: q.shopId, channel: "MAIL", kind: "ORDER", language: q.language },
    orderBy: [{ isDefault: "desc" }, { name: "asc" }],
    select: { id: true, name: true, subject: true, body: true, isDefault: true },
    take: 200,
  });
  const templates: MailTemplateChoice[] = rows.map((t) => ({ ...t, subject: t.subject ?? "" }));
  const own = templates.find((t) => t.isDefault);
  const builtIn = builtInTemplate("MAIL", "ORDER", q.language);
  const defaultTemplate = own ? { subject: own.subject, body: own.body } : { subject: builtIn.subject ?? "", body: builtIn.body };
  return { language: q.language, defaultTemplate, templates };
}

export type MailTemplates = Awaited<ReturnType<typeof findMailTemplates>>;
