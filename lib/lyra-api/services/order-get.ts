import { parseRequest } from "../parse-request";
import { orderGetSchema } from "../schemas";
import { TRANSACTION_SELECT, toPaymentTransaction } from "../transaction-object";
import type { Service } from "./types";

/** Order/Get — the transactions made by paying the links of this merchant reference. */
export const orderGet: Service = async ({ db, shop, body }) => {
  const { orderId } = parseRequest(orderGetSchema, body);
  const txs = await db.transaction.findMany({
    where: { shopId: shop.id, mode: shop.mode, order: { reference: orderId } },
    orderBy: { createdAt: "asc" },
    take: 100,
    select: TRANSACTION_SELECT,
  });
  return { answer: { orderId, transactions: txs.map(toPaymentTransaction), _type: "V4/OrderTransactions" } };
};
