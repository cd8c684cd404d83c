import { plainSpaces } from "../channels/render-order-text";
import { countSms, SMS_MAX_CHARACTERS, type SmsCount } from "../channels/sms-segments";
import { isPageLanguage, languageOf } from "../i18n/locales";
import { paymentUrl } from "../shared/links";
import { messageVariables } from "../templates/message-variables";
import { renderTemplate } from "../templates/render-template";
import type { loadTemplates } from "../templates/resolve-template";

export type ReminderOrder = {
  shopId: string;
  locale: string;
  reference: string | null;
  amount: string;
  currency: string;
  createdAt: Date;
  validUntil: Date;
  token: string;
  shopName: string;
  timeZone: string;
  shopUrl: string | null;
  contact: string | null;
  defaultLanguage: string;
};

/**
 * An SMS reminder's exact text, rendered when it is queued so that its credits are counted on what
 * will be sent (as an SMS order's text is at creation): the shop's default REMINDER template for
 * the order's language, else ours; values with plain spaces (GSM-7), the link appended if the
 * template lacks it. Null when it is empty or longer than an SMS may be.
 */
export function reminderSmsText(
  o: ReminderOrder,
  templates: Awaited<ReturnType<typeof loadTemplates>>,
): { text: string; count: SmsCount } | null {
  const lang = languageOf(o.locale) ?? o.defaultLanguage;
  const language = isPageLanguage(lang) ? lang : "en";
  const vars = plainSpaces(
    messageVariables(
      {
        reference: o.reference,
        amount: BigInt(o.amount),
        currency: o.currency,
        createdAt: o.createdAt,
        validUntil: o.validUntil,
        paymentUrl: paymentUrl(o.token),
        shop: { name: o.shopName, timeZone: o.timeZone, url: o.shopUrl, contact: o.contact },
      },
      language,
    ),
  );
  const source = templates.pick({ shopId: o.shopId, channel: "SMS", kind: "REMINDER", language }).body;
  const text = renderTemplate(source, vars, { appendUrl: (url) => ` ${url}` }).trim();
  const count = countSms(text);
  return text && count.characters <= SMS_MAX_CHARACTERS ? { text, count } : null;
}
