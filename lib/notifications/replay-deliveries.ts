// Replay (F-SET-3): deliveries sent again with their stored body — same payload, same signature —
// as one fresh attempt each (logged as a replay). Operators and administrators, on their shops.
import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, assertRole } from "../auth/actor";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import { withRequestId } from "../server/request-context";
import { webhookQueue } from "./queues";

export const MAX_REPLAY = 500;

export async function replayDeliveries(db: Db, input: { actor: Actor; deliveryIds: string[] }): Promise<{ queued: number }> {
  assertRole(input.actor, "OPERATOR");
  const ids = [...new Set(input.deliveryIds)].filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (!ids.length) return { queued: 0 };
  if (ids.length > MAX_REPLAY) throw new AppError("VALIDATION", "too many deliveries", { fields: { deliveryIds: "err_replay_too_many" } });
  const shopIds = input.actor.type === "USER" ? input.actor.shopIds : input.actor.type === "API_KEY" ? [input.actor.shopId] : [];
  return db.$transaction(async (tx) => {
    const rows = await tx.webhookDelivery.findMany({
      where: { id: { in: ids }, shopId: { in: shopIds } },
      select: { id: true, shopId: true, orderId: true },
    });
    if (!rows.length) throw new AppError("NOT_FOUND", "no such delivery", { publicMessage: "Not found" });
    await tx.webhookDelivery.updateMany({
      where: { id: { in: rows.map((r) => r.id) } },
      data: { status: "PENDING", nextAttemptAt: new Date() },
    });
    await tx.enqueue(
      webhookQueue,
      rows.map((r) => withRequestId({ deliveryId: r.id, replay: true })),
    );
    for (const r of rows) {
      await recordAuditEvent(tx, {
        actor: input.actor,
        shopId: r.shopId,
        orderId: r.orderId ?? undefined,
        action: "notification.replay",
        after: { deliveryId: r.id },
      });
    }
    return { queued: rows.length };
  });
}
