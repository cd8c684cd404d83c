import type { Tx } from "../server/db";
import { type NewMessage, queueMessagesTx } from "./queue-messages";

/**
 * After an accepted payment, in its transaction: the buyer's receipt (to the buyer e-mail, or the
 * order's single e-mail recipient) and the merchant's notice (shop manager, else company manager).
 */
export async function queueReceipts(tx: Tx, orderId: string) {
  const o = await tx.paymentOrder.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      channel: true,
      buyerEmail: true,
      recipient: true,
      shop: { select: { managerEmail: true, company: { select: { managerEmail: true } } } },
    },
  });
  const single = o.channel === "MAIL" && o.recipient && !o.recipient.includes(";") ? o.recipient : null;
  const buyer = o.buyerEmail ?? single;
  const merchant = o.shop.managerEmail ?? o.shop.company.managerEmail;
  const messages: NewMessage[] = [];
  if (buyer) messages.push({ orderId, channel: "MAIL", kind: "RECEIPT_BUYER", recipient: buyer });
  if (merchant) messages.push({ orderId, channel: "MAIL", kind: "RECEIPT_MERCHANT", recipient: merchant });
  return queueMessagesTx(tx, messages);
}
