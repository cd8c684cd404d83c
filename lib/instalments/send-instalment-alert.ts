// The merchant's e-mail when an instalment is refused on its last try (issue 12): to the shop's
// manager, else the company's; in the language of the company's first administrator who chose
// one (else French). A failure to send throws and pg-boss retries it; sent once (audited).
import { recordAuditEvent } from "../audit/record-audit-event";
import { translator } from "../i18n";
import { formatMoney } from "../money/format-money";
import type { Db } from "../server/db";
import { appUrl } from "../server/env";
import { getMailer, mailFrom } from "../server/mailer";

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export async function sendInstalmentFailedAlert(db: Db, input: { chargeId: string }) {
  const c = await db.instalmentCharge.findUnique({
    where: { id: input.chargeId },
    select: {
      id: true,
      index: true,
      amount: true,
      attempts: true,
      status: true,
      transactionId: true,
      order: {
        select: {
          id: true,
          reference: true,
          currency: true,
          shopId: true,
          _count: { select: { instalments: true } },
          shop: {
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
          },
        },
      },
    },
  });
  if (c?.status !== "FAILED") return { sent: false };
  const already = await db.auditEvent.findFirst({
    where: { orderId: c.order.id, action: "order.instalment.alert", after: { path: ["chargeId"], equals: c.id } },
    select: { id: true },
  });
  if (already) return { sent: false };
  const shop = c.order.shop;
  const to = shop.managerEmail ?? shop.company.managerEmail;
  const lang = shop.company.users[0]?.locale === "en" ? "en" : "fr";
  const t = translator(lang);
  const tx = c.transactionId
    ? await db.transaction.findUnique({ where: { id: c.transactionId }, select: { errorMessage: true, errorCode: true } })
    : null;
  const vars: Record<string, string> = {
    shop: shop.name,
    index: String(c.index + 1),
    count: String(c.order._count.instalments),
    amount: formatMoney(c.amount, c.order.currency, lang === "en" ? "en-GB" : "fr-FR"),
    reference: c.order.reference ?? c.order.id,
    attempts: String(c.attempts),
    reason: tx ? `${tx.errorCode ?? ""} ${tx.errorMessage ?? ""}`.trim() : "—",
    link: `${appUrl()}/orders/${c.order.id}`,
  };
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
  if (to) {
    const text = fill(t("inst_alert_body"));
    const mailer = await getMailer();
    await mailer.send({
      from: { name: shop.name, address: mailFrom() },
      to: [to],
      bcc: [],
      subject: fill(t("inst_alert_subject")),
      text,
      html: `<!doctype html><html lang="${lang}"><body>${text
        .split("\n\n")
        .map((p) => `<p>${esc(p)}</p>`)
        .join("")}</body></html>`,
      messageId: `<instalment-alert-${c.id}@${mailFrom().split("@")[1] || "payment-orders.localhost"}>`,
      headers: { "Auto-Submitted": "auto-generated", "X-Shop-Id": c.order.shopId, "X-Payment-Order-Id": c.order.id },
    });
  }
  await recordAuditEvent(db, {
    actor: { type: "SYSTEM" },
    shopId: c.order.shopId,
    orderId: c.order.id,
    action: "order.instalment.alert",
    after: { chargeId: c.id, index: c.index + 1, to: to ?? null, sent: Boolean(to) },
  });
  return { sent: Boolean(to) };
}
