// Built-in message templates: what a shop sends until it writes its own (F-TPL-2).

/** What a message is for. Reminders come with issue 10. */
export const TEMPLATE_KINDS = ["ORDER", "RECEIPT_BUYER", "RECEIPT_MERCHANT"] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/** Channels that have texts: e-mail (subject + HTML), SMS, WhatsApp and the URL's ready-to-paste text. */
export type TemplateChannel = "MAIL" | "SMS" | "WHATSAPP" | "URL";

export type MailText = { subject: string; html: string };

/**
 * One language's defaults. E-mail bodies are HTML limited to what the sanitizer keeps (p, a,
 * strong, em, ul/ol/li, br, h2/h3, table cells); variables are written %name%.
 */
export type DefaultTexts = {
  mail: Record<TemplateKind, MailText>;
  sms: string;
  whatsapp: string;
  url: string;
};
