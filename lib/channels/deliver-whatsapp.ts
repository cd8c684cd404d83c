import type { Db } from "../server/db";
import type { TemplateVariable } from "../templates/render-template";
import { loadTemplatesOf } from "../templates/resolve-template";
import type { DeliveryCounts } from "./deliver-sms";
import { logDeliveries } from "./log-deliveries";
import { afterFailure, closedOrderReason, recordRetry, retrySchedule } from "./message-delivery";
import { claimPhoneMessages, mapLimit, phoneText, recordAccepted, recordFailed } from "./phone-delivery";
import { resolveWhatsAppAccount } from "./whatsapp-account";
import { sendWhatsApp } from "./whatsapp-provider";

/**
 * Sends a batch of WhatsApp messages through the platform's WhatsApp Business account (or the
 * sandbox): the order's text with its link (link preview on), or the configured template with
 * the order's values. The Cloud API reports delivery through an app-level webhook rather than a
 * per-message callback, so an accepted message counts as sent. Errors keep their API code
 * (PSP_1001–PSP_1004) at the start of the message's error; gateway trouble is retried on
 * WHATSAPP_RETRY_SCHEDULE, then failed with PSP_1001.
 */
export async function deliverWhatsApp(db: Db, messageIds: string[]): Promise<DeliveryCounts> {
  const rows = await claimPhoneMessages(db, "WHATSAPP", messageIds);
  if (!rows.length) return { sent: 0, failed: 0, retried: 0 };
  const templates = await loadTemplatesOf(db, rows);
  const schedule = retrySchedule("WHATSAPP");
  const account = resolveWhatsAppAccount();

  const outcomes = await mapLimit(rows, Number(process.env.WHATSAPP_CONCURRENCY ?? 8), async (m): Promise<keyof DeliveryCounts> => {
    const reason = closedOrderReason(m);
    if (reason) {
      await recordFailed(db, { id: m.id, reason, language: null, text: null, refund: false, touchOrder: false });
      return "failed";
    }
    const { text, language, vars } = phoneText(m, "WHATSAPP", templates);
    const templateValues = (account.template?.params ?? []).map((name) => vars[name as TemplateVariable] ?? "");
    const res = await sendWhatsApp(account, { to: m.recipient, text, language, templateValues, shopId: m.shopId });
    if (res.ok) {
      await recordAccepted(db, {
        id: m.id,
        text,
        language,
        providerMessageId: res.id,
        providerStatus: res.status,
        deliveredOnAccept: true,
      });
      return "sent";
    }
    const next = afterFailure({ reason: `${res.code}: ${res.reason}`, permanent: res.permanent }, m.attempts, schedule);
    if (next.status === "FAILED") {
      await recordFailed(db, { id: m.id, reason: next.reason, language, text, refund: false, touchOrder: true });
      return "failed";
    }
    await recordRetry(db, "WHATSAPP", { id: m.id, reason: next.reason, after: next.after, language });
    return "retried";
  });
  logDeliveries("WHATSAPP", rows, outcomes);
  const count = (s: keyof DeliveryCounts) => outcomes.filter((o) => o === s).length;
  return { sent: count("sent"), failed: count("failed"), retried: count("retried") };
}
