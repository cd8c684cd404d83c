import { isReceiptKind } from "../../emails/types";
import { type Actor, assertShopAccess } from "../auth/actor";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import { parseOrThrow } from "../server/validation";
import { backOfficeUrl, paymentUrl } from "../shared/links";
import { addCalendarDays, dayInZone, endOfDayInZone } from "../time/shop-time";
import { messageVariables } from "./message-variables";
import { renderMail, renderText } from "./render-message";
import { findUnknownVariables } from "./render-template";
import { SMS_MAX_LENGTH, type TemplatePreviewInput, templatePreviewSchema } from "./schemas";

/** The order every preview is rendered with (F-TPL-4). */
export const SAMPLE_ORDER = { amount: 1590, currency: "EUR", reference: "CMD-2026-001", token: "EXEMPLE" } as const;

/**
 * A template rendered with a sample order of the shop — its name, contact, site and time zone —
 * in the template's language, as the buyer would receive it. Reads only: every user of the shop.
 */
export async function previewTemplate(db: Db, input: { actor: Actor; shopId: string; template: TemplatePreviewInput }, now = new Date()) {
  assertShopAccess(input.actor, input.shopId);
  const t = parseOrThrow(templatePreviewSchema, input.template);
  const receipt = isReceiptKind(t.kind);
  const shop = await db.shop.findUnique({
    where: { id: input.shopId },
    select: {
      name: true,
      url: true,
      managerEmail: true,
      timeZone: true,
      defaultValidityDays: true,
      company: { select: { managerEmail: true } },
    },
  });
  if (!shop) throw new AppError("NOT_FOUND", `shop ${input.shopId} not found`, { publicMessage: "Not found" });
  const vars = messageVariables(
    {
      reference: SAMPLE_ORDER.reference,
      amount: SAMPLE_ORDER.amount,
      currency: SAMPLE_ORDER.currency,
      createdAt: now,
      validUntil: endOfDayInZone(addCalendarDays(dayInZone(now, shop.timeZone), shop.defaultValidityDays), shop.timeZone),
      paymentUrl: paymentUrl(SAMPLE_ORDER.token),
      shop: { name: shop.name, timeZone: shop.timeZone, url: shop.url, contact: shop.managerEmail ?? shop.company.managerEmail },
      payment: receipt ? { at: now, number: "000042" } : undefined,
    },
    t.language,
  );
  const unknown = findUnknownVariables(`${t.subject ?? ""}\n${t.body}`);
  if (t.channel === "MAIL") {
    // As sent, in the layout of its kind (receipts have no "Pay" button).
    const mail = await renderMail({ subject: t.subject ?? "", body: t.body }, vars, t.language, {
      kind: t.kind,
      orderUrl: t.kind === "RECEIPT_MERCHANT" ? backOfficeUrl.order("00000000000000000000000000000042") : undefined,
    });
    return {
      channel: t.channel,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      length: mail.text.length,
      tooLong: false,
      unknown,
    };
  }
  const text = renderText(t.body, vars);
  const tooLong = t.channel === "SMS" && text.length > SMS_MAX_LENGTH;
  return { channel: t.channel, subject: null, html: null, text, length: text.length, tooLong, unknown };
}

export type TemplatePreview = Awaited<ReturnType<typeof previewTemplate>>;
