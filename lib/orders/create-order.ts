import { type Actor, assertRole, assertShopAccess } from "../auth/actor";
import { debitSmsCredits } from "../channels/debit-sms-credits";
import { queueMessages, smsColumns } from "../channels/queue-messages";
import { renderOrderText } from "../channels/render-order-text";
import { isPageLanguage, localeOf, type PageLanguage } from "../i18n/locales";
import { instalmentRuleErrors } from "../instalments/instalment-rules";
import type { InstalmentRequest } from "../instalments/plan";
import { connectorRuleErrors } from "../payments/connectors/connector-rules";
import { type Db, LONG_TRANSACTION } from "../server/db";
import { AppError } from "../server/errors";
import type { AliasMode, Channel, Mode, ThreeDsPreference, ValidationMode } from "../server/generated/prisma/enums";
import { randomHex32, randomToken } from "../server/secrets";
import { paymentUrl } from "../shared/links";
import { type AmountUpdate, amountUpdateRuleErrors } from "./amount-update";
import { insertOrder, type NewOrderRow } from "./insert-order";
import { checkAliasRules, checkShopRules, loadShopDefaults, type ShopDefaults, threeDsWithAlias } from "./order-rules";

export type CreateOrderInput = {
  actor: Actor;
  shopId: string;
  mode: Mode;
  channel?: Channel;
  reference?: string;
  amountMinor: number;
  currency: string;
  /** "YYYY-MM-DD" in the shop's zone (back office)… */
  validUntilDay?: string;
  /** …or an exact instant (API). Neither: today + the shop's default validity. */
  validUntil?: Date;
  /** Back office: a language the shop offers. API: any ll_CC locale. */
  language?: PageLanguage;
  locale?: string;
  buyerEmail?: string;
  description?: string;
  merchantComment?: string;
  taxAmount?: number;
  taxRate?: number;
  metadata?: Record<string, string>;
  aliasMode?: AliasMode;
  threeDsPreference?: ThreeDsPreference;
  dataCollectionForm?: boolean;
  /** No reminder before expiry for this order (issue 10). */
  remindersOptOut?: boolean;
  validationMode?: ValidationMode;
  captureDelay?: number;
  ipnTargetUrl?: string;
  /** The buyer may adjust the amount (issue 12); bounds in minor units. */
  amountUpdate?: AmountUpdate | null;
  /** Payment in instalments (issue 12): checked against the amount and stored as the resolved plan. */
  installmentPlan?: InstalmentRequest | null;
  recipient?: string;
  bcc?: string;
  subject?: string;
  /** E-mail: the body. SMS/WhatsApp: the text with its variables, rendered at creation. */
  message?: string;
  templateId?: string;
  apiData?: Record<string, unknown>;
  /** The shop's rules when the caller has just read them (the API's authentication does). */
  shopDefaults?: ShopDefaults;
};

export type CreatedOrder = { id: string; token: string; paymentUrl: string; validUntil: Date; row: NewOrderRow };

