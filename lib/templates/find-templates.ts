import { type Actor, assertShopAccess } from "../auth/actor";
import { isPageLanguage, PAGE_LANGUAGES } from "../i18n/locales";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import { TEMPLATE_CHANNELS, TEMPLATE_GROUPS } from "./schemas";

/**
 * Settings › Templates: a shop's templates per channel and kind, and for each of the shop's
 * languages the built-in template, marked "in use" where the shop has no default of its own.
 * Every user who can see the shop reads them.
 */
export async function findTemplates(db: Db, input: { actor: Actor; shopId: string }) {
  assertShopAccess(input.actor, input.shopId);
  const shop = await db.shop.findUnique({ where: { id: input.shopId }, select: { id: true, name: true, languages: true } });
  if (!shop) throw new AppError("NOT_FOUND", `shop ${input.shopId} not found`, { publicMessage: "Not found" });
  const rows = await db.template.findMany({
    where: { shopId: shop.id, channel: { in: [...TEMPLATE_CHANNELS] } },
    select: { id: true, name: true, channel: true, kind: true, language: true, subject: true, isDefault: true, updatedAt: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  const order = (l: string) => (isPageLanguage(l) ? PAGE_LANGUAGES.indexOf(l) : PAGE_LANGUAGES.length);
  const languages = PAGE_LANGUAGES.filter((l) => shop.languages.includes(l));
  return {
    shopId: shop.id,
    shopName: shop.name,
    groups: TEMPLATE_GROUPS.map(({ channel, kind }) => {
      const templates = rows.filter((r) => r.channel === channel && r.kind === kind).sort((a, b) => order(a.language) - order(b.language));
      return {
        channel,
        kind,
        templates,
        builtIns: languages.map((language) => ({
          language,
          isInUse: !templates.some((t) => t.language === language && t.isDefault),
        })),
      };
    }),
  };
}

export type TemplateList = Awaited<ReturnType<typeof findTemplates>>;
