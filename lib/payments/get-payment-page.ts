import { effectiveStatus } from "../orders/order-view";
import type { DbOrTx } from "../server/db";

/** What the buyer's page needs, by link token. Null when the token matches nothing. */
export async function getPaymentPage(db: DbOrTx, token: string) {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) return null;
  const order = await db.paymentOrder.findUnique({
    where: { token },
    select: {
      id: true,
      reference: true,
      amount: true,
      currency: true,
      locale: true,
      validUntil: true,
      status: true,
      mode: true,
      description: true,
      shop: { select: { name: true, timeZone: true, url: true, defaultLanguage: true } },
      transactions: {
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { id: true, number: true, status: true, brand: true, last4: true, createdAt: true, errorMessage: true },
      },
    },
  });
  if (!order) return null;
  const { transactions, ...rest } = order;
  return {
    ...rest,
    amount: Number(order.amount),
    status: effectiveStatus(order.status, order.validUntil),
    lastTransaction: transactions[0] ?? null,
  };
}

export type PaymentPage = NonNullable<Awaited<ReturnType<typeof getPaymentPage>>>;