/** The shop-dependent checks, then every column of the new order (nothing written yet). */
export async function prepareOrder(db: Db, input: CreateOrderInput): Promise<NewOrderRow> {
  assertShopAccess(input.actor, input.shopId);
  assertRole(input.actor, "OPERATOR");
  const shop = input.shopDefaults ?? (await loadShopDefaults(db, input.shopId));
  if (!shop) throw new AppError("NOT_FOUND", `shop ${input.shopId} not found`);
  const { fields, validity } = checkShopRules(shop, { ...input, checkValidity: true });
  const aliasMode = input.aliasMode ?? "NONE";
  Object.assign(fields, checkAliasRules({ dataCollectionForm: input.dataCollectionForm ?? false, aliasMode }));
  Object.assign(
    fields,
    amountUpdateRuleErrors({
      amountUpdate: input.amountUpdate,
      amountMinor: input.amountMinor,
      channel: input.channel,
      hasInstallments: (input as { installmentPlan?: unknown }).installmentPlan != null,
    }),
  );
  const instalments = instalmentRuleErrors(input, shop.timeZone);
  Object.assign(fields, instalments.fields);
  if (Object.keys(fields).length || !validity?.ok) {
    throw new AppError("VALIDATION", `invalid order: ${JSON.stringify(fields)}`, { fields, publicMessage: "invalid_input" });
  }
  // Issue 20: who takes the payment — the sandbox (TEST) or the shop's verified processor.
  const connectorRefusal = connectorRuleErrors(input.mode === "PRODUCTION" ? shop.productionConnector : shop.testConnector, {
    mode: input.mode,
    validationMode: input.validationMode ?? shop.defaultValidationMode,
    captureDelay: input.captureDelay ?? shop.defaultCaptureDelay,
    aliasMode,
    hasInstalments: instalments.plan != null,
    hasAmountUpdate: input.amountUpdate != null,
  });
  if (connectorRefusal) {
    throw new AppError("VALIDATION", `order refused by the payment processor rules: ${JSON.stringify(connectorRefusal.fields)}`, {
      fields: connectorRefusal.fields,
      reason: connectorRefusal.reason,
      publicMessage: Object.values(connectorRefusal.fields)[0],
    });
  }

  const shopLanguage = isPageLanguage(shop.defaultLanguage) ? shop.defaultLanguage : "fr";
  const channel = input.channel ?? "URL";
  return {
    id: randomHex32(),
    token: randomToken(),
    shopId: input.shopId,
    mode: input.mode,
    channel,
    status: "RUNNING",
    deliveryStatus: isDelivered(channel) ? "IN_PROGRESS" : "MANUAL",
    sendCount: 0,
    reference: input.reference ?? null,
    amount: BigInt(input.amountMinor),
    currency: input.currency,
    locale: input.locale ?? localeOf(input.language ?? shopLanguage),
    validUntil: validity.validUntil,
    validationMode: input.validationMode ?? shop.defaultValidationMode,
    captureDelay: input.captureDelay ?? shop.defaultCaptureDelay,
    dataCollectionForm: input.dataCollectionForm ?? false,
    remindersOptOut: input.remindersOptOut ?? false,
    aliasMode,
    // Keeping the card for the later instalments is registering it: a challenge, as for an alias.
    threeDsPreference: instalments.plan ? "CHALLENGE" : threeDsWithAlias(aliasMode, input.threeDsPreference ?? "NO_PREFERENCE"),
    buyerEmail: input.buyerEmail ?? null,
    description: input.description ?? null,
    merchantComment: input.merchantComment ?? null,
    taxAmount: input.taxAmount === undefined ? null : BigInt(input.taxAmount),
    taxRate: input.taxRate ?? null,
    recipient: input.recipient ?? null,
    bcc: input.bcc ?? null,
    subject: input.subject ?? null,
    message: input.message ?? null,
    templateId: input.templateId ?? null,
    apiData: input.apiData ?? {},
    metadata: input.metadata ?? {},
    ipnTargetUrl: input.ipnTargetUrl ?? null,
    amountUpdate: input.amountUpdate ?? null,
    installmentPlan: instalments.plan,
    createdVia: input.actor.type === "API_KEY" ? "API" : "BACK_OFFICE",
    sourceUserId: input.actor.type === "USER" ? input.actor.userId : null,
    createdAt: new Date(),
    updatedAt: null,
    transactions: [],
  };
}

/** E-mail, SMS and WhatsApp orders are sent by the platform; URL and invoice links by the merchant. */
export const isDelivered = (channel: Channel): channel is "MAIL" | "SMS" | "WHATSAPP" =>
  channel === "MAIL" || channel === "SMS" || channel === "WHATSAPP";

/**
 * Creates a payment order (F-ORD-*) after the checks that depend on the shop (currency enabled,
 * reference mandatory, validity window in the shop's zone, data collection form available, no
 * alias with that form; an alias forces a 3-D Secure challenge).
 * URL/invoice orders start in delivery status "manual sending"; e-mail, SMS and WhatsApp orders
 * get their message and its delivery job in the same transaction. SMS and WhatsApp texts are
 * rendered here, once: the order's `message` is the exact text sent (its typed source is kept in
 * `apiData.messageSource` for a later modification); an SMS takes its credits (1 per part) in
 * the creating transaction. The order and its audit event are one SQL statement: creation is the
 * API's hot path. Given a transaction, it writes in it (the caller adds its own rows, e.g. the API's
 * idempotent answer); else a delivered order's writes are one transaction of their own.
 */
export async function createOrder(db: Db, input: CreateOrderInput): Promise<CreatedOrder> {
  const row = await prepareOrder(db, input);
  const phone = row.channel === "SMS" || row.channel === "WHATSAPP" ? row.channel : null;
  const rendered = phone ? await renderOrderText(db, { order: { ...row, channel: phone }, source: input.message }) : null;
  if (rendered) {
    row.message = rendered.text;
    if (input.message) row.apiData = { ...row.apiData, messageSource: input.message };
  }
  const sms = phone === "SMS" && rendered ? smsColumns(rendered.count) : undefined;
  const created: CreatedOrder = { id: row.id, token: row.token, paymentUrl: paymentUrl(row.token), validUntil: row.validUntil, row };
  const channel = row.channel;
  const delivered = isDelivered(channel);

  if (!delivered) {
    await insertOrder(db, row, input.actor); // one statement: atomic on its own
    return created;
  }
  await db.$transaction(async (tx) => {
    if (sms) await debitSmsCredits(tx, { shopId: row.shopId, credits: sms.credits });
    await insertOrder(tx, row, input.actor);
    if (row.recipient) {
      await queueMessages(tx, [{ orderId: row.id, channel, kind: "ORDER", recipient: row.recipient, bcc: row.bcc, sms }]);
    }
  }, LONG_TRANSACTION);
  return created;
}
