// Changing an authorisation before its capture (manual §10.1, Lyra's Transaction/Update): move its
// capture date within the authorisation's life, lower the amount to capture, switch its
// validation mode. Audited; the capture sweep reads the new date (sweep-transactions.ts).
import { addDays } from "date-fns";
import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, assertRole } from "../auth/actor";
import { queueNotifications } from "../notifications/queue-notifications";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import { dayInZone, startOfDayInZone } from "../time/shop-time";
import { getTransactionOrThrow } from "./get-transaction";
import { assertProcessorAccepted, operationOn, type ProcessorOps, processorOpsFor } from "./processor-ops";
import { canTransitionTransaction, transitionTransaction, validationExpiryDays } from "./transaction-status";

export type UpdateTransactionInput = {
  actor: Actor;
  transactionId: string;
  /** The new capture day, in the shop's zone ("YYYY-MM-DD"). */
  captureDay?: string;
  /** Minor units: the amount to capture, lowered (never raised). */
  amount?: number;
  /** true: wait for a validation; false: validated (captured on its capture date). */
  manualValidation?: boolean;
  comment?: string;
  ops?: ProcessorOps;
};

const BEFORE_CAPTURE = ["AUTHORISED", "AUTHORISED_TO_VALIDATE"];

/** The days a capture date may take: from today to the authorisation's end (payment + 7 days), in the shop's zone. */
export function captureDayWindow(t: { createdAt: Date }, timeZone: string, now = new Date()) {
  return { min: dayInZone(now, timeZone), max: dayInZone(addDays(t.createdAt, validationExpiryDays()), timeZone) };
}

const invalid = (field: string, key: string, reason: string, message: string) =>
  new AppError("VALIDATION", message, { fields: { [field]: key }, reason });

export async function updateTransaction(db: Db, input: UpdateTransactionInput) {
  const t0 = await getTransactionOrThrow(db, input);
  assertRole(input.actor, "OPERATOR");
  if (t0.operationType !== "DEBIT" || !BEFORE_CAPTURE.includes(t0.status))
    throw new AppError("INVALID_TRANSITION", `cannot change a transaction in status ${t0.status}`, {
      publicMessage: "err_action_not_allowed",
      details: { status: t0.status, event: "update" },
    });
  const tz = t0.shop.timeZone;
  let captureDate: Date | undefined;
  if (input.captureDay !== undefined) {
    const w = captureDayWindow(t0, tz);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.captureDay) || input.captureDay < w.min || input.captureDay > w.max)
      throw invalid(
        "captureDay",
        "err_capture_day_range",
        "capture_date_range",
        `capture day ${input.captureDay} outside ${w.min}..${w.max}`,
      );
    captureDate = startOfDayInZone(input.captureDay, tz);
  }
  // Moving the capture date is the sandbox's (and Lyra's own back office's): not in the connector interface.
  if (captureDate && (input.ops ?? (await processorOpsFor(db, t0))).name !== "sandbox")
    throw new AppError("CONFLICT", "the processor's capture date cannot be changed from here", {
      publicMessage: "err_processor_unsupported",
      reason: "unsupported",
    });
  const lower = input.amount !== undefined && input.amount !== t0.amount ? input.amount : undefined;
  if (lower !== undefined && (!Number.isSafeInteger(lower) || lower <= 0 || lower > t0.amount))
    throw invalid("amount", "err_tx_amount_lower", "amount_not_lower", `amount ${lower} is not between 1 and ${t0.amount}`);
  if (lower !== undefined) {
    const ops = input.ops ?? (await processorOpsFor(db, t0));
    if (!ops.lowerAmount)
      throw new AppError("CONFLICT", `${ops.name} cannot lower an authorisation`, {
        publicMessage: "err_processor_unsupported",
        reason: "unsupported",
      });
    assertProcessorAccepted(await ops.lowerAmount(operationOn(t0, lower)), "processor refused");
  }

  return db.$transaction(async (tx) => {
    const locked = (
      await tx.sql<{ status: string; amount: string; captureDate: Date | null }>(
        `SELECT status::text AS status, amount::text AS amount, "captureDate" FROM "Transaction" WHERE id = $1 FOR UPDATE`,
        [t0.id],
      )
    ).rows[0];
    if (!locked || !BEFORE_CAPTURE.includes(locked.status))
      throw new AppError("INVALID_TRANSITION", `transaction ${t0.id} changed meanwhile`, {
        publicMessage: "err_action_not_allowed",
        details: { status: locked?.status, event: "update" },
      });
    const before: Record<string, string | number | null> = {};
    const after: Record<string, string | number | null> = {};
    if (captureDate && captureDate.getTime() !== locked.captureDate?.getTime()) {
      before.captureDate = locked.captureDate?.toISOString() ?? null;
      after.captureDate = captureDate.toISOString();
    }
    if (lower !== undefined && lower < Number(locked.amount)) {
      before.amount = Number(locked.amount);
      after.amount = lower;
    }
    if (Object.keys(after).length) {
      await tx.transaction.update({
        where: { id: t0.id },
        data: {
          ...(after.captureDate ? { captureDate } : {}),
          ...(after.amount !== undefined ? { amount: BigInt(lower as number) } : {}),
          ...(input.comment ? { comment: input.comment.slice(0, 255) } : {}),
        },
      });
      await recordAuditEvent(tx, {
        actor: input.actor,
        action: "transaction.update",
        shopId: t0.shopId,
        orderId: t0.order.id,
        before: { transactionId: t0.id, ...before },
        after: { transactionId: t0.id, ...after, ...(input.comment ? { comment: input.comment.slice(0, 255) } : {}) },
      });
    }
    const status = locked.status as "AUTHORISED" | "AUTHORISED_TO_VALIDATE";
    if (input.manualValidation === true && canTransitionTransaction(status, "holdForValidation")) {
      await transitionTransaction(tx, { transactionId: t0.id, event: "holdForValidation", actor: input.actor });
    } else if (input.manualValidation === false && canTransitionTransaction(status, "validate")) {
      await transitionTransaction(tx, { transactionId: t0.id, event: "validate", actor: input.actor, data: { validatedAt: new Date() } });
      await queueNotifications(tx, [{ orderId: t0.order.id, event: "TRANSACTION_VALIDATED", transactionId: t0.id }]);
    }
    return { changed: Object.keys(after) };
  });
}
