import { builtInTemplate, type TemplateChannel, type TemplateKind } from "../../emails";
import type { Db } from "../server/db";

export type ShopTemplate = {
  id: string;
  shopId: string;
  channel: string;
  kind: string;
  language: string;
  subject: string | null;
  body: string;
  isDefault: boolean;
};

/**
 * Templates a batch of messages may need, in one query: the ones chosen explicitly, and every
 * default template of the batch's shops. `pick` then resolves one message's template.
 */
export async function loadTemplates(db: Db, input: { shopIds: string[]; templateIds: string[] }) {
  const { rows } = await db.sql<ShopTemplate>(
    `SELECT id, "shopId", channel, kind, language, subject, body, "isDefault" FROM "Template"
     WHERE id = ANY($1::uuid[]) OR ("isDefault" AND "shopId" = ANY($2::varchar[]))`,
    [input.templateIds, input.shopIds],
  );
  const byId = new Map(rows.map((t) => [t.id, t]));
  const defaults = new Map(rows.filter((t) => t.isDefault).map((t) => [`${t.shopId}|${t.channel}|${t.kind}|${t.language}`, t]));
  return {
    /** The chosen template (if it is the shop's), else the shop's default for the language, else ours. */
    pick(q: { shopId: string; channel: TemplateChannel; kind: TemplateKind; language: string; templateId?: string | null }) {
      const chosen = q.templateId ? byId.get(q.templateId) : undefined;
      if (chosen && chosen.shopId === q.shopId) return { subject: chosen.subject, body: chosen.body };
      const d = defaults.get(`${q.shopId}|${q.channel}|${q.kind}|${q.language}`);
      if (d) return { subject: d.subject, body: d.body };
      return builtInTemplate(q.channel, q.kind, q.language);
    },
  };
}

/** loadTemplates for a batch of claimed messages: their shops' defaults and the templates they name. */
export function loadTemplatesOf(db: Db, messages: { shopId: string; templateId: string | null }[]) {
  return loadTemplates(db, {
    shopIds: [...new Set(messages.map((m) => m.shopId))],
    templateIds: messages.flatMap((m) => (m.templateId ? [m.templateId] : [])),
  });
}
