import { builtInTemplate } from "../../emails";
import { type Actor, assertShopAccess } from "../auth/actor";
import { languageOf } from "../i18n/locales";
import type { Db } from "../server/db";
import { paymentUrl } from "../shared/links";
import { messageVariables } from "../templates/message-variables";
import { renderTemplate } from "../templates/render-template";

type OrderForSubject = {
  id: string;
  shopId: string;
  channel: string;
  locale: string;
  reference: string | null;
  amount: number;
  currency: string;
  createdAt: Date;
  validUntil: Date;
  token: string;
  subject: string | null;
  templateId: string | null;
  shop: { name: string; timeZone: string };
};

/**
 * The e-mail as the buyer received it (issue 21): the subject and text of the last order message
 * sent (rendered when sent: "Offre CMD-42 de 19,90 €", not "Offre %reference% de %amount%"); before
 * any was sent, the subject rendered now for the order as it is. Null for other channels.
 */
export async function findOrderSentMessage(
  db: Db,
  input: { actor: Actor; order: OrderForSubject },
): Promise<{ subject: string; text: string | null } | null> {
  const o = input.order;
  assertShopAccess(input.actor, o.shopId);
  if (o.channel !== "MAIL") return null;
  const sent = await db.message.findFirst({
    where: { orderId: o.id, kind: "ORDER", subject: { not: null } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { subject: true, text: true },
  });
  if (sent?.subject) return { subject: sent.subject, text: sent.text };
  const language = languageOf(o.locale) ?? "fr";
  const [shop, template] = await Promise.all([
    db.shop.findUnique({ where: { id: o.shopId }, select: { url: true, managerEmail: true, company: { select: { managerEmail: true } } } }),
    o.subject || !o.templateId ? null : db.template.findFirst({ where: { id: o.templateId, shopId: o.shopId }, select: { subject: true } }),
  ]);
  const source = o.subject ?? template?.subject ?? builtInTemplate("MAIL", "ORDER", language).subject ?? "";
  const vars = messageVariables(
    {
      ...o,
      paymentUrl: paymentUrl(o.token),
      shop: { ...o.shop, url: shop?.url ?? null, contact: shop?.managerEmail ?? shop?.company.managerEmail ?? null },
    },
    language,
  );
  return { subject: renderTemplate(source, vars, { appendUrl: false }), text: null };
}
