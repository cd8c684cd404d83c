import crypto from "node:crypto";
import { addDays } from "date-fns";
import { recordAuditEvent } from "../audit/record-audit-event";
import { queueReceipts } from "../channels/queue-receipts";
import type { NotificationEvent } from "../notifications/events";
import { queueNotifications } from "../notifications/queue-notifications";
import type { Acquirer } from "../payments/acquirer";
import { sandboxAcquirer } from "../payments/sandbox-acquirer";
import type { Db } from "../server/db";
import { enqueueInTx } from "../server/jobs/enqueue";
import { QUEUES } from "../server/jobs/queues";
import { randomHex32 } from "../server/secrets";

/**
 * Retry policy of a refused instalment: tried again 1 day after the first refusal, 3 days after
 * the second; the third refusal fails it for good (the merchant is alerted by e-mail and by the
 * INSTALMENT_FAILED notification). The other instalments keep their dates.
 */
export const INSTALMENT_RETRY_DAYS = [1, 3];

type Due = {
  id: string;
  orderId: string;
  index: number;
  amount: bigint;
  attempts: number;
  shopId: string;
  mode: "TEST" | "PRODUCTION";
  currency: string;
  orderStatus: string;
  validationMode: string;
  captureDelay: number;
  aliasId: string | null;
  aliasToken: string | null;
  brand: string | null;
  last4: string | null;
  expiryMonth: number | null;
  expiryYear: number | null;
};

export type ChargeOutcome = "ACCEPTED" | "RETRY" | "FAILED" | "SKIPPED";

/**
 * Charges one due instalment on its kept card, in one transaction: the instalment is locked (a
 * concurrent sweep skips it), the acquirer asked, the transaction written with its index, the
 * instalment marked PAID or rescheduled per INSTALMENT_RETRY_DAYS or FAILED, PAYMENT_ACCEPTED /
 * PAYMENT_REFUSED raised with the instalment's transaction (receipts on acceptance) and an audit
 * event. Idempotent: a charge no longer PENDING and due is skipped.
 */
export async function chargeInstalment(db: Db, input: { chargeId: string; now: Date; acquirer?: Acquirer }): Promise<ChargeOutcome> {
  const acquirer = input.acquirer ?? sandboxAcquirer;
  return db.$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<Due[]>`
        SELECT c.id, c."orderId", c.index, c.amount, c.attempts, o."shopId", o.mode, o.currency, o.status::text AS "orderStatus",
               o."validationMode"::text AS "validationMode", o."captureDelay", c."aliasId", a.token AS "aliasToken", a.brand, a.last4,
               a."expiryMonth", a."expiryYear"
        FROM "InstalmentCharge" c JOIN "PaymentOrder" o ON o.id = c."orderId" LEFT JOIN "CardAlias" a ON a.id = c."aliasId"
        WHERE c.id = ${input.chargeId}::uuid AND c.status = 'PENDING' AND c."nextAttemptAt" <= ${input.now}
        FOR UPDATE OF c SKIP LOCKED`;
      const c = rows[0];
      if (c?.orderStatus !== "PAID") return "SKIPPED";
      const auth =
        c.aliasToken && c.brand && c.last4 && c.expiryMonth && c.expiryYear
          ? await acquirer.chargeToken({
              mode: c.mode,
              aliasToken: c.aliasToken,
              amount: Number(c.amount),
              currency: c.currency,
              orderId: c.orderId,
              card: { brand: c.brand, last4: c.last4, expiryMonth: c.expiryMonth, expiryYear: c.expiryYear },
              at: input.now,
            })
          : null;
      const approved = auth?.approved === true;
      const transactionId = randomHex32();
      await tx.transaction.create({
        data: {
          id: transactionId,
          number: crypto.randomInt(0, 1_000_000).toString().padStart(6, "0"),
          orderId: c.orderId,
          shopId: c.shopId,
          mode: c.mode,
          amount: c.amount,
          currency: c.currency,
          status: approved ? (c.validationMode === "MANUAL" ? "AUTHORISED_TO_VALIDATE" : "AUTHORISED") : "REFUSED",
          errorCode: auth && !auth.approved ? auth.code : auth ? null : "NO_TOKEN",
          errorMessage: auth && !auth.approved ? auth.message : auth ? null : "no_kept_card",
          brand: c.brand,
          last4: c.last4,
          expiryMonth: c.expiryMonth,
          expiryYear: c.expiryYear,
          threeDs: auth ? auth.threeDs : undefined,
          aliasId: c.aliasId,
          installmentIndex: c.index,
          captureDate: approved ? addDays(input.now, c.captureDelay) : null,
        },
      });
      const attempts = c.attempts + 1;
      const retryDays = INSTALMENT_RETRY_DAYS[c.attempts];
      const outcome: ChargeOutcome = approved ? "ACCEPTED" : auth && retryDays !== undefined ? "RETRY" : "FAILED";
      await tx.instalmentCharge.update({
        where: { id: c.id },
        data: {
          attempts,
          updatedAt: input.now,
          ...(outcome === "ACCEPTED" ? { status: "PAID", transactionId } : {}),
          ...(outcome === "RETRY" ? { nextAttemptAt: addDays(input.now, retryDays as number), transactionId } : {}),
          ...(outcome === "FAILED" ? { status: "FAILED", transactionId } : {}),
        },
      });
      if (approved) await queueReceipts(tx, c.orderId);
      const events: { orderId: string; event: NotificationEvent; transactionId: string }[] = [
        { orderId: c.orderId, event: approved ? "PAYMENT_ACCEPTED" : "PAYMENT_REFUSED", transactionId },
      ];
      if (outcome === "FAILED") {
        events.push({ orderId: c.orderId, event: "INSTALMENT_FAILED" as const, transactionId });
        await enqueueInTx(tx, QUEUES.instalmentFailedAlert.name, { chargeId: c.id }, { singletonKey: c.id });
      }
      await queueNotifications(tx, events);
      await recordAuditEvent(tx, {
        actor: { type: "SYSTEM" },
        shopId: c.shopId,
        orderId: c.orderId,
        action: "order.instalment.charge",
        after: {
          index: c.index + 1,
          amount: Number(c.amount),
          outcome,
          attempts,
          transactionId,
          code: auth && !auth.approved ? auth.code : null,
        },
      });
      return outcome;
    },
    { timeout: 15_000, maxWait: 15_000 },
  );
}
