import { builtInTemplate } from "../../emails";
import { type Actor, assertShopAccess } from "../auth/actor";
import { isPageLanguage } from "../i18n/locales";
import type { Db } from "../server/db";
import { messageVariables } from "../templates/message-variables";
import { renderText } from "../templates/render-message";

type OrderForText = {
  reference: string | null;
  amount: number;
  currency: string;
  createdAt: Date;
  validUntil: Date;
  paymentUrl: string;
  /** A URL order's own link text (issue 21), else the template's. */
  message?: string | null;
  shop: { id?: string; name: string; timeZone: string; url?: string | null; contact?: string | null };
};

const textLanguage = (lang: string) => (isPageLanguage(lang) ? lang : "en");

/**
 * The URL channel's ready-to-paste text (F-CH-URL) in the order's language: from `template` (the
 * shop's default URL template, see `findOrderMessageText`), else from the built-in one.
 */
export function orderMessageText(order: OrderForText, lang: string, template?: { body: string } | null): string {
  const language = textLanguage(lang);
  const body = order.message || template?.body || builtInTemplate("URL", "ORDER", language).body;
  const shop = { ...order.shop, url: order.shop.url ?? null, contact: order.shop.contact ?? null };
  return renderText(body, messageVariables({ ...order, shop }, language));
}

/**
 * The same text from the shop's default URL template for the language, with the shop's contact
 * and site filled in, read in one query.
 */
export async function findOrderMessageText(
  db: Db,
  input: { actor: Actor; order: OrderForText & { shopId: string }; lang: string },
): Promise<string> {
  assertShopAccess(input.actor, input.order.shopId);
  const language = textLanguage(input.lang);
  const shop = await db.shop.findUnique({
    where: { id: input.order.shopId },
    select: {
      url: true,
      managerEmail: true,
      company: { select: { managerEmail: true } },
      templates: {
        where: { channel: "URL", kind: "ORDER", language, isDefault: true },
        select: { body: true },
        orderBy: { updatedAt: "desc" },
        take: 1,
      },
    },
  });
  const order = {
    ...input.order,
    shop: { ...input.order.shop, url: shop?.url, contact: shop?.managerEmail ?? shop?.company.managerEmail },
  };
  return orderMessageText(order, language, shop?.templates[0]);
}
