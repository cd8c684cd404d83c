// The merchant's e-mail when a processor's answer was refused by us (issue 20): an amount or a
// currency that is not the attempt's, or a payment on an order closed meanwhile. The processor may
// hold the buyer's money: the merchant cancels or refunds it there. Sent once (audited).
import { recordAuditEvent } from "../audit/record-audit-event";
import { fillAlert, sendAlertMail, shopAlertContext } from "../channels/send-alert-mail";
import { translator } from "../i18n";
import { formatMoney } from "../money/format-money";
import type { Db } from "../server/db";
import { backOfficeUrl } from "../shared/links";

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
  const already = await db.auditEvent.findFirst({
    where: { orderId: t.order.id, action: "order.processor.alert", after: { path: ["transactionId"], equals: t.id } },
    select: { id: true },
  });
  if (already) return { sent: false };
  const ctx = await shopAlertContext(db, t.order.shopId);
  const t9n = translator(ctx.lang);
  const vars: Record<string, string> = {
    shop: ctx.shopName,
    reference: t.order.reference ?? t.order.id,
    amount: formatMoney(t.amount, t.currency, ctx.lang === "en" ? "en-GB" : "fr-FR"),
    processorRef: t.processorRef ?? "—",
    reason: t.flaggedReason,
    link: backOfficeUrl.order(t.order.id),
  };
  if (ctx.manager) {
    await sendAlertMail({
      fromName: ctx.shopName,
      to: ctx.manager,
      lang: ctx.lang,
      subject: fillAlert(t9n("connector_alert_subject"), vars),
      text: fillAlert(t9n("connector_alert_body"), vars),
      messageKey: `processor-alert-${t.id}`,
      action: { label: t9n("mail_action_order"), href: vars.link ?? "" },
      headers: { "X-Shop-Id": t.order.shopId, "X-Payment-Order-Id": t.order.id },
    });
  }
  await recordAuditEvent(db, {
    actor: { type: "SYSTEM" },
    shopId: t.order.shopId,
    orderId: t.order.id,
    action: "order.processor.alert",
    after: { transactionId: t.id, to: ctx.manager ?? null, sent: Boolean(ctx.manager), reason: t.flaggedReason },
  });
  return { sent: Boolean(ctx.manager) };
}
