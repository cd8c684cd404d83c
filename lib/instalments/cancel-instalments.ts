import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, assertRole } from "../auth/actor";
import { getOrderOrThrow } from "../orders/get-order";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";

/**
 * The merchant stops a payment in instalments: every instalment still PENDING becomes CANCELLED
 * (the sweep then never charges it), audited with the indexes cancelled. One whose charge is in
 * flight (a PENDING attempt) is cancelled too; its answer makes it PAID if accepted, the money having
 * moved (record-instalment-charge.ts). Nothing left to cancel → INVALID_TRANSITION.
 */
export async function cancelRemainingInstalments(db: Db, input: { actor: Actor; orderId: string }) {
  const order = await getOrderOrThrow(db, input);
  assertRole(input.actor, "OPERATOR");
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ index: number }[]>`
      UPDATE "InstalmentCharge" SET status = 'CANCELLED', "updatedAt" = now()
      WHERE "orderId" = ${input.orderId} AND status = 'PENDING' RETURNING index`;
    if (!rows.length) {
      throw new AppError("INVALID_TRANSITION", "no instalment left to cancel", {
        publicMessage: "err_invalid_transition",
        details: { status: order.status },
      });
    }
    const indexes = rows.map((r) => r.index + 1).sort((a, b) => a - b);
    await recordAuditEvent(tx, {
      actor: input.actor,
      shopId: order.shopId,
      orderId: input.orderId,
      action: "order.instalments.cancel",
      after: { cancelled: indexes },
    });
    return { cancelled: indexes.length };
  });
}

/**
 * The first instalment's transaction was cancelled before capture (issue 12): the buyer's
 * commitment is void, so the instalments still pending are cancelled too, in the same transaction
 * and audited. A later instalment's cancellation voids only that one.
 */
export async function cancelPlanOfVoidedFirstInstalment(tx: Db, input: { actor: Actor; transactionId: string }) {
  const first = await tx.instalmentCharge.findFirst({
    where: { transactionId: input.transactionId, index: 0 },
    select: { orderId: true, order: { select: { shopId: true } } },
  });
  if (!first) return 0;
  const rows = await tx.$queryRaw<{ index: number }[]>`
    UPDATE "InstalmentCharge" SET status = 'CANCELLED', "updatedAt" = now()
    WHERE "orderId" = ${first.orderId} AND status = 'PENDING' RETURNING index`;
  if (rows.length) {
    await recordAuditEvent(tx, {
      actor: input.actor,
      shopId: first.order.shopId,
      orderId: first.orderId,
      action: "order.instalments.cancel",
      after: { cancelled: rows.map((r) => r.index + 1).sort((a, b) => a - b), reason: "first_instalment_cancelled" },
    });
  }
  return rows.length;
}
