// The types a payment attempt's steps share — reserve (pay-order.ts, complete-challenge.ts), call,
// record (record-attempt.ts, record-outcome.ts) — in one file, so none of them imports another
// for a type.
import type { NewOrderRow } from "../orders/insert-order";
import type { AuthorizationResult, ChallengeRequired } from "./acquirer";

/** The card as the platform keeps it: never its number. */
export type CardSummary = { brand: string; last4: string; expiryMonth: number; expiryYear: number; cardName: string | null };

/** The order behind a link, read under its row lock with what an attempt needs. */
export type LockedOrder = Pick<
  NewOrderRow,
  "id" | "validUntil" | "mode" | "shopId" | "amount" | "currency" | "captureDelay" | "aliasMode" | "threeDsPreference" | "buyerEmail"
> & {
  status: string;
  validationMode: string;
  acceptedBrands: string[];
  collectedData: Record<string, string> | null;
  amountUpdate: unknown;
  installmentPlan: unknown;
  timeZone: string;
  /** The shop's company is suspended (setup19): no new attempt; answers to earlier ones are still recorded. */
  companySuspended: boolean;
};

export type PayOrderResult =
  | { outcome: "ACCEPTED" | "REFUSED"; transactionId: string; number: string; reason?: string }
  | { outcome: "CHALLENGE"; challengeId: string };

export type CompleteChallengeResult = PayOrderResult | { outcome: "WRONG_CODE"; attemptsLeft: number } | { outcome: "CHALLENGE_EXPIRED" };

/** What the acquirer answered an attempt: an authorisation or a refusal, or (to `pay`) a challenge. */
export type AttemptAnswer = AuthorizationResult | ChallengeRequired;

/** A reserved attempt as its record reads it back (the PaymentAttempt row). */
export type AttemptRow = CardSummary & {
  id: string;
  orderId: string;
  kind: "PAYMENT" | "CHALLENGE" | "INSTALMENT";
  status: "PENDING" | "ACCEPTED" | "REFUSED" | "CHALLENGED" | "ABANDONED";
  amount: bigint;
  currency: string;
  saveCard: boolean;
  lang: string | null;
  challengeId: string | null;
  instalmentChargeId: string | null;
  createdAt: Date;
};
