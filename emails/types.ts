// Built-in message templates: what a shop sends until it writes its own (F-TPL-2).

/** What a message is for: the order itself, its receipts, the reminders before it expires. */
export const TEMPLATE_KINDS = ["ORDER", "RECEIPT_BUYER", "RECEIPT_MERCHANT", "REMINDER"] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/** Receipts follow a payment: they carry its date and number, and no payment link. */
export const isReceiptKind = (kind: string) => kind === "RECEIPT_BUYER" || kind === "RECEIPT_MERCHANT";

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
  /** The SMS reminder before expiry (kind REMINDER). */
  smsReminder: string;
  whatsapp: string;
  url: string;
  /** The words of the e-mail layout around the merchant's text (emails/layout.tsx). */
  layout: MailLayoutTexts;
};

export type MailLayoutTexts = {
  payRequest: string;
  reminder: string;
  receipt: string;
  merchantReceipt: string;
  amount: string;
  reference: string;
  paidOn: string;
  transaction: string;
  /** The button, with %amount%. */
  pay: string;
  validUntil: string;
  fallback: string;
  openOrder: string;
  contact: string;
  trust: string;
};
