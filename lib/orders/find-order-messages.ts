import { type Actor, assertShopAccess } from "../auth/actor";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";

/**
 * The messages of an order, oldest first (the order's e-mail, its reminders, the receipts):
 * recipient, delivery status, attempts, when sent, the SMTP Message-ID or provider id and status,
 * SMS parts and credits, why it failed, and for a reminder the step it was sent for (days before
 * the validity end; the smallest when it stood for several). NOT_FOUND like getOrderOrThrow.
 */
export async function findOrderMessages(db: Db, input: { actor: Actor; orderId: string }) {
  const order = /^[a-f0-9]{32}$/.test(input.orderId)
    ? await db.paymentOrder.findUnique({ where: { id: input.orderId }, select: { shopId: true, mode: true } })
    : null;
  if (!order) throw new AppError("NOT_FOUND", `order ${input.orderId} not found`, { publicMessage: "Not found" });
  assertShopAccess(input.actor, order.shopId);
  if (input.actor.type === "API_KEY" && input.actor.mode !== order.mode) {
    throw new AppError("NOT_FOUND", `order ${input.orderId} is in another mode`, { publicMessage: "Not found" });
  }
  const [messages, reminders] = await Promise.all([
    db.message.findMany({
      where: { orderId: input.orderId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: 200,
      select: {
        id: true,
        channel: true,
        kind: true,
        recipient: true,
        bcc: true,
        status: true,
        attempts: true,
        sentAt: true,
        failedAt: true,
        nextAttemptAt: true,
        providerMessageId: true,
        providerStatus: true,
        segments: true,
        encoding: true,
        credits: true,
        error: true,
        createdAt: true,
      },
    }),
    db.orderReminder.findMany({ where: { orderId: input.orderId, messageId: { not: null } }, select: { step: true, messageId: true } }),
  ]);
  const stepOf = new Map<string, number>();
  for (const r of reminders) stepOf.set(r.messageId!, Math.min(r.step, stepOf.get(r.messageId!) ?? r.step));
  return messages.map((m) => ({ ...m, reminderStep: stepOf.get(m.id) ?? null }));
}

export type OrderMessage = Awaited<ReturnType<typeof findOrderMessages>>[number];
