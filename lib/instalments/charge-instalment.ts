import type { Acquirer, TokenChargeRequest } from "../payments/acquirer";
import { insertAttempt } from "../payments/pending-attempt";
import { sandboxAcquirer } from "../payments/sandbox-acquirer";
import type { Db } from "../server/db";
import { randomHex32 } from "../server/secrets";
import { chargeWithConnector } from "./charge-with-connector";
import { type ChargeOutcome, lockCharge, recordInstalmentAnswer, writeInstalmentAnswer } from "./record-instalment-charge";

export { type ChargeOutcome, INSTALMENT_RETRY_DAYS } from "./record-instalment-charge";

/**
 * Charges one due instalment on its kept card (docs/architecture.md, "Reserve, call, record"):
 * the instalment locked (a concurrent sweep skips it), checked PENDING and due, and a PENDING
 * attempt committed; then `Acquirer.chargeToken` with no transaction open; then the answer recorded
 * (recordInstalmentAnswer): the transaction with its index, the instalment PAID or rescheduled per
 * INSTALMENT_RETRY_DAYS or FAILED, PAYMENT_ACCEPTED / PAYMENT_REFUSED with the instalment's
 * transaction (receipts on acceptance) and an audit event. Idempotent: a charge no longer PENDING
 * and due, or with an attempt already in flight, is skipped.
 */
export async function chargeInstalment(db: Db, input: { chargeId: string; now: Date; acquirer?: Acquirer }): Promise<ChargeOutcome> {
  const acquirer = input.acquirer ?? sandboxAcquirer;
  const reserved = await db.$transaction(
    async (
      tx,
    ): Promise<
      | ChargeOutcome
      | {
          attemptId: string;
          idempotencyKey: string;
          request: TokenChargeRequest;
          validationMode: "AUTOMATIC" | "MANUAL";
          kept: { connectorId: string; processorToken: string } | null;
        }
    > => {
      const c = await lockCharge(tx, input.chargeId, true);
      if (c?.status !== "PENDING" || c.nextAttemptAt > input.now || c.orderStatus !== "PAID") return "SKIPPED";
      // A card kept by the shop's processor (issue 20) is charged through its connector.
      const kept = c.connectorId && c.processorToken ? { connectorId: c.connectorId, processorToken: c.processorToken } : null;
      // The sandbox serves TEST only: a PRODUCTION card not kept by a processor is not charged.
      const unpayable = (c.connectorId && !kept) || (c.mode === "PRODUCTION" && !kept);
      if (!(c.aliasToken && c.brand && c.last4 && c.expiryMonth && c.expiryYear) || unpayable) {
        // No kept card: refused at once, nothing to ask the acquirer.
        return writeInstalmentAnswer(tx, { charge: c, auth: null, now: input.now, transactionId: randomHex32() });
      }
      const card = { brand: c.brand, last4: c.last4, expiryMonth: c.expiryMonth, expiryYear: c.expiryYear };
      const attemptId = randomHex32();
      const inserted = await insertAttempt(tx, {
        id: attemptId,
        orderId: c.orderId,
        kind: "INSTALMENT",
        amount: c.amount,
        currency: c.currency,
        ...card,
        cardName: null,
        saveCard: false,
        lang: null,
        challengeId: null,
        instalmentChargeId: c.id,
        createdAt: new Date(),
      });
      // Another instalment of this order (or this one, from a concurrent run) is in flight.
      if (!inserted) return "SKIPPED";
      const request = {
        mode: c.mode,
        aliasToken: c.aliasToken,
        amount: Number(c.amount),
        currency: c.currency,
        orderId: c.orderId,
        card,
        at: input.now,
      };
      // One key per try (attempts counts the answers recorded): an attempt abandoned after an unknown
      // outcome is replaced by one with the same key, so the processor answers the first call again.
      return {
        attemptId,
        idempotencyKey: `${c.id}-${c.attempts}`,
        request,
        kept,
        validationMode: c.validationMode === "MANUAL" ? "MANUAL" : "AUTOMATIC",
      };
    },
    { timeout: 15_000, maxWait: 15_000 },
  );
  if (typeof reserved === "string") return reserved;
  // Committed: the instalment's row is free while the acquirer answers. Should the call throw, the
  // attempt stays PENDING until sweepPaymentAttempts settles it; the instalment is then due again.
  if (reserved.kept) {
    const { auth, processor } = await chargeWithConnector(db, {
      ...reserved.kept,
      attemptId: reserved.attemptId,
      idempotencyKey: reserved.idempotencyKey,
      validationMode: reserved.validationMode,
      request: reserved.request,
    });
    return recordInstalmentAnswer(db, { attemptId: reserved.attemptId, auth, now: input.now, processor });
  }
  const auth = await acquirer.chargeToken(reserved.request);
  return recordInstalmentAnswer(db, { attemptId: reserved.attemptId, auth, now: input.now });
}
