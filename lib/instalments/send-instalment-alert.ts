// The merchant's e-mail when an instalment is refused on its last try (issue 12): to the shop's
// manager, else the company's; in the language of the company's first administrator who chose
// one (else French). A failure to send throws and pg-boss retries it; sent once (audited).
import { recordAuditEvent } from "../audit/record-audit-event";
import { fillAlert, sendAlertMail, shopAlertContext } from "../channels/send-alert-mail";
import { translator } from "../i18n";
import { formatMoney } from "../money/format-money";
import type { Db } from "../server/db";
import { backOfficeUrl } from "../shared/links";

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
  const ctx = await shopAlertContext(db, c.order.shopId);
  const to = ctx.manager;
  const lang = ctx.lang;
  const t = translator(lang);
  const tx = c.transactionId
    ? await db.transaction.findUnique({ where: { id: c.transactionId }, select: { errorMessage: true, errorCode: true } })
    : null;
  const vars: Record<string, string> = {
    shop: ctx.shopName,
    index: String(c.index + 1),
    count: String(c.order._count.instalments),
    amount: formatMoney(c.amount, c.order.currency, lang === "en" ? "en-GB" : "fr-FR"),
    reference: c.order.reference ?? c.order.id,
    attempts: String(c.attempts),
    reason: tx ? `${tx.errorCode ?? ""} ${tx.errorMessage ?? ""}`.trim() : "—",
    link: backOfficeUrl.order(c.order.id),
  };
  if (to) {
    await sendAlertMail({
      fromName: ctx.shopName,
      to,
      lang,
      subject: fillAlert(t("inst_alert_subject"), vars),
      text: fillAlert(t("inst_alert_body"), vars),
      messageKey: `instalment-alert-${c.id}`,
      action: { label: t("mail_action_order"), href: vars.link! },
      headers: { "X-Shop-Id": c.order.shopId, "X-Payment-Order-Id": c.order.id },
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
