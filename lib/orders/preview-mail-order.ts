import { type Actor, assertRole, assertShopAccess } from "../auth/actor";
import { isPageLanguage } from "../i18n/locales";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import { parseOrThrow } from "../server/validation";
import { paymentUrl } from "../shared/links";
import { messageVariables } from "../templates/message-variables";
import { type RenderedMail, renderMail } from "../templates/render-message";
import { addCalendarDays, dayInZone, endOfDayInZone } from "../time/shop-time";
import { suffixedReference } from "./create-mail-orders";
import { findMailTemplates } from "./find-mail-templates";
import { mailPreviewSchema, splitAddresses } from "./schemas";

// The link does not exist before the order does: the preview shows where it will go.
const PREVIEW_TOKEN = "preview0000000000000000000000000";

export type MailPreview = RenderedMail & { recipient: string | null; language: string };

/**
 * The message the first recipient of the "order by e-mail" dialog would get, with the values as
 * typed: the typed subject and body, else the chosen template, else the language's default,
 * rendered in the order's language with the shop's zone (as the worker will render it).
 */
export async function previewMailOrder(db: Db, input: { actor: Actor; values: Record<string, string> }, now = new Date()) {
  const f = parseOrThrow(mailPreviewSchema, input.values);
  assertShopAccess(input.actor, f.shopId);
  assertRole(input.actor, "OPERATOR");
  const shop = await db.shop.findUnique({
    where: { id: f.shopId },
    select: {
      name: true,
      url: true,
      timeZone: true,
      managerEmail: true,
      defaultValidityDays: true,
      defaultLanguage: true,
      company: { select: { managerEmail: true } },
    },
  });
  if (!shop) throw new AppError("NOT_FOUND", `shop ${f.shopId} not found`, { publicMessage: "Not found" });
  const language = f.language ?? (isPageLanguage(shop.defaultLanguage) ? shop.defaultLanguage : "fr");

  let template = { subject: f.subject, body: f.message };
  if (template.subject === undefined || template.body === undefined) {
    const { defaultTemplate, templates } = await findMailTemplates(db, { actor: input.actor, shopId: f.shopId, language });
    const chosen = (f.templateId && templates.find((t) => t.id === f.templateId)) || defaultTemplate;
    template = { subject: template.subject ?? chosen.subject, body: template.body ?? chosen.body };
  }

  const recipients = splitAddresses(f.recipients ?? "");
  const reference = f.reference && recipients.length > 1 ? suffixedReference(f.reference, 0) : (f.reference ?? null);
  const day = f.validUntil ?? addCalendarDays(dayInZone(now, shop.timeZone), shop.defaultValidityDays);
  const vars = messageVariables(
    {
      reference,
      amount: f.amountMinor,
      currency: f.currency,
      createdAt: now,
      validUntil: endOfDayInZone(day, shop.timeZone),
      paymentUrl: paymentUrl(PREVIEW_TOKEN),
      shop: { name: shop.name, timeZone: shop.timeZone, url: shop.url, contact: shop.managerEmail ?? shop.company.managerEmail },
    },
    language,
  );
  const mail = await renderMail({ subject: template.subject ?? "", body: template.body ?? "" }, vars, language);
  return { ...mail, recipient: recipients[0] ?? null, language } satisfies MailPreview;
}
