// The alert e-mail after a notification's last failed attempt (F-SET-3): to the rule's alert
// address, else the shop's manager, else the company's; in the language of the company's first
// administrator who chose one (else French). A failure to send throws and pg-boss retries it.
import { recordAuditEvent } from "../audit/record-audit-event";
import { translator } from "../i18n";
import type { Db } from "../server/db";
import { appUrl } from "../server/env";
import { getMailer, mailFrom } from "../server/mailer";

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

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
  const shop = await db.shop.findUniqueOrThrow({
    where: { id: d.shopId },
    select: {
      name: true,
      managerEmail: true,
      company: {
        select: {
          managerEmail: true,
          users: {
            where: { role: "ADMIN", disabledAt: null, locale: { not: null } },
            select: { locale: true },
            orderBy: { createdAt: "asc" },
            take: 1,
          },
        },
      },
    },
  });
  const to = d.alertEmail ?? shop.managerEmail ?? shop.company.managerEmail;
  const lang = shop.company.users[0]?.locale === "en" ? "en" : "fr";
  const t = translator(lang);
  const vars: Record<string, string> = {
    shop: shop.name,
    rule: d.rule?.label ?? "ipnTargetUrl",
    event: d.event,
    url: d.url,
    attempts: String(d.attempts),
    outcome: d.lastStatusCode ? `HTTP ${d.lastStatusCode}` : (d.lastError ?? "—"),
    link: `${appUrl()}/notifications/deliveries/${d.id}`,
  };
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
  if (to) {
    const text = fill(t("webhook_alert_body"));
    const mailer = await getMailer();
    await mailer.send({
      from: { name: shop.name, address: mailFrom() },
      to: [to],
      bcc: [],
      subject: fill(t("webhook_alert_subject")),
      text,
      html: `<!doctype html><html lang="${lang}"><body>${text
        .split("\n\n")
        .map((p) => `<p>${esc(p)}</p>`)
        .join("")}</body></html>`,
      messageId: `<webhook-alert-${d.id}@${mailFrom().split("@")[1] || "payment-orders.localhost"}>`,
      headers: { "Auto-Submitted": "auto-generated", "X-Shop-Id": d.shopId, ...(d.orderId ? { "X-Payment-Order-Id": d.orderId } : {}) },
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
