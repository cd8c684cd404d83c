import type { Actor } from "../auth/actor";
import type { DbOrTx } from "../server/db";
import { getOrderOrThrow } from "./get-order";

/** What happened to an order, oldest first: audit events with who did it (F-BO-2 timeline). */
export async function findOrderTimeline(db: DbOrTx, input: { actor: Actor; orderId: string }) {
  await getOrderOrThrow(db, input);
  const events = await db.auditEvent.findMany({
    where: { orderId: input.orderId },
    orderBy: { createdAt: "asc" },
    take: 500,
    select: { id: true, action: true, actorType: true, actorId: true, before: true, after: true, createdAt: true },
  });
  const userIds = [...new Set(events.filter((e) => e.actorType === "USER" && e.actorId).map((e) => e.actorId!))];
  const users = new Map(
    (await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]),
  );
  return events.map((e) => ({
    ...e,
    who: e.actorType === "USER" ? (users.get(e.actorId ?? "") ?? "?") : e.actorType === "API_KEY" ? `API ${e.actorId}` : e.actorType,
  }));
}
