// The buyer's answers to the shop's data collection form (F-ORD-5), kept on the order until a
// payment attempt copies them to its transaction (buyer tab).
import { recordAuditEvent } from "../audit/record-audit-event";
import { type BuyerData, buyerDataSchema, getFormConfig } from "../collect-form/config";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import type { Prisma } from "../server/generated/prisma/client";
import { fieldErrorsOf, safeParseInput } from "../server/validation";

/** Validates against the shop's form and saves; VALIDATION with field errors, ORDER_NOT_PAYABLE when the link is spent. */
export async function saveBuyerData(db: Db, input: { token: string; values: Record<string, string> }): Promise<BuyerData> {
  const order = await db.paymentOrder.findUnique({ where: { token: input.token }, select: { id: true, shopId: true, buyerEmail: true } });
  if (!order) throw new AppError("NOT_FOUND", "no order for this link");
  const config = await getFormConfig(db, order.shopId);
  const parsed = safeParseInput(buyerDataSchema(config?.fields ?? []), input.values);
  if (!parsed.success) throw new AppError("VALIDATION", "buyer data invalid", { fields: fieldErrorsOf(parsed.error) });
  const data = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined)) as BuyerData;
  const setsEmail = Boolean(data.email && !order.buyerEmail);
  await db.$transaction(async (tx) => {
    const updated = await tx.paymentOrder.updateMany({
      where: { id: order.id, status: { in: ["RUNNING", "REFUSED"] } },
      data: {
        collectedData: data as Prisma.InputJsonValue,
        // The receipt goes to the address the buyer gave, unless the merchant set one.
        ...(setsEmail ? { buyerEmail: data.email } : {}),
      },
    });
    if (updated.count === 0) throw new AppError("ORDER_NOT_PAYABLE", "link spent");
    // Which fields the buyer filled, not what they wrote: the answers stay on the order only.
    await recordAuditEvent(tx, {
      actor: { type: "BUYER" },
      action: "order.buyer_data.save",
      shopId: order.shopId,
      orderId: order.id,
      after: { fields: Object.keys(data), ...(setsEmail ? { buyerEmail: "set" } : {}) },
    });
  });
  return data;
}
