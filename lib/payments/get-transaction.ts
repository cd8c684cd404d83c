import { type Actor, assertShopAccess } from "../auth/actor";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import { TRANSACTION_RESULT_COLUMNS } from "./transaction-columns";

/** One transaction as the back office shows it (F-BO-5): card, 3-D Secure, buyer, alias, order. NOT_FOUND for another tenant's. */
export async function getTransactionOrThrow(db: Db, input: { actor: Actor; transactionId: string }) {
  const row = /^[a-f0-9]{32}$/.test(input.transactionId)
    ? await db.transaction.findUnique({
        where: { id: input.transactionId },
        select: {
          id: true,
          number: true,
          shopId: true,
          mode: true,
          status: true,
          amount: true,
          currency: true,
          ...TRANSACTION_RESULT_COLUMNS,
          threeDs: true,
          buyerData: true,
          captureDate: true,
          capturedAt: true,
          validatedAt: true,
          createdAt: true,
          operationType: true,
          processorRef: true,
          connectorId: true,
          flaggedReason: true,
          comment: true,
          parent: { select: { id: true, number: true, amount: true, currency: true } },
          refunds: {
            orderBy: { createdAt: "asc" },
            select: { id: true, number: true, amount: true, status: true, createdAt: true, errorMessage: true, comment: true },
          },
          alias: { select: { token: true, brand: true, last4: true, expiryMonth: true, expiryYear: true } },
          shop: { select: { name: true, timeZone: true } },
          order: { select: { id: true, reference: true, channel: true, buyerEmail: true, recipient: true } },
        },
      })
    : null;
  if (!row) throw new AppError("NOT_FOUND", `transaction ${input.transactionId} not found`, { publicMessage: "Not found" });
  assertShopAccess(input.actor, row.shopId);
  if (input.actor.type === "API_KEY" && input.actor.mode !== row.mode) {
    throw new AppError("NOT_FOUND", `transaction ${input.transactionId} is in another mode`, { publicMessage: "Not found" });
  }
  const refunds = row.refunds.map((r) => ({ ...r, amount: Number(r.amount) }));
  // What a captured debit may still be refunded: its amount less the refunds done or still asked.
  const held = refunds.filter((r) => r.status === "PENDING" || r.status === "CAPTURED").reduce((s, r) => s + r.amount, 0);
  const refundable = row.operationType === "DEBIT" && row.status === "CAPTURED" ? Math.max(0, Number(row.amount) - held) : 0;
  return {
    ...row,
    amount: Number(row.amount),
    parent: row.parent ? { ...row.parent, amount: Number(row.parent.amount) } : null,
    refunds,
    refunded: refunds.filter((r) => r.status === "CAPTURED").reduce((s, r) => s + r.amount, 0),
    refundable,
  };
}

export type TransactionDetail = Awaited<ReturnType<typeof getTransactionOrThrow>>;
