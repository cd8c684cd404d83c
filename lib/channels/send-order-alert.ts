// A merchant's alert about one of its orders that needs them (an instalment refused on its last
// try, a processor's answer we refused): to the shop's manager, else the company's, in the
// company's alert language, with a button to the order. Sent once: its audit event, which names
// what it is about, is looked for first. A failure to send throws (pg-boss retries the job).
import { recordAuditEvent } from "../audit/record-audit-event";
import { translator } from "../i18n";
import { formatMoney } from "../money/format-money";
import type { Db } from "../server/db";
import type { Prisma } from "../server/generated/prisma/client";
import { backOfficeUrl } from "../shared/links";
import { fillAlert, sendAlertMail, shopAlertContext } from "./send-alert-mail";

/** Per alert: its audit action, the key of what it is about (one alert each), its messages' prefix. */
const ORDER_ALERTS = {
  instalment: { action: "order.instalment.alert", about: "chargeId", messages: "inst_alert" },
  processor: { action: "order.processor.alert", about: "transactionId", messages: "connector_alert" },
} as const;

/** An amount in the alert's language. */
type Money = (minor: number | bigint, currency: string) => string;

export async function sendOrderAlertOnce(
  db: Db,
  kind: keyof typeof ORDER_ALERTS,
  aboutId: string,
  order: { id: string; shopId: string; reference: string | null },
  alert: {
    /** The `{name}` values of the subject and body, besides shop, reference and link. */
    vars: (money: Money) => Promise<Record<string, string>> | Record<string, string>;
    /** More for the audit event. */
    audited: Record<string, Prisma.InputJsonValue>;
  },
): Promise<{ sent: boolean }> {
  const { action, about, messages } = ORDER_ALERTS[kind];
  const already = await db.auditEvent.findFirst({
    where: { orderId: order.id, action, after: { path: [about], equals: aboutId } },
    select: { id: true },
  });
  if (already) return { sent: false };
  const ctx = await shopAlertContext(db, order.shopId);
  const to = ctx.manager;
  const t = translator(ctx.lang);
  const money: Money = (minor, currency) => formatMoney(minor, currency, ctx.lang === "en" ? "en-GB" : "fr-FR");
  const link = backOfficeUrl.order(order.id);
  const vars = { shop: ctx.shopName, reference: order.reference ?? order.id, ...(await alert.vars(money)), link };
  if (to) {
    await sendAlertMail({
      fromName: ctx.shopName,
      to,
      lang: ctx.lang,
      subject: fillAlert(t(`${messages}_subject`), vars),
      text: fillAlert(t(`${messages}_body`), vars),
      messageKey: `${kind}-alert-${aboutId}`,
      action: { label: t("mail_action_order"), href: link },
      headers: { "X-Shop-Id": order.shopId, "X-Payment-Order-Id": order.id },
    });
  }
  await recordAuditEvent(db, {
    actor: { type: "SYSTEM" },
    shopId: order.shopId,
    orderId: order.id,
    action,
    after: { [about]: aboutId, ...alert.audited, to: to ?? null, sent: Boolean(to) },
  });
  return { sent: Boolean(to) };
}
