import type { Actor } from "../auth/actor";
import { findOrderDeliveries } from "../notifications/find-order-deliveries";
import type { Db } from "../server/db";
import { getOrderOrThrow } from "./get-order";

/**
 * What happened to an order, oldest first (F-BO-2 timeline): audit events with who did it, and
 * each notification delivery sent about it (F-SET-3) with its outcome so far.
 */
export async function findOrderTimeline(db: Db, input: { actor: Actor; orderId: string }) {
  const order = await getOrderOrThrow(db, input);
  const [events, deliveries] = await Promise.all([
    db.auditEvent.findMany({
      where: { orderId: input.orderId },
      orderBy: { createdAt: "asc" },
      take: 500,
      select: { id: true, action: true, actorType: true, actorId: true, before: true, after: true, createdAt: true },
    }),
    findOrderDeliveries(db, { shopId: order.shopId, orderId: order.id }),
  ]);
  const userIds = [...new Set(events.filter((e) => e.actorType === "USER" && e.actorId).map((e) => e.actorId!))];
  const users = new Map(
    (await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]),
  );
  const audited = events.map((e) => ({
    ...e,
    kind: "audit" as const,
    who: e.actorType === "USER" ? (users.get(e.actorId ?? "") ?? "?") : e.actorType === "API_KEY" ? `API ${e.actorId}` : e.actorType,
  }));
  const sent = deliveries.map((d) => ({ ...d, kind: "delivery" as const }));
  // A stable merge: at the same instant, the audited change comes before the notification it raised.
  return [...audited, ...sent].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

export type TimelineEntry = Awaited<ReturnType<typeof findOrderTimeline>>[number];
