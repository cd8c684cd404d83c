import { cancelOrder } from "../../orders/cancel-order";
import { reactivateOrder } from "../../orders/reactivate-order";
import { toLyraError } from "../parse-request";
import { loadPaymentOrderRow, toPaymentOrder } from "../payment-order-object";
import { loadOwnOrder } from "./get-payment-order";
import { apiActor, type Service } from "./types";

// Our extensions (not in Lyra's published API): the back office's cancel and reactivate actions.

/** Charge/PaymentOrder/Cancel */
export const cancelPaymentOrder: Service = async (ctx) => {
  const row = await loadOwnOrder(ctx);
  await cancelOrder(ctx.db, { actor: apiActor(ctx.shop), orderId: row.id }).catch((e) => {
    throw toLyraError(e);
  });
  return { answer: toPaymentOrder((await loadPaymentOrderRow(ctx.db, row.id))!) };
};

/** Charge/PaymentOrder/Reactivate */
export const reactivatePaymentOrder: Service = async (ctx) => {
  const row = await loadOwnOrder(ctx);
  await reactivateOrder(ctx.db, { actor: apiActor(ctx.shop), orderId: row.id }).catch((e) => {
    throw toLyraError(e);
  });
  return { answer: toPaymentOrder((await loadPaymentOrderRow(ctx.db, row.id))!) };
};
