import type { UserActor } from "../auth/actor";
import type { Db } from "../server/db";

/** The catcher's mailbox (newest first), limited to the actor's shops: a tenant sees its own mail. */
export async function findCaughtMail(db: Db, input: { actor: UserActor; take?: number }) {
  return db.caughtMail.findMany({
    where: { shopId: { in: input.actor.shopIds } },
    orderBy: { receivedAt: "desc" },
    take: Math.min(input.take ?? 100, 500),
    select: { id: true, shopId: true, from: true, to: true, subject: true, receivedAt: true, envelopeTo: true },
  });
}

/** One caught message with its HTML and text parts (NOT_FOUND outside the actor's shops: null). */
export async function getCaughtMail(db: Db, input: { actor: UserActor; id: string }) {
  if (!/^[0-9a-f-]{36}$/.test(input.id)) return null;
  return db.caughtMail.findFirst({ where: { id: input.id, shopId: { in: input.actor.shopIds } } });
}
