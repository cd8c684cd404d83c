// The merchant's e-mail when a processor's answer was refused by us (issue 20): an amount or a
// currency that is not the attempt's, or a payment on an order closed meanwhile. The processor may
// hold the buyer's money: the merchant cancels or refunds it there. Sent once (audited).
import { sendOrderAlertOnce } from "../channels/send-order-alert";
import type { Db } from "../server/db";

export async function sendProcessorAlert(db: Db, input: { transactionId: string }) {
  const t = await db.transaction.findUnique({
    where: { id: input.transactionId },
    select: {
      id: true,
      amount: true,
      currency: true,
      processorRef: true,
      flaggedReason: true,
      order: { select: { id: true, reference: true, shopId: true } },
    },
  });
  if (!t?.flaggedReason) return { sent: false };
  const reason = t.flaggedReason;
  return sendOrderAlertOnce(db, "processor", t.id, t.order, {
    vars: (money) => ({ amount: money(t.amount, t.currency), processorRef: t.processorRef ?? "—", reason }),
    audited: { reason },
  });
}
