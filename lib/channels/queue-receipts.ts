import type { Db } from "../server/db";
import { type NewMessage, queueMessages } from "./queue-messages";

/**
 * After an accepted payment, in its transaction: the receipts. A shop without any e-mail rule gets
 * the defaults — the buyer's receipt (to the buyer e-mail, or the order's single e-mail recipient)
 * and the merchant's notice (shop manager, else company manager). Once a shop has e-mail rules
 * (Settings › Notification rules), they decide: each enabled rule listening to PAYMENT_ACCEPTED
 * (and to the order's channel) sends the buyer's receipt (BUYER), the merchant's notice (MERCHANT)
 * or the merchant's notice to its own address; a disabled rule sends nothing.
 */
export async function queueReceipts(tx: Db, orderId: string) {
  const o = await tx.paymentOrder.findUniqueOrThrow({
    where: { id: orderId },
    select: {
      channel: true,
      buyerEmail: true,
      recipient: true,
      shopId: true,
      reference: true,
      amount: true,
      currency: true,
      shop: {
        select: {
          name: true,
          defaultLanguage: true,
          managerEmail: true,
          company: { select: { managerEmail: true } },
          rules: {
            where: { kind: "EMAIL" },
            select: { kind: true, enabled: true, events: true, channels: true, emailTarget: true, templateId: true },
          },
        },
      },
    },
  });
  const single = o.channel === "MAIL" && o.recipient && !o.recipient.includes(";") ? o.recipient : null;
  const buyer = o.buyerEmail ?? single;
  const merchant = o.shop.managerEmail ?? o.shop.company.managerEmail;
  const emailRules = o.shop.rules.filter((r) => r.kind === "EMAIL");
  const targets = emailRules.length
    ? emailRules
        .filter((r) => r.enabled && r.events.includes("PAYMENT_ACCEPTED") && (r.channels.length === 0 || r.channels.includes(o.channel)))
        .map((r) => ({ target: r.emailTarget ?? "BUYER", templateId: r.templateId }))
    : [
        { target: "BUYER", templateId: null },
        { target: "MERCHANT", templateId: null },
      ];
  const messages: NewMessage[] = [];
  const seen = new Set<string>();
  for (const { target, templateId } of targets) {
    const m: NewMessage | null =
      target === "BUYER"
        ? buyer
          ? { orderId, channel: "MAIL", kind: "RECEIPT_BUYER", recipient: buyer, templateId }
          : null
        : target === "MERCHANT"
          ? merchant
            ? { orderId, channel: "MAIL", kind: "RECEIPT_MERCHANT", recipient: merchant, templateId }
            : null
          : { orderId, channel: "MAIL", kind: "RECEIPT_MERCHANT", recipient: target, templateId };
    if (!m || seen.has(`${m.kind}|${m.recipient}`)) continue;
    seen.add(`${m.kind}|${m.recipient}`);
    messages.push(m);
  }
  return queueMessages(tx, messages);
}
