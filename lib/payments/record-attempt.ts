// The last step of a payment attempt (pay-order.ts) or of a 3-D Secure challenge's end
// (complete-challenge.ts): the acquirer's answer recorded in a transaction of its own, once.
import { addMinutes } from "date-fns";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import { randomHex32 } from "../server/secrets";
import type { ChallengeRequired } from "./acquirer";
import type { AttemptAnswer, AttemptRow, LockedOrder, PayOrderResult } from "./attempt-types";
import { CHALLENGE_LIMITS, challengeCodeDigest } from "./challenge-code";
import { lockOrder } from "./payable-order";
import { recordOutcome } from "./record-outcome";

/**
 * Records the acquirer's answer to a reserved attempt: the order locked again (the reservation's
 * order: order, then attempt), the attempt locked and still PENDING, then a challenge opened or the
 * outcome written (recordOutcome) and the attempt settled, all in one transaction. Idempotent: for
 * an attempt already settled, a repeated or late answer changes nothing and its result is returned.
 */
export async function recordAttempt(db: Db, attemptId: string, answer: AttemptAnswer): Promise<PayOrderResult> {
  return db.$transaction(
    async (tx) => {
      const { orderId } = await tx.paymentAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { orderId: true } });
      const order = await lockOrder(tx, { id: orderId });
      const attempt = (
        await tx.$queryRaw<AttemptRow[]>`
        SELECT id, "orderId", kind::text, status::text, amount, currency, brand, last4, "expiryMonth", "expiryYear", "cardName",
               "saveCard", lang, "challengeId", "instalmentChargeId", "createdAt"
        FROM "PaymentAttempt" WHERE id = ${attemptId} FOR UPDATE`
      )[0];
      if (!order || !attempt) throw new AppError("NOT_FOUND", `attempt ${attemptId} not found`);
      if (attempt.status !== "PENDING") return settledResult(tx, attempt);
      if ("challenge" in answer) return openChallenge(tx, order, attempt, answer);
      const result = await recordOutcome(tx, order, attempt, answer);
      if (attempt.kind === "CHALLENGE" && attempt.challengeId) {
        await tx.paymentChallenge.update({
          where: { id: attempt.challengeId },
          data: { completedAt: new Date(), transactionId: attempt.id },
        });
      }
      await settle(tx, attempt.id, result.outcome === "ACCEPTED" ? "ACCEPTED" : "REFUSED");
      return result;
    },
    { timeout: 15_000, maxWait: 15_000 },
  );
}

const settle = (tx: Db, id: string, status: "ACCEPTED" | "REFUSED" | "CHALLENGED", challengeId?: string) =>
  tx.paymentAttempt.update({ where: { id }, data: { status, settledAt: new Date(), ...(challengeId ? { challengeId } : {}) } });

/** The issuer wants a challenge: nothing is decided yet, `completeChallenge` reserves the next call. */
async function openChallenge(tx: Db, order: LockedOrder, attempt: AttemptRow, answer: ChallengeRequired): Promise<PayOrderResult> {
  const challengeId = randomHex32();
  await tx.paymentChallenge.create({
    data: {
      id: challengeId,
      orderId: order.id,
      brand: attempt.brand,
      last4: attempt.last4,
      expiryMonth: attempt.expiryMonth,
      expiryYear: attempt.expiryYear,
      cardName: attempt.cardName,
      saveCard: attempt.saveCard,
      codeDigest: challengeCodeDigest(answer.code),
      // The buyer's adjusted amount rides with the acquirer's state until the challenge ends.
      acquirerState: {
        ...answer.state,
        ...(order.mode === "TEST" ? { testCode: answer.code } : {}),
        ...(order.amountUpdate ? { buyerAmount: String(attempt.amount) } : {}),
      },
      threeDs: answer.threeDs,
      lang: attempt.lang,
      expiresAt: addMinutes(new Date(), CHALLENGE_LIMITS.minutes),
    },
  });
  await settle(tx, attempt.id, "CHALLENGED", challengeId);
  return { outcome: "CHALLENGE", challengeId };
}

/** What a settled attempt answered the first time (a repeated answer gets the same). */
async function settledResult(tx: Db, attempt: AttemptRow): Promise<PayOrderResult> {
  if (attempt.status === "CHALLENGED" && attempt.challengeId) return { outcome: "CHALLENGE", challengeId: attempt.challengeId };
  const t = await tx.transaction.findUnique({ where: { id: attempt.id }, select: { number: true, errorMessage: true } });
  if (!t) throw new AppError("CONFLICT", `attempt ${attempt.id} was ${attempt.status.toLowerCase()} before its answer came`);
  return attempt.status === "ACCEPTED"
    ? { outcome: "ACCEPTED", transactionId: attempt.id, number: t.number }
    : { outcome: "REFUSED", transactionId: attempt.id, number: t.number, reason: t.errorMessage ?? undefined };
}
