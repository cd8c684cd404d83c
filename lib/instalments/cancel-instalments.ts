import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, assertRole } from "../auth/actor";
import { getOrderOrThrow } from "../orders/get-order";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";

/**
 * The merchant stops a payment in instalments: every instalment still PENDING becomes CANCELLED
 * (the sweep then never charges it), audited with the indexes cancelled. A charge in progress holds
 * its row lock, so it finishes first and is not cancelled. Nothing left to cancel → INVALID_TRANSITION.
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
