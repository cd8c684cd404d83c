import { type Actor, assertShopAccess } from "../auth/actor";
import { TRANSACTION_ROW_COLUMNS } from "../payments/transaction-columns";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import { paymentUrl } from "../shared/links";
import { effectiveStatus } from "./order-view";

/** One order as the back office shows it; NOT_FOUND for another tenant's order. */
export async function getOrderOrThrow(db: Db, input: { actor: Actor; orderId: string }) {
  const order = /^[a-f0-9]{32}$/.test(input.orderId)
    ? await db.paymentOrder.findUnique({
        where: { id: input.orderId },
        include: {
          shop: { select: { id: true, name: true, timeZone: true, defaultValidityDays: true } },
          sourceUser: { select: { name: true, email: true } },
          transactions: {
            orderBy: { createdAt: "desc" },
            select: {
              id: true,
              number: true,
              ...TRANSACTION_ROW_COLUMNS,
              errorCode: true,
              installmentIndex: true,
              operationType: true,
              parentId: true,
            },
          },
        },
      })
    : null;
  if (!order) throw new AppError("NOT_FOUND", `order ${input.orderId} not found`, { publicMessage: "Not found" });
  assertShopAccess(input.actor, order.shopId);
  if (input.actor.type === "API_KEY" && input.actor.mode !== order.mode) {
    throw new AppError("NOT_FOUND", `order ${input.orderId} is in another mode`, { publicMessage: "Not found" });
  }
  return {
    ...order,
    amount: Number(order.amount),
    taxAmount: order.taxAmount === null ? null : Number(order.taxAmount),
    status: effectiveStatus(order.status, order.validUntil),
    paymentUrl: paymentUrl(order.token),
    transactions: order.transactions.map((t) => ({ ...t, amount: Number(t.amount) })),
  };
}

export type OrderDetail = Awaited<ReturnType<typeof getOrderOrThrow>>;
