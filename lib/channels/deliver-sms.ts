import type { Db } from "../server/db";
import { logger } from "../server/logger";
import { loadTemplatesOf } from "../templates/resolve-template";
import { checkLowSmsCredits } from "./check-low-sms-credits";
import { logDeliveries } from "./log-deliveries";
import { afterFailure, closedOrderReason, recordRetry, retrySchedule } from "./message-delivery";
import { type ClaimedPhoneMessage, claimPhoneMessages, mapLimit, phoneText, recordAccepted, recordFailed } from "./phone-delivery";
import { resolveSmsAccount, smsStatusCallbackUrl } from "./sms-account";
import { type SmsAccount, sendSms } from "./sms-provider";
import { countSms } from "./sms-segments";

const E164 = /^\+[1-9]\d{6,14}$/;

export type DeliveryCounts = { sent: number; failed: number; retried: number };

/**
 * Sends a batch of SMS (one job each) through each company's account (its own, the platform's or
 * the sandbox): claims them, renders the text, posts it to the provider and records the outcome as
 * soon as it answered. Accepted → the message is SENT and waits for the provider's delivery
 * report (/api/channels/sms/status) to move the order to sent or failed. Refused (4xx) → FAILED
 * with the credits refunded; unreachable / 5xx → retried on SMS_RETRY_SCHEDULE, then FAILED and
 * refunded (never accepted). Credits are debited when the order is created, not here.
 */
export async function deliverSms(db: Db, messageIds: string[]): Promise<DeliveryCounts> {
  const rows = await claimPhoneMessages(db, "SMS", messageIds);
  if (!rows.length) return { sent: 0, failed: 0, retried: 0 };
  const templates = await loadTemplatesOf(db, rows);
  const schedule = retrySchedule("SMS");
  const accounts = new Map<string, SmsAccount | Error>();
  const accountOf = (m: ClaimedPhoneMessage) => {
    if (!accounts.has(m.companyId)) {
      try {
        accounts.set(m.companyId, resolveSmsAccount(m));
      } catch (e) {
        accounts.set(m.companyId, e instanceof Error ? e : new Error(String(e)));
      }
    }
    return accounts.get(m.companyId)!;
  };

  const outcomes = await mapLimit(rows, Number(process.env.SMS_CONCURRENCY ?? 8), async (m): Promise<keyof DeliveryCounts> => {
    const reason = closedOrderReason(m);
    if (reason) {
      await recordFailed(db, { id: m.id, reason, language: null, text: null, refund: true, touchOrder: false });
      return "failed";
    }
    const { text, language } = phoneText(m, "SMS", templates);
    const fail = async (reason: string) => {
      await recordFailed(db, { id: m.id, reason, language, text, refund: true, touchOrder: true });
      return "failed" as const;
    };
    if (!E164.test(m.recipient)) return fail(`PSP_1031: not an E.164 phone number: ${m.recipient}`);
    const account = accountOf(m);
    if (account instanceof Error) return fail(`PSP_1029: the SMS account's password cannot be read (${account.message})`);
    const count = countSms(text);
    const res = await sendSms(account, { to: m.recipient, body: text, statusCallback: smsStatusCallbackUrl(m.id), shopId: m.shopId });
    if (res.ok) {
      await recordAccepted(db, {
        id: m.id,
        text,
        language,
        providerMessageId: res.id,
        providerStatus: res.status,
        segments: count.segments,
        encoding: count.encoding,
        deliveredOnAccept: false,
      });
      return "sent";
    }
    const next = afterFailure({ reason: `${res.code}: ${res.reason}`, permanent: res.permanent }, m.attempts, schedule);
    if (next.status === "FAILED") return fail(next.reason);
    await recordRetry(db, "SMS", { id: m.id, reason: next.reason, after: next.after, language });
    return "retried";
  });
  logDeliveries("SMS", rows, outcomes);
  await checkLowSmsCredits(db, { companyIds: [...new Set(rows.map((r) => r.companyId))] }).catch((err) =>
    logger.error({ err }, "low SMS credit check failed"),
  );
  const count = (s: keyof DeliveryCounts) => outcomes.filter((o) => o === s).length;
  return { sent: count("sent"), failed: count("failed"), retried: count("retried") };
}
