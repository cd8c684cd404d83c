import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, assertRole, assertShopAccess } from "../auth/actor";
import { isPageLanguage, localeOf, type PageLanguage } from "../i18n/locales";
import type { Db } from "../server/db";
import { AppError, type FieldErrors } from "../server/errors";
import type { Channel, Mode } from "../server/generated/prisma/enums";
import { randomHex32, randomToken } from "../server/secrets";
import { paymentUrl } from "./payment-link";
import { validityFromDay } from "./validity";

export type CreateOrderInput = {
  actor: Actor;
  shopId: string;
  mode: Mode;
  channel?: Channel;
  reference?: string;
  amountMinor: number;
  currency: string;
  /** "YYYY-MM-DD" in the shop's zone; default: today + the shop's default validity. */
  validUntilDay?: string;
  language?: PageLanguage;
  buyerEmail?: string;
};

export type CreatedOrder = { id: string; token: string; paymentUrl: string; validUntil: Date };

/**
 * Creates a payment order (F-ORD-*) after the checks that depend on the shop (currency enabled,
 * reference mandatory, validity window in the shop's zone). URL orders start in delivery status
 * "manual sending": the merchant sends the link.
 */
export async function createOrder(db: Db, input: CreateOrderInput): Promise<CreatedOrder> {
  assertShopAccess(input.actor, input.shopId);
  assertRole(input.actor, "OPERATOR");
  const shop = await db.shop.findUnique({
    where: { id: input.shopId },
    select: {
      timeZone: true,
      defaultValidityDays: true,
      currencies: true,
      referenceMandatory: true,
      defaultLanguage: true,
      languages: true,
      defaultValidationMode: true,
      defaultCaptureDelay: true,
    },
  });
  if (!shop) throw new AppError("NOT_FOUND", `shop ${input.shopId} not found`);

  const fields: FieldErrors = {};
  if (!shop.currencies.includes(input.currency)) fields.currency = "err_currency_not_enabled";
  if (shop.referenceMandatory && !input.reference) fields.reference = "err_reference_required";
  const validity = validityFromDay(input.validUntilDay, shop);
  if (!validity.ok) fields.validUntil = validity.error;
  if (input.language && !shop.languages.includes(input.language)) fields.language = "err_language";
  if (Object.keys(fields).length || !validity.ok) {
    throw new AppError("VALIDATION", `invalid order: ${JSON.stringify(fields)}`, { fields, publicMessage: "invalid_input" });
  }

  const language = input.language ?? (isPageLanguage(shop.defaultLanguage) ? shop.defaultLanguage : "fr");
  const channel = input.channel ?? "URL";
  const id = randomHex32();
  const token = randomToken();
  await db.$transaction(async (tx) => {
    await tx.paymentOrder.create({
      data: {
        id,
        token,
        shopId: input.shopId,
        mode: input.mode,
        channel,
        deliveryStatus: channel === "URL" || channel === "INVOICE" ? "MANUAL" : "IN_PROGRESS",
        reference: input.reference ?? null,
        amount: BigInt(input.amountMinor),
        currency: input.currency,
        locale: localeOf(language),
        validUntil: validity.validUntil,
        validationMode: shop.defaultValidationMode,
        captureDelay: shop.defaultCaptureDelay,
        buyerEmail: input.buyerEmail ?? null,
        createdVia: input.actor.type === "API_KEY" ? "API" : "BACK_OFFICE",
        sourceUserId: input.actor.type === "USER" ? input.actor.userId : null,
      },
    });
    await recordAuditEvent(tx, {
      actor: input.actor,
      action: "order.create",
      shopId: input.shopId,
      orderId: id,
      after: { status: "RUNNING", amount: input.amountMinor, currency: input.currency, reference: input.reference ?? null },
    });
  });
  return { id, token, paymentUrl: paymentUrl(token), validUntil: validity.validUntil };
}
