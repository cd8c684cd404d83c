import { isPageLanguage, type PageLanguage } from "../lib/i18n/locales";
import { en } from "./defaults/en";
import { fr } from "./defaults/fr";
import type { DefaultTexts, MailText, TemplateChannel, TemplateKind } from "./types";

export type { DefaultTexts, MailText, TemplateChannel, TemplateKind } from "./types";
export { TEMPLATE_KINDS } from "./types";

// Languages without their own file yet fall back to English.
const DEFAULTS: Partial<Record<PageLanguage, DefaultTexts>> = { fr, en };

export function defaultTexts(language: string): DefaultTexts {
  return (isPageLanguage(language) ? DEFAULTS[language] : undefined) ?? en;
}

/** The built-in template of a channel, kind and language: subject (e-mail only) and body. */
export function builtInTemplate(channel: TemplateChannel, kind: TemplateKind, language: string): { subject: string | null; body: string } {
  const t = defaultTexts(language);
  if (channel === "MAIL") {
    const m: MailText = t.mail[kind];
    return { subject: m.subject, body: m.html };
  }
  return { subject: null, body: channel === "SMS" ? t.sms : channel === "WHATSAPP" ? t.whatsapp : t.url };
}

/** Languages with built-in texts (every buyer page language once all files exist). */
export const builtInLanguages = () => Object.keys(DEFAULTS) as PageLanguage[];
