import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, assertRole } from "../auth/actor";
import { queueOrderMessageAgain } from "../channels/queue-messages";
import { refreshOrderText } from "../channels/render-order-text";
import { hasPendingAttempt } from "../payments/pending-attempt";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import { Prisma } from "../server/generated/prisma/client";
import { amountUpdateRuleErrors, readAmountUpdate } from "./amount-update";
import type { CreateOrderInput } from "./create-order";
import { transitionDelivery } from "./delivery-status";
import { getOrderOrThrow } from "./get-order";
import { checkAliasRules, checkShopRules, SHOP_RULES_SELECT, threeDsWithAlias } from "./order-rules";
import { canTransition } from "./order-status";
import { effectiveStatus } from "./order-view";

export type OrderChanges = Partial<
  Omit<CreateOrderInput, "actor" | "shopId" | "mode" | "channel" | "language" | "description" | "merchantComment">
> & {
  /** null clears it (the edit form's emptied field). */
  description?: string | null;
  merchantComment?: string | null;
};

const json = (v: unknown) =>
  (v === undefined ? null : typeof v === "bigint" ? Number(v) : v instanceof Date ? v.toISOString() : v) as Prisma.InputJsonValue;

/**
 * Modifies an order still in progress (API Update, back-office "modify"). Shop rules apply to
 * what changes, the alias rules to the order as changed; the row is locked so a payment cannot
 * slip in between. `resend` queues the channel's message again (e-mail, SMS, WhatsApp); an
 * SMS/WhatsApp text is rendered again with the new values (`changes.message` is then its new
 * source) and an SMS takes its credits again.
 */
