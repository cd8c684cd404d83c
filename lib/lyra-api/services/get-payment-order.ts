import { LyraError } from "../error-codes";
import { parseRequest } from "../parse-request";
import { loadPaymentOrderRow, type PaymentOrderRow, toPaymentOrder } from "../payment-order-object";
import { paymentOrderIdSchema } from "../schemas";
import type { ServiceContext } from "./types";

/** The order by id, only within the caller's shop and mode (anything else: not found). */
export async function loadOwnOrder({ db, shop, body }: ServiceContext): Promise<PaymentOrderRow> {
  if (body.paymentOrderId === undefined || body.paymentOrderId === null || body.paymentOrderId === "") {
    throw new LyraError("PSP_1052", "paymentOrderId is required");
  }
  const id = parseRequest(paymentOrderIdSchema, body.paymentOrderId);
  const row = await loadPaymentOrderRow(db, id);
  if (!row || row.shopId !== shop.id || row.mode !== shop.mode)
    throw new LyraError("PSP_1000", `Payment order not found [paymentOrderId=${id}]`);
  return row;
}

/** Charge/PaymentOrder/Get */
export const getPaymentOrder = async (ctx: ServiceContext) => ({ answer: toPaymentOrder(await loadOwnOrder(ctx)) });
