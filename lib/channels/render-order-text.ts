import { builtInTemplate } from "../../emails";
import { isPageLanguage, languageOf } from "../i18n/locales";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import { paymentUrl } from "../shared/links";
import { messageVariables } from "../templates/message-variables";
import { renderText, type TemplateVars } from "../templates/render-template";
import { countSms, SMS_MAX_CHARACTERS, type SmsCount } from "./sms-segments";

/** WhatsApp's limit for a text message body. */
export const WHATSAPP_MAX_CHARACTERS = 4096;

export type PhoneChannel = "SMS" | "WHATSAPP";

export type OrderForText = {
  shopId: string;
  channel: PhoneChannel;
  locale: string;
  templateId: string | null;
  reference: string | null;
  amount: number | bigint;
  currency: string;
  createdAt: Date;
  validUntil: Date;
  token: string;
};

export type RenderedOrderText = { text: string; language: string; vars: TemplateVars; count: SmsCount };

/** The reasons (AppError.reason) of a text refused once rendered. */
export const SMS_TEXT_TOO_LONG = "SMS_TEXT_TOO_LONG";
export const SMS_TEXT_EMPTY = "SMS_TEXT_EMPTY";

/**
 * The exact text an SMS or WhatsApp order sends, rendered once when it is created (or modified and
 * sent again): see `composeOrderText`. Over the channel's limit (SMS: 500 characters once
 * rendered) or empty → VALIDATION on the message.
 */
export async function renderOrderText(db: Db, input: { order: OrderForText; source?: string | null }): Promise<RenderedOrderText> {
  const r = await composeOrderText(db, input);
  const max = maxCharacters(input.order.channel);
  if (!r.text || r.count.characters > max) {
    throw new AppError("VALIDATION", `${input.order.channel} text of ${r.count.characters} characters (max ${max})`, {
      fields: { message: r.text ? "smsd_err_too_long" : "smsd_err_message_required" },
      publicMessage: "invalid_input",
      details: { characters: r.count.characters, max },
      reason: r.text ? SMS_TEXT_TOO_LONG : SMS_TEXT_EMPTY,
    });
  }
  return r;
}

export const maxCharacters = (channel: PhoneChannel) => (channel === "SMS" ? SMS_MAX_CHARACTERS : WHATSAPP_MAX_CHARACTERS);

/**
 * The text from `source` (a text typed with its variables), else the order's template (it must be
 * the shop's, for this channel), else the shop's default for the language, else ours; the
 * variables filled in the order's language and the shop's zone. Not checked against the limits
 * (the dialog's preview shows a text too long as it is).
 */
export async function composeOrderText(db: Db, input: { order: OrderForText; source?: string | null }): Promise<RenderedOrderText> {
  const o = input.order;
  const shop = await db.shop.findUniqueOrThrow({
    where: { id: o.shopId },
    select: {
      name: true,
      timeZone: true,
      url: true,
      managerEmail: true,
      defaultLanguage: true,
      company: { select: { managerEmail: true } },
    },
  });
  const language = languageOf(o.locale) ?? (isPageLanguage(shop.defaultLanguage) ? shop.defaultLanguage : "en");
  const source = input.source ?? (await templateBody(db, { ...o, language }));
  const values = messageVariables(
    {
      ...o,
      paymentUrl: paymentUrl(o.token),
      shop: { name: shop.name, timeZone: shop.timeZone, url: shop.url, contact: shop.managerEmail ?? shop.company.managerEmail },
    },
    language,
  );
  const vars = o.channel === "SMS" ? plainSpaces(values) : values;
  const text = renderText(source, vars);
  return { text, language, vars, count: countSms(text) };
}

// Intl writes "15,90 €" and "1 000" with no-break spaces, which GSM-7 lacks: one of them would
// make a French SMS UCS-2 (70 characters a part instead of 160). Plain spaces look the same.
export const plainSpaces = (vars: TemplateVars): TemplateVars =>
  Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, v?.replace(/[\u00a0\u2007\u202f\u2009]/g, " ")]));

/** The chosen template (the shop's, this channel's), else the shop's default, else ours. */
async function templateBody(db: Db, q: { shopId: string; channel: PhoneChannel; templateId: string | null; language: string }) {
  const rows = await db.template.findMany({
    where: {
      shopId: q.shopId,
      channel: q.channel,
      kind: "ORDER",
      OR: [...(q.templateId ? [{ id: q.templateId }] : []), { isDefault: true, language: q.language }],
    },
    select: { id: true, body: true },
  });
  if (q.templateId) {
    const chosen = rows.find((t) => t.id === q.templateId);
    if (!chosen)
      throw new AppError("VALIDATION", "unknown template", { fields: { templateId: "err_template" }, publicMessage: "invalid_input" });
    return chosen.body;
  }
  return rows[0]?.body ?? builtInTemplate(q.channel, "ORDER", q.language).body;
}

/**
 * Modify-and-resend of an SMS/WhatsApp order: its text rendered again with the order as it now
 * is, from `source` (a newly typed text, kept as the source), else the text typed at creation,
 * else its template. Inside the modifying transaction, before the message is queued again.
 */
export async function refreshOrderText(tx: Db, input: { orderId: string; source?: string | null }): Promise<RenderedOrderText> {
  const o = await tx.paymentOrder.findUniqueOrThrow({
    where: { id: input.orderId },
    select: {
      shopId: true,
      channel: true,
      locale: true,
      templateId: true,
      reference: true,
      amount: true,
      currency: true,
      createdAt: true,
      validUntil: true,
      token: true,
      apiData: true,
    },
  });
  if (o.channel !== "SMS" && o.channel !== "WHATSAPP") throw new Error(`order ${input.orderId} is not an SMS/WhatsApp order`);
  const apiData = (o.apiData ?? {}) as Record<string, unknown>;
  const kept = typeof apiData.messageSource === "string" ? apiData.messageSource : null;
  const rendered = await renderOrderText(tx, { order: { ...o, channel: o.channel }, source: input.source ?? kept });
  await tx.paymentOrder.update({
    where: { id: input.orderId },
    data: { message: rendered.text, apiData: input.source ? { ...apiData, messageSource: input.source } : undefined },
  });
  return rendered;
}
