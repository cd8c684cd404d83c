import type { UserActor } from "../auth/actor";
import { normalisePhoneNumber, shopPhoneCountry } from "../channels/phone-number";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import { fieldErrorsOf, safeParseInput } from "../server/validation";
import { parseOrderFormWithOptions } from "./advanced-options";
import { createOrder } from "./create-order";
import { orderFormInput, phoneOrderFormSchema } from "./schemas";

/**
 * The back office's "order by SMS" and "order by WhatsApp" (F-CH-SMS, F-CH-WHATSAPP): one order to
 * one phone number, normalised to E.164 with the shop's country. `createOrder` renders the text
 * (500 characters at most for an SMS) and, for an SMS, takes its credits in the creating
 * transaction; not enough credits → VALIDATION on the message, nothing created.
 */
export async function createPhoneOrder(db: Db, input: { actor: UserActor; values: Record<string, string> }) {
  const shopId = input.values.shopId ?? "";
  const shop = input.actor.shopIds.includes(shopId)
    ? await db.shop.findUnique({ where: { id: shopId }, select: { defaultLanguage: true } })
    : null;
  const { form: f, options } = await parseOrderFormWithOptions(db, {
    shopIds: input.actor.shopIds,
    values: input.values,
    parseMain: () => {
      const r = safeParseInput(phoneOrderFormSchema, input.values);
      const fields = r.success ? {} : fieldErrorsOf(r.error);
      const phone = normalisePhoneNumber(input.values.phoneNumber, shopPhoneCountry(shop?.defaultLanguage ?? "fr"));
      if (!phone.ok) fields.phoneNumber ??= `phone_err_${phone.reason}`;
      if (!r.success || !phone.ok) {
        throw new AppError("VALIDATION", `invalid input: ${JSON.stringify(fields)}`, { fields, publicMessage: "invalid_input" });
      }
      return { ...r.data, e164: phone.e164 };
    },
  });
  const created = await createOrder(db, {
    ...options,
    actor: input.actor,
    ...orderFormInput(f),
    channel: f.channel,
    recipient: f.e164,
    message: f.message,
    templateId: f.templateId,
  });
  return { id: created.id, recipient: f.e164 };
}
