// "Modify (and resend)" from the edit page (F-ACT modifyResend, issue 21): RUNNING, REFUSED or
// EXPIRED orders take the form's values — what the buyer receives included: the e-mail's subject
// and message, the SMS/WhatsApp text, the recipient or phone number, the language, and the options
// a payment already attempted does not contradict — open again, and the delivered channels go out
// again with the new message.
import { z } from "zod";
import type { UserActor } from "../auth/actor";
import { normalisePhoneNumber, shopPhoneCountry } from "../channels/phone-number";
import { localeOf } from "../i18n/locales";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import { fieldErrorsOf, safeParseInput } from "../server/validation";
import { sanitizeTemplateHtml } from "../templates/sanitize-template-html";
import { advancedOrderOptionsSchema } from "./advanced-options";
import { parseAmountUpdateForm } from "./amount-update";
import { isDelivered } from "./create-order";
import { getOrderOrThrow } from "./get-order";
import { invalidAddresses, urlOrderFormSchema } from "./schemas";
import { type OrderChanges, updateOrder } from "./update-order";

type HideableOption = "description" | "aliasMode" | "dataCollectionForm" | "remindersOptOut" | "amountUpdate" | "instalments";

/**
 * The advanced options the edit form shows and the use case applies: never the instalments (set at
 * creation); no card alias, data collection form nor adjustable amount once a payment was attempted
 * (the buyer went through them) nor on an invoice order; no reminders choice for a link.
 */
export function fixedOptions(order: { channel: string; transactions: unknown[] }): HideableOption[] {
  const hidden: HideableOption[] = ["instalments"];
  if (order.transactions.length > 0 || order.channel === "INVOICE") hidden.push("aliasMode", "dataCollectionForm", "amountUpdate");
  if (!isDelivered(order.channel as never)) hidden.push("remindersOptOut");
  return hidden;
}

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const messageFields = z.object({
  subject: z.preprocess(emptyToUndefined, z.string().trim().max(255, { error: "err_subject_too_long" }).optional()),
  message: z.preprocess(emptyToUndefined, z.string().max(100_000, { error: "err_message_too_long" }).optional()),
  phoneNumber: z.preprocess(emptyToUndefined, z.string().trim().max(40, { error: "phone_err_invalid" }).optional()),
});

/** The edit form's values (strings as typed); VALIDATION naming each bad field, nothing changed. */
export async function modifyOrder(db: Db, input: { actor: UserActor; orderId: string; values: Record<string, string> }) {
  const { actor, orderId, values } = input;
  const order = await getOrderOrThrow(db, { actor, orderId });
  const parsed = safeParseInput(urlOrderFormSchema, values);
  const texts = safeParseInput(messageFields, values);
  // The advanced options only when the form shows them (an older form, or the API, leaves them).
  const withOptions = values.advanced === "1";
  const options = withOptions ? safeParseInput(advancedOrderOptionsSchema, values) : null;
  const amountUpdate = withOptions ? parseAmountUpdateForm(values) : null;
  const fields: Record<string, string> = {
    ...(parsed.success ? {} : fieldErrorsOf(parsed.error)),
    ...(texts.success ? {} : fieldErrorsOf(texts.error)),
    ...(options && !options.success ? fieldErrorsOf(options.error) : {}),
    ...(amountUpdate?.fields ?? {}),
  };
  const recipient = values.recipient?.trim();
  if (recipient !== undefined && order.channel === "MAIL" && invalidAddresses([recipient]).length > 0)
    fields.recipient = "err_recipient_invalid";
  const phone = order.channel === "SMS" || order.channel === "WHATSAPP";
  let e164: string | undefined;
  if (phone && texts.success && values.phoneNumber !== undefined) {
    const shop = await db.shop.findUniqueOrThrow({ where: { id: order.shopId }, select: { defaultLanguage: true } });
    const checked = normalisePhoneNumber(texts.data.phoneNumber, shopPhoneCountry(shop.defaultLanguage));
    if (checked.ok) e164 = checked.e164;
    else fields.phoneNumber = checked.reason === "required" ? "phone_err_required" : "phone_err_invalid";
  }
  const o = options?.success ? options.data : null;
  const hidden = fixedOptions(order);
  if (Object.keys(fields).length || !parsed.success || !texts.success) {
    throw new AppError("VALIDATION", `invalid order changes: ${JSON.stringify(fields)}`, { fields, publicMessage: "invalid_input" });
  }
  const f = parsed.data;
  const t = texts.data;
  const changes: OrderChanges = {
    reference: f.reference,
    amountMinor: f.amountMinor,
    currency: f.currency,
    validUntilDay: f.validUntil,
    buyerEmail: f.buyerEmail,
    locale: f.language ? localeOf(f.language) : undefined,
  };
  if (order.channel === "MAIL") {
    // Only an e-mail order has an address to change; its subject and message are what the buyer reads.
    if (recipient !== undefined) changes.recipient = recipient;
    if (values.subject !== undefined) changes.subject = t.subject;
    if (values.message !== undefined) changes.message = t.message ? sanitizeTemplateHtml(t.message) : undefined;
  }
  if (phone) {
    if (e164) changes.recipient = e164;
    // The new text (with its variables) is rendered again for the order as changed.
    if (t.message) changes.message = t.message;
  }
  if (o) {
    const shown = (name: HideableOption) => !hidden.includes(name);
    Object.assign(changes, {
      description: o.description ?? null,
      merchantComment: o.merchantComment ?? null,
      validationMode: o.validationMode,
      captureDelay: o.captureDelay,
      threeDsPreference: o.threeDsPreference,
      ...(shown("remindersOptOut") ? { remindersOptOut: o.remindersOptOut ?? false } : {}),
      ...(shown("aliasMode") ? { aliasMode: o.aliasMode ?? "NONE", dataCollectionForm: o.dataCollectionForm ?? false } : {}),
      ...(shown("amountUpdate") && amountUpdate ? { amountUpdate: amountUpdate.update } : {}),
    });
  }
  await updateOrder(db, {
    actor,
    orderId,
    reopen: true,
    // E-mail, SMS and WhatsApp orders go out again (an SMS with its text rendered anew, for credits).
    resend: isDelivered(order.channel),
    changes,
  });
}
