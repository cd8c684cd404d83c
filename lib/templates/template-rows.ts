// Shared by the template use cases: the columns they read, the lock that serialises a shop's
// template changes, the "one default" rule, and what an audit event keeps.
import type { TemplateChannel, TemplateKind } from "../../emails/types";
import { type Actor, assertRole, assertShopAccess } from "../auth/actor";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import type { Channel } from "../server/generated/prisma/enums";
import { parseOrThrow } from "../server/validation";
import { findUnknownVariables } from "./render-template";
import type { ShopTemplate } from "./resolve-template";
import { sanitizeTemplateHtml } from "./sanitize-template-html";
import { hasContent, type TemplateFields, type TemplateInput, templateIdSchema, templateSchema } from "./schemas";

export const TEMPLATE_SELECT = {
  id: true,
  shopId: true,
  name: true,
  channel: true,
  kind: true,
  language: true,
  subject: true,
  body: true,
  isDefault: true,
  updatedAt: true,
} as const;

const notFound = (what: string) => new AppError("NOT_FOUND", `template ${what} not found`, { publicMessage: "Not found" });

/**
 * Serialises the changes to one shop's templates (so that two "make default" cannot both win).
 * FOR NO KEY UPDATE: orders being created for the shop (FOR KEY SHARE) are not blocked.
 */
export async function lockShopTemplates(tx: Db, shopId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Shop" WHERE id = ${shopId} FOR NO KEY UPDATE`;
  if (!rows.length) throw new AppError("NOT_FOUND", `shop ${shopId} not found`, { publicMessage: "Not found" });
}

/** The shop of a template the actor may read; NOT_FOUND for a malformed id or another tenant's template. */
export async function templateShopOrThrow(db: Db, actor: Actor, templateId: unknown): Promise<string> {
  const id = templateIdSchema.safeParse(templateId);
  if (!id.success) throw notFound(String(templateId));
  const row = await db.template.findUnique({ where: { id: id.data }, select: { shopId: true } });
  if (!row) throw notFound(id.data);
  assertShopAccess(actor, row.shopId);
  return row.shopId;
}

/** Before a change: a readable template, a role that may change it; then the shop is locked and the row re-read. */
export async function lockTemplateForChange(tx: Db, actor: Actor, templateId: unknown) {
  const shopId = await templateShopOrThrow(tx, actor, templateId);
  assertRole(actor, "OPERATOR");
  await lockShopTemplates(tx, shopId);
  const row = await tx.template.findUnique({ where: { id: String(templateId) }, select: TEMPLATE_SELECT });
  if (!row || row.shopId !== shopId) throw notFound(String(templateId));
  return row;
}

/** Unsets the other defaults of the same shop, channel, kind and language; returns their ids. */
export async function clearDefaults(
  tx: Db,
  t: { shopId: string; channel: Channel; kind: string; language: string; exceptId?: string },
): Promise<string[]> {
  const where = {
    shopId: t.shopId,
    channel: t.channel,
    kind: t.kind,
    language: t.language,
    isDefault: true,
    ...(t.exceptId ? { NOT: { id: t.exceptId } } : {}),
  };
  const previous = await tx.template.findMany({ where, select: { id: true } });
  if (previous.length) await tx.template.updateMany({ where: { id: { in: previous.map((p) => p.id) } }, data: { isDefault: false } });
  return previous.map((p) => p.id);
}

/**
 * A template as it is stored: checked, and an e-mail body sanitized (scripts, event handlers…
 * removed; %url% in an href kept). A body that was only what the sanitizer removes is empty.
 */
export function parseTemplate(input: TemplateInput): TemplateFields {
  const t = parseOrThrow(templateSchema, input);
  if (t.channel !== "MAIL") return t;
  const body = sanitizeTemplateHtml(t.body).trim();
  if (!hasContent("MAIL", body)) {
    const fields = { body: "err_tpl_body_required" };
    throw new AppError("VALIDATION", "empty body once sanitized", { fields, publicMessage: "invalid_input" });
  }
  return { ...t, body };
}

/** The %xyz% of a subject or body that are not variables: saved as typed, shown to the author. */
export const templateWarnings = (t: { subject: string | null; body: string }) => findUnknownVariables(`${t.subject ?? ""}\n${t.body}`);

/** A template as an audit event keeps it. */
export const auditedTemplate = (t: Omit<ShopTemplate, "shopId"> & { name: string }) => ({
  id: t.id,
  name: t.name,
  channel: t.channel,
  kind: t.kind,
  language: t.language,
  subject: t.subject,
  body: t.body,
  isDefault: t.isDefault,
});

export type TemplateRow = {
  id: string;
  shopId: string;
  name: string;
  channel: TemplateChannel | "INVOICE";
  kind: TemplateKind | string;
  language: string;
  subject: string | null;
  body: string;
  isDefault: boolean;
  updatedAt: Date;
};
