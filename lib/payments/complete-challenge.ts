// The end of a 3-D Secure challenge (F-PAY-3): the challenge as its page shows it, and the
// buyer's answer (the code, or cancel) turned into the attempt's outcome.
import crypto from "node:crypto";
import { firstInstalmentAmount } from "../instalments/schedule-instalments";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import type { Acquirer, ResumeRequest, ThreeDsOutcome } from "./acquirer";
import type { CompleteChallengeResult } from "./attempt-types";
import { CHALLENGE_LIMITS, challengeCodeDigest } from "./challenge-code";
import { lockPayableOrder } from "./payable-order";
import { reserveBuyerAttempt } from "./pending-attempt";
import { recordAttempt } from "./record-attempt";
import { sandboxAcquirer } from "./sandbox-acquirer";

export type { CompleteChallengeResult } from "./attempt-types";

/** A challenge as its page shows it: null when unknown or not of this link. */
export async function getChallenge(db: Db, token: string, challengeId: string) {
  if (!/^[a-f0-9]{32}$/.test(challengeId)) return null;
  const row = await db.paymentChallenge.findFirst({
    where: { id: challengeId, order: { token } },
    select: {
      id: true,
      brand: true,
      last4: true,
      attempts: true,
      expiresAt: true,
      completedAt: true,
      transactionId: true,
      acquirerState: true,
      lang: true,
    },
  });
  if (!row) return null;
  const state = row.acquirerState as Record<string, string>;
  return {
    id: row.id,
    brand: row.brand,
    last4: row.last4,
    attemptsLeft: CHALLENGE_LIMITS.attempts - row.attempts,
    expired: row.expiresAt.getTime() <= Date.now(),
    completedAt: row.completedAt,
    transactionId: row.transactionId,
    lang: row.lang,
    /** Shown on TEST pages only (the sandbox's stand-in for the issuer's text message). */
    testCode: typeof state.testCode === "string" ? state.testCode : null,
  };
}

type Reserved = { attemptId: string; brand: string; request: ResumeRequest };

/**
 * The buyer's answer to a 3-D Secure challenge: the code typed, or "cancel". A right code lets the
 * acquirer authorise; a wrong one leaves CHALLENGE_LIMITS.attempts tries, then the attempt is
 * refused. Reserve, call, record like payOrder: the order is locked again (a link paid meanwhile
 * in another tab takes nothing more), the code checked and a PENDING attempt committed; then
 * `Acquirer.resume` with no transaction open; then recordAttempt ends the challenge.
 */
export async function completeChallenge(
  db: Db,
  input: { token: string; challengeId: string; code?: string; cancel?: boolean; acquirer?: Acquirer },
): Promise<CompleteChallengeResult> {
  const acquirer = input.acquirer ?? sandboxAcquirer;
  const step = await db.$transaction(
    async (tx): Promise<CompleteChallengeResult | Reserved> => {
      const now = new Date();
      const order = await lockPayableOrder(tx, input.token, now);
      const found = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "PaymentChallenge"
        WHERE id = ${input.challengeId} AND "orderId" = ${order.id} AND "completedAt" IS NULL FOR UPDATE`;
      if (!found[0]) throw new AppError("NOT_FOUND", "no open challenge", { publicMessage: "err_challenge_unknown" });
      const ch = await tx.paymentChallenge.findUniqueOrThrow({ where: { id: input.challengeId } });
      if (ch.expiresAt.getTime() <= Date.now()) {
        await tx.paymentChallenge.update({ where: { id: ch.id }, data: { completedAt: new Date() } });
        return { outcome: "CHALLENGE_EXPIRED" };
      }
      const typed = (input.code ?? "").trim();
      const right = typed.length > 0 && crypto.timingSafeEqual(Buffer.from(challengeCodeDigest(typed)), Buffer.from(ch.codeDigest));
      let buyerStep: "passed" | "failed" | "cancelled";
      if (input.cancel) buyerStep = "cancelled";
      else if (right) buyerStep = "passed";
      else if (ch.attempts + 1 < CHALLENGE_LIMITS.attempts) {
        await tx.paymentChallenge.update({ where: { id: ch.id }, data: { attempts: { increment: 1 } } });
        return { outcome: "WRONG_CODE", attemptsLeft: CHALLENGE_LIMITS.attempts - ch.attempts - 1 };
      } else buyerStep = "failed";
      // The last try (or a cancel) counts; the challenge ends when the answer is recorded.
      if (!right) await tx.paymentChallenge.update({ where: { id: ch.id }, data: { attempts: { increment: 1 } } });
      const state = ch.acquirerState as Record<string, string>;
      const amount =
        firstInstalmentAmount(order) ?? (state.buyerAmount && order.amountUpdate ? Number(state.buyerAmount) : Number(order.amount));
      const attemptId = await reserveBuyerAttempt(tx, order, {
        kind: "CHALLENGE",
        amount,
        brand: ch.brand,
        last4: ch.last4,
        expiryMonth: ch.expiryMonth,
        expiryYear: ch.expiryYear,
        cardName: ch.cardName,
        saveCard: ch.saveCard,
        lang: ch.lang,
        challengeId: ch.id,
        createdAt: now,
      });
      const threeDs = ch.threeDs as unknown as ThreeDsOutcome;
      return {
        attemptId,
        brand: ch.brand,
        request: { mode: order.mode, amount, currency: order.currency, orderId: order.id, state, buyerStep, threeDs },
      };
    },
    { timeout: 15_000, maxWait: 15_000 },
  );
  if ("outcome" in step) return step;
  // Committed: no row lock is held while the acquirer answers (see payOrder).
  const auth = await acquirer.resume(step.request);
  return recordAttempt(db, step.attemptId, { ...auth, brand: step.brand });
}
