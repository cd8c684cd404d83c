import type { Actor } from "../auth/actor";
import { actorId } from "../auth/actor";
import type { Db } from "../server/db";
import type { Prisma } from "../server/generated/prisma/client";

export type AuditInput = {
  actor: Actor;
  action: string;
  shopId?: string | null;
  companyId?: string | null;
  orderId?: string | null;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
};

/** Writes one audit event; call it with the transaction that makes the change. */
export async function recordAuditEvent(db: Db, input: AuditInput) {
  await db.auditEvent.create({
    data: {
      actorType: input.actor.type,
      actorId: actorId(input.actor),
      action: input.action,
      shopId: input.shopId ?? null,
      companyId: input.companyId ?? (input.actor.type === "USER" ? input.actor.companyId : null),
      orderId: input.orderId ?? null,
      before: input.before,
      after: input.after,
    },
  });
}
