// An attempt in flight: reserved (PENDING) and committed before the acquirer is called, so no row
// lock is held across the call (docs/architecture.md, "Reserve, call, record"). While it waits for
// its answer, the order takes no second attempt, and nothing closes or changes it.
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import { randomHex32 } from "../server/secrets";
import type { AttemptRow } from "./attempt-types";

/** Told to a second buyer while an attempt waits for the acquirer (the first may still be charged). */
export const paymentInProgress = () =>
  new AppError("ORDER_NOT_PAYABLE", "a payment attempt is waiting for the acquirer's answer", { publicMessage: "payment_in_progress" });

/** `createdAt` is the moment the order was judged payable: the answer is recorded as of then. */
export type NewAttempt = Omit<AttemptRow, "status">;

/**
 * Writes the PENDING attempt on the caller's transaction (which holds the order's or the
 * instalment's row lock). False when the order already has one: the partial unique index
 * "PaymentAttempt_orderId_pending_key" lets only one in, whatever the lock.
 */
export async function insertAttempt(tx: Db, attempt: NewAttempt): Promise<boolean> {
  const { count } = await tx.paymentAttempt.createMany({ data: [attempt], skipDuplicates: true });
  return count === 1;
}

/** `insertAttempt` for a buyer: a refused reservation is "payment in progress". */
export async function reserveAttempt(tx: Db, attempt: NewAttempt): Promise<void> {
  if (!(await insertAttempt(tx, attempt))) throw paymentInProgress();
}

/** A buyer's attempt on a locked order (`reserveAttempt`) in the order's currency, under a new id, which it returns. */
export async function reserveBuyerAttempt(
  tx: Db,
  order: { id: string; currency: string },
  attempt: Omit<NewAttempt, "id" | "orderId" | "amount" | "currency" | "instalmentChargeId"> & { amount: number },
): Promise<string> {
  const id = randomHex32();
  await reserveAttempt(tx, {
    ...attempt,
    id,
    orderId: order.id,
    amount: BigInt(attempt.amount),
    currency: order.currency,
    instalmentChargeId: null,
  });
  return id;
}

/**
 * Whether an attempt on the order waits for its answer. Called after the order's row lock was
 * taken, in its own statement: its snapshot then includes a reservation committed while we waited.
 */
export async function hasPendingAttempt(tx: Db, orderId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<unknown[]>`
    SELECT 1 FROM "PaymentAttempt" WHERE "orderId" = ${orderId} AND status = 'PENDING' LIMIT 1`;
  return rows.length > 0;
}

/**
 * For what would close or change an order (cancel, modify): locks its row, then refuses while an
 * attempt is in flight — its answer must find the order as it was reserved.
 */
export async function assertNoPaymentInProgress(tx: Db, orderId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "PaymentOrder" WHERE id = ${orderId} FOR UPDATE`;
  if (await hasPendingAttempt(tx, orderId)) {
    throw new AppError("INVALID_TRANSITION", `a payment attempt on order ${orderId} is in progress`, {
      details: { event: "payment_in_progress" },
    });
  }
}

/** SQL: no attempt in flight on the order whose id is `orderId` (an SQL expression), for the sweeps. */
export const NO_PENDING_ATTEMPT = (orderId: string) =>
  `NOT EXISTS (SELECT 1 FROM "PaymentAttempt" pa WHERE pa."orderId" = ${orderId} AND pa.status = 'PENDING')`;