export async function updateOrder(
  db: Db,
  input: { actor: Actor; orderId: string; changes: OrderChanges; resend?: boolean; reopen?: boolean },
) {
  const order = await getOrderOrThrow(db, input);
  assertRole(input.actor, "OPERATOR");
  const c = { ...input.changes };
  const aliasMode = c.aliasMode ?? order.aliasMode;
  // With an alias (asked now or before) the 3-D Secure preference becomes, and stays, a challenge.
  const wanted = c.threeDsPreference ?? order.threeDsPreference;
  if (threeDsWithAlias(aliasMode, wanted) !== wanted) c.threeDsPreference = threeDsWithAlias(aliasMode, wanted);
  const phone = order.channel === "SMS" || order.channel === "WHATSAPP";
  const shop = await db.shop.findUniqueOrThrow({ where: { id: order.shopId }, select: SHOP_RULES_SELECT });
  const amount = c.amountMinor ?? order.amount;
  const { fields, validity } = checkShopRules(shop, {
    mode: order.mode,
    currency: c.currency,
    reference: c.reference,
    checkReference: c.reference !== undefined,
    validUntil: c.validUntil,
    validUntilDay: c.validUntilDay,
    checkValidity: c.validUntil !== undefined || c.validUntilDay !== undefined,
    createdAt: order.createdAt,
    dataCollectionForm: c.dataCollectionForm,
    amountMinor: amount,
    taxAmount: c.taxAmount !== undefined ? c.taxAmount : order.taxAmount,
    ipnTargetUrl: c.ipnTargetUrl,
  });
  Object.assign(fields, checkAliasRules({ dataCollectionForm: c.dataCollectionForm ?? order.dataCollectionForm, aliasMode }));
  // The adjustable amount (issue 12), given now or kept: its bounds still hold around the amount.
  Object.assign(
    fields,
    amountUpdateRuleErrors({
      amountUpdate: c.amountUpdate !== undefined ? c.amountUpdate : readAmountUpdate(order.amountUpdate),
      amountMinor: amount,
      channel: order.channel,
      hasInstallments: (order as { installmentPlan?: unknown }).installmentPlan != null,
    }),
  );
  // Instalments (issue 12) are set at creation: the plan's amounts add up to the order's amount.
  if (order.installmentPlan != null && c.amountMinor !== undefined && c.amountMinor !== Number(order.amount)) {
    fields.amount = "err_instalment_amount_change";
  }
  if (c.installmentPlan) fields.instalmentMode = "err_instalment_update";
  if (Object.keys(fields).length || (validity && !validity.ok)) {
    throw new AppError("VALIDATION", `invalid changes: ${JSON.stringify(fields)}`, { fields, publicMessage: "invalid_input" });
  }

  const data: Prisma.PaymentOrderUpdateInput = {
    amount: c.amountMinor === undefined ? undefined : BigInt(c.amountMinor),
    currency: c.currency,
    reference: c.reference,
    validUntil: validity?.ok ? validity.validUntil : undefined,
    locale: c.locale,
    buyerEmail: c.buyerEmail,
    description: c.description,
    merchantComment: c.merchantComment,
    taxAmount: c.taxAmount === undefined ? undefined : BigInt(c.taxAmount),
    taxRate: c.taxRate,
    metadata: c.metadata,
    aliasMode: c.aliasMode,
    threeDsPreference: c.threeDsPreference,
    dataCollectionForm: c.dataCollectionForm,
    remindersOptOut: c.remindersOptOut,
    validationMode: c.validationMode,
    captureDelay: c.captureDelay,
    ipnTargetUrl: c.ipnTargetUrl,
    amountUpdate: c.amountUpdate === undefined ? undefined : (c.amountUpdate ?? Prisma.DbNull),
    recipient: c.recipient,
    bcc: c.bcc,
    subject: c.subject,
    message: phone ? undefined : c.message,
    apiData: c.apiData ? ({ ...(order.apiData as Prisma.JsonObject), ...c.apiData } as Prisma.InputJsonObject) : undefined,
    updatedAt: new Date(),
  };
  const changed = Object.keys(c).filter((k) => (c as Record<string, unknown>)[k] !== undefined && k !== "apiData");

  await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ status: "RUNNING" | "PAID" | "REFUSED" | "EXPIRED" | "CANCELLED"; validUntil: Date }[]>`
      SELECT status, "validUntil" FROM "PaymentOrder" WHERE id = ${order.id} FOR UPDATE`;
    const status = rows[0] ? effectiveStatus(rows[0].status, rows[0].validUntil) : "CANCELLED";
    const allowed = input.reopen ? canTransition(status, "modify") : status === "RUNNING";
    if (!allowed) {
      throw new AppError("INVALID_TRANSITION", `cannot update an order in status ${status}`, { details: { status, event: "update" } });
    }
    // Not under a payment waiting for the acquirer's answer: it was reserved for this amount.
    if (await hasPendingAttempt(tx, order.id)) {
      throw new AppError("INVALID_TRANSITION", "a payment attempt is in progress", { details: { status, event: "update" } });
    }
    const until = validity?.ok ? validity.validUntil : rows[0]!.validUntil;
    if (until.getTime() < Date.now()) {
      throw new AppError("VALIDATION", "a new validity end is needed", {
        fields: { validUntil: "err_validity_past" },
        publicMessage: "invalid_input",
      });
    }
    await tx.paymentOrder.update({ where: { id: order.id }, data: status === "RUNNING" ? data : { ...data, status: "RUNNING" } });
    if (status !== "RUNNING") {
      await recordAuditEvent(tx, {
        actor: input.actor,
        action: "order.modify",
        shopId: order.shopId,
        orderId: order.id,
        before: { status },
        after: { status: "RUNNING" },
      });
    }
    await recordAuditEvent(tx, {
      actor: input.actor,
      action: "order.update",
      shopId: order.shopId,
      orderId: order.id,
      before: Object.fromEntries(changed.map((k) => [k, json((order as Record<string, unknown>)[k === "amountMinor" ? "amount" : k])])),
      after: Object.fromEntries(changed.map((k) => [k, json((c as Record<string, unknown>)[k])])),
    });
    if (input.resend && (order.channel === "MAIL" || order.channel === "SMS" || order.channel === "WHATSAPP")) {
      if (phone) await refreshOrderText(tx, { orderId: order.id, source: c.message });
      await transitionDelivery(tx, { orderId: order.id, event: "resend", actor: input.actor });
      await queueOrderMessageAgain(tx, order.id);
    }
  });
}
