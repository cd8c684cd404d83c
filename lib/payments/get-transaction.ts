import { type Actor, assertShopAccess } from "../auth/actor";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";

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
          errorCode: true,
          errorMessage: true,
          brand: true,
          last4: true,
          expiryMonth: true,
          expiryYear: true,
          threeDs: true,
          buyerData: true,
          captureDate: true,
          capturedAt: true,
          validatedAt: true,
          createdAt: true,
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
  return { ...row, amount: Number(row.amount) };
}

export type TransactionDetail = Awaited<ReturnType<typeof getTransactionOrThrow>>;
