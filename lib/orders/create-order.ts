import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, assertRole, assertShopAccess } from "../auth/actor";
import { isPageLanguage, localeOf, type PageLanguage } from "../i18n/locales";
import type { Db, Tx } from "../server/db";
import { AppError } from "../server/errors";
import type { Prisma } from "../server/generated/prisma/client";
import type { AliasMode, Channel, Mode, ThreeDsPreference, ValidationMode } from "../server/generated/prisma/enums";
import { enqueueInTx } from "../server/jobs/enqueue";
import { QUEUES } from "../server/jobs/queues";
import { randomHex32, randomToken } from "../server/secrets";
import { checkShopRules, SHOP_RULES_SELECT } from "./order-rules";
import { paymentUrl } from "./payment-link";

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
  validationMode?: ValidationMode;
  captureDelay?: number;
  ipnTargetUrl?: string;
  recipient?: string;
  bcc?: string;
  subject?: string;
  message?: string;
  apiData?: Prisma.InputJsonObject;
};

export type CreatedOrder = { id: string; token: string; paymentUrl: string; validUntil: Date };

/** Runs inside the creating transaction, after the insert (e.g. to store an idempotent answer). */
export type AfterInsert<T> = (tx: Tx, order: CreatedOrder) => Promise<T>;

/**
 * Creates a payment order (F-ORD-*) after the checks that depend on the shop (currency enabled,
 * reference mandatory, validity window in the shop's zone, data collection form available).
 * URL/invoice orders start in delivery status "manual sending"; e-mail, SMS and WhatsApp orders
 * are queued for delivery in the same transaction.
 */
export async function createOrder<T = undefined>(
  db: Db,
  input: CreateOrderInput,
  afterInsert?: AfterInsert<T>,
): Promise<CreatedOrder & { extra: T }> {
  assertShopAccess(input.actor, input.shopId);
  assertRole(input.actor, "OPERATOR");
  const shop = await db.shop.findUnique({
    where: { id: input.shopId },
    select: { ...SHOP_RULES_SELECT, defaultLanguage: true, defaultValidationMode: true, defaultCaptureDelay: true },
  });
  if (!shop) throw new AppError("NOT_FOUND", `shop ${input.shopId} not found`);
  const { fields, validity } = checkShopRules(shop, { ...input, checkValidity: true });
  if (Object.keys(fields).length || !validity?.ok) {
    throw new AppError("VALIDATION", `invalid order: ${JSON.stringify(fields)}`, { fields, publicMessage: "invalid_input" });
  }

  const shopLanguage = isPageLanguage(shop.defaultLanguage) ? shop.defaultLanguage : "fr";
  const locale = input.locale ?? localeOf(input.language ?? shopLanguage);
  const channel = input.channel ?? "URL";
  const delivered = channel === "MAIL" || channel === "SMS" || channel === "WHATSAPP";
  const id = randomHex32();
  const token = randomToken();
  const created: CreatedOrder = { id, token, paymentUrl: paymentUrl(token), validUntil: validity.validUntil };
  const extra = await db.$transaction(async (tx) => {
    await tx.paymentOrder.create({
      data: {
        id,
        token,
        shopId: input.shopId,
        mode: input.mode,
        channel,
        deliveryStatus: delivered ? "IN_PROGRESS" : "MANUAL",
        reference: input.reference ?? null,
        amount: BigInt(input.amountMinor),
        currency: input.currency,
        locale,
        validUntil: validity.validUntil,
        validationMode: input.validationMode ?? shop.defaultValidationMode,
        captureDelay: input.captureDelay ?? shop.defaultCaptureDelay,
        buyerEmail: input.buyerEmail ?? null,
        description: input.description ?? null,
        merchantComment: input.merchantComment ?? null,
        taxAmount: input.taxAmount === undefined ? null : BigInt(input.taxAmount),
        taxRate: input.taxRate ?? null,
        metadata: input.metadata ?? {},
        aliasMode: input.aliasMode ?? "NONE",
        threeDsPreference: input.threeDsPreference ?? "NO_PREFERENCE",
        dataCollectionForm: input.dataCollectionForm ?? false,
        ipnTargetUrl: input.ipnTargetUrl ?? null,
        recipient: input.recipient ?? null,
        bcc: input.bcc ?? null,
        subject: input.subject ?? null,
        message: input.message ?? null,
        apiData: input.apiData ?? {},
        createdVia: input.actor.type === "API_KEY" ? "API" : "BACK_OFFICE",
        sourceUserId: input.actor.type === "USER" ? input.actor.userId : null,
      },
    });
    await recordAuditEvent(tx, {
      actor: input.actor,
      action: "order.create",
      shopId: input.shopId,
      orderId: id,
      after: { status: "RUNNING", channel, amount: input.amountMinor, currency: input.currency, reference: input.reference ?? null },
    });
    if (delivered) await enqueueInTx(tx, QUEUES.deliverOrder.name, { orderId: id, kind: "ORDER" });
    return afterInsert ? afterInsert(tx, created) : (undefined as T);
  });
  return { ...created, extra };
}
