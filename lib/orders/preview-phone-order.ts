import { type Actor, assertRole, assertShopAccess } from "../auth/actor";
import { normalisePhoneNumber, shopPhoneCountry } from "../channels/phone-number";
import { composeOrderText, maxCharacters } from "../channels/render-order-text";
import type { SmsCount } from "../channels/sms-segments";
import { isPageLanguage, localeOf } from "../i18n/locales";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import { parseOrThrow } from "../server/validation";
import type { TemplateVars } from "../templates/render-template";
import { addCalendarDays, dayInZone, endOfDayInZone } from "../time/shop-time";
import { phonePreviewSchema } from "./schemas";

// The link does not exist before the order does; a token of the same length keeps the count exact.
const PREVIEW_TOKEN = "preview0000000000000000000000000";

export type PhonePreview = {
  text: string;
  language: string;
  /** The variables' values for this order: the dialog renders the text being typed with them. */
  vars: TemplateVars;
  count: SmsCount;
  max: number;
  /** The typed number in E.164, null when not valid (or not typed). */
  e164: string | null;
};

/**
 * The text an "order by SMS / WhatsApp" would send with the values as typed (rendered as the
 * creation will: same template resolution, same variables), its SMS count, and the number
 * normalised. The amount not typed yet counts as zero.
 */
export async function previewPhoneOrder(
  db: Db,
  input: { actor: Actor; values: Record<string, string> },
  now = new Date(),
): Promise<PhonePreview> {
  const f = parseOrThrow(phonePreviewSchema, input.values);
  assertShopAccess(input.actor, f.shopId);
  assertRole(input.actor, "OPERATOR");
  const shop = await db.shop.findUnique({
    where: { id: f.shopId },
    select: { timeZone: true, defaultValidityDays: true, defaultLanguage: true },
  });
  if (!shop) throw new AppError("NOT_FOUND", `shop ${f.shopId} not found`, { publicMessage: "Not found" });
  const language = f.language ?? (isPageLanguage(shop.defaultLanguage) ? shop.defaultLanguage : "fr");
  const day = f.validUntil ?? addCalendarDays(dayInZone(now, shop.timeZone), shop.defaultValidityDays);
  const r = await composeOrderText(db, {
    order: {
      shopId: f.shopId,
      channel: f.channel,
      locale: localeOf(language),
      templateId: f.templateId ?? null,
      reference: f.reference ?? null,
      amount: f.amountMinor,
      currency: f.currency,
      createdAt: now,
      validUntil: endOfDayInZone(day, shop.timeZone),
      token: PREVIEW_TOKEN,
    },
    source: f.message,
  });
  const phone = normalisePhoneNumber(f.phoneNumber, shopPhoneCountry(shop.defaultLanguage));
  return { ...r, max: maxCharacters(f.channel), e164: phone.ok ? phone.e164 : null };
}
