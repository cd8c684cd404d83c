import { isPageLanguage, type PageLanguage } from "../lib/i18n/locales";
import { de } from "./defaults/de";
import { en } from "./defaults/en";
import { es } from "./defaults/es";
import { fr } from "./defaults/fr";
import { it } from "./defaults/it";
import { nl } from "./defaults/nl";
import { pt } from "./defaults/pt";
import type { DefaultTexts, MailText, TemplateChannel, TemplateKind } from "./types";

export type { DefaultTexts, MailText, TemplateChannel, TemplateKind } from "./types";
export { isReceiptKind, TEMPLATE_KINDS } from "./types";

// Every page language has its own texts; an unknown language falls back to English.
const DEFAULTS: Record<PageLanguage, DefaultTexts> = { fr, en, de, es, it, pt, nl };

export function defaultTexts(language: string): DefaultTexts {
  return isPageLanguage(language) ? DEFAULTS[language] : en;
}

/** The built-in template of a channel, kind and language: subject (e-mail only) and body. */
export function builtInTemplate(channel: TemplateChannel, kind: TemplateKind, language: string): { subject: string | null; body: string } {
  const t = defaultTexts(language);
  if (channel === "MAIL") {
    const m: MailText = t.mail[kind];
    return { subject: m.subject, body: m.html };
  }
  if (channel === "SMS") return { subject: null, body: kind === "REMINDER" ? t.smsReminder : t.sms };
  return { subject: null, body: channel === "WHATSAPP" ? t.whatsapp : t.url };
}

/** Languages with built-in texts (every buyer page language). */
export const builtInLanguages = () => Object.keys(DEFAULTS) as PageLanguage[];
