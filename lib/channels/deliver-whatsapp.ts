import type { Db } from "../server/db";
import type { TemplateVariable } from "../templates/render-template";
import { type DeliveryCounts, deliverPhoneBatch } from "./phone-batch";
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
  const { counts } = await deliverPhoneBatch(db, "WHATSAPP", messageIds, {
    concurrency: Number(process.env.WHATSAPP_CONCURRENCY ?? 8),
    refund: false,
    sender: () => {
      const account = resolveWhatsAppAccount();
      return async (m, { text, language, vars }) => {
        const templateValues = (account.template?.params ?? []).map((name) => vars[name as TemplateVariable] ?? "");
        const res = await sendWhatsApp(account, { to: m.recipient, text, language, templateValues, shopId: m.shopId });
        return { res, deliveredOnAccept: true };
      };
    },
  });
  return counts;
}
