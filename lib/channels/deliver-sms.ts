import type { Db } from "../server/db";
import { logger } from "../server/logger";
import { checkLowSmsCredits } from "./check-low-sms-credits";
import { type DeliveryCounts, deliverPhoneBatch } from "./phone-batch";
import type { ClaimedPhoneMessage } from "./phone-delivery";
import { resolveSmsAccount, smsStatusCallbackUrl } from "./sms-account";
import { type SmsAccount, sendSms } from "./sms-provider";
import { countSms } from "./sms-segments";

const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * Sends a batch of SMS (one job each) through each company's account (its own, the platform's or
 * the sandbox): claims them, renders the text, posts it to the provider and records the outcome as
 * soon as it answered. Accepted → the message is SENT and waits for the provider's delivery
 * report (/api/channels/sms/status) to move the order to sent or failed. Refused (4xx) → FAILED
 * with the credits refunded; unreachable / 5xx → retried on SMS_RETRY_SCHEDULE, then FAILED and
 * refunded (never accepted). Credits are debited when the order is created, not here.
 */
export async function deliverSms(db: Db, messageIds: string[]): Promise<DeliveryCounts> {
  const { rows, counts } = await deliverPhoneBatch(db, "SMS", messageIds, {
    concurrency: Number(process.env.SMS_CONCURRENCY ?? 8),
    refund: true,
    sender: () => {
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
      return async (m, { text }, fail) => {
        if (!E164.test(m.recipient)) return fail(`PSP_1031: not an E.164 phone number: ${m.recipient}`);
        const account = accountOf(m);
        if (account instanceof Error) return fail(`PSP_1029: the SMS account's password cannot be read (${account.message})`);
        const count = countSms(text);
        const res = await sendSms(account, { to: m.recipient, body: text, statusCallback: smsStatusCallbackUrl(m.id), shopId: m.shopId });
        return { res, segments: count.segments, encoding: count.encoding, deliveredOnAccept: false };
      };
    },
  });
  if (rows.length) {
    await checkLowSmsCredits(db, { companyIds: [...new Set(rows.map((r) => r.companyId))] }).catch((err) =>
      logger.error({ err }, "low SMS credit check failed"),
    );
  }
  return counts;
}
