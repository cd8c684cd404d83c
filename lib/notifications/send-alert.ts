// The alert e-mail after a notification's last failed attempt (F-SET-3): to the rule's alert
// address, else the shop's manager, else the company's; in the language of the company's first
// administrator who chose one (else French). A failure to send throws and pg-boss retries it.
import { recordAuditEvent } from "../audit/record-audit-event";
import { fillAlert, sendAlertMail, shopAlertContext } from "../channels/send-alert-mail";
import { translator } from "../i18n";
import type { Db } from "../server/db";
import { backOfficeUrl } from "../shared/links";

export async function sendWebhookAlert(db: Db, input: { deliveryId: string }) {
  const d = await db.webhookDelivery.findUnique({
    where: { id: input.deliveryId },
    select: {
      id: true,
      event: true,
      url: true,
      mode: true,
      attempts: true,
      lastStatusCode: true,
      lastError: true,
      alertEmail: true,
      alertedAt: true,
      orderId: true,
      rule: { select: { label: true } },
      shopId: true,
    },
  });
  if (!d || d.alertedAt) return { sent: false };
  const ctx = await shopAlertContext(db, d.shopId);
  const to = d.alertEmail ?? ctx.manager;
  const t = translator(ctx.lang);
  const vars: Record<string, string> = {
    shop: ctx.shopName,
    rule: d.rule?.label ?? "ipnTargetUrl",
    event: d.event,
    url: d.url,
    attempts: String(d.attempts),
    outcome: d.lastStatusCode ? `HTTP ${d.lastStatusCode}` : (d.lastError ?? "—"),
    link: backOfficeUrl.delivery(d.id),
  };
  if (to) {
    await sendAlertMail({
      fromName: ctx.shopName,
      to,
      lang: ctx.lang,
      subject: fillAlert(t("webhook_alert_subject"), vars),
      text: fillAlert(t("webhook_alert_body"), vars),
      messageKey: `webhook-alert-${d.id}`,
      action: { label: t("mail_action_delivery"), href: vars.link! },
      headers: { "X-Shop-Id": d.shopId, ...(d.orderId ? { "X-Payment-Order-Id": d.orderId } : {}) },
    });
  }
  await db.webhookDelivery.update({ where: { id: d.id }, data: { alertedAt: new Date() } });
  await recordAuditEvent(db, {
    actor: { type: "SYSTEM" },
    shopId: d.shopId,
    orderId: d.orderId ?? undefined,
    action: "notification.alert",
    after: { deliveryId: d.id, to: to ?? null, sent: Boolean(to) },
  });
  return { sent: Boolean(to) };
}
