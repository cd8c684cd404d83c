import { z } from "zod";
import type { Db } from "../server/db";
import { safeParseInput } from "../server/validation";
import { isFailureSql, M_COLUMNS, orderDeliveryStep, statusRank } from "./phone-delivery";
import { type CompanySmsColumns, resolveSmsAccount } from "./sms-account";
import { isValidTwilioSignature } from "./twilio-signature";

const reportSchema = z.object({
  messageId: z.uuid(),
  MessageSid: z.string().min(1).max(64),
  MessageStatus: z
    .string()
    .min(1)
    .max(32)
    .transform((s) => s.toLowerCase()),
  ErrorCode: z.string().max(16).optional(),
});

// A report only moves a message forwards (queued < sending < sent < delivered | undelivered |
// failed): repeated or late reports change nothing. A failure after acceptance fails the message
// (no refund: the provider bills what it accepted). A report that overtakes the provider's answer
// (message still SENDING) is kept on the message, and applied when the answer is recorded.
const STATUS_SQL = `
WITH m AS (
  UPDATE "Message" x SET "providerStatus" = $3::text, "providerMessageId" = COALESCE(x."providerMessageId", $2),
    status = (CASE WHEN x.status = 'SENT' AND ${isFailureSql("$3::text")} THEN 'FAILED' ELSE x.status::text END)::"MessageStatus",
    "failedAt" = CASE WHEN x.status = 'SENT' AND ${isFailureSql("$3::text")} THEN now() ELSE x."failedAt" END,
    error = CASE WHEN ${isFailureSql("$3::text")} THEN $4 ELSE x.error END
  WHERE x.id = $1 AND x.channel = 'SMS' AND (x."providerMessageId" IS NULL OR x."providerMessageId" = $2)
    AND ${statusRank("$3::text")} > ${statusRank('x."providerStatus"')}
  RETURNING ${M_COLUMNS}
),
${orderDeliveryStep("0", "false", "'order.delivery.provider_status'")}
SELECT count(*)::int AS n FROM m`;

export type SmsStatusResult = "recorded" | "unchanged" | "invalid" | "not_found" | "forbidden";

/**
 * A delivery report posted by the SMS provider to our StatusCallback
 * (/api/channels/sms/status?message=<id>): checked against X-Twilio-Signature with the password of
 * the account that sends the company's SMS, then applied to the message (provider status) and to
 * the order (delivery status sent / failed), with an audit event. Idempotent.
 */
export async function recordSmsStatus(
  db: Db,
  input: {
    /** The URL the provider posted to, as it knows it (APP_URL + path + query). */
    url: string;
    messageId: string | null;
    params: Record<string, string>;
    signature: string | null;
  },
): Promise<SmsStatusResult> {
  const parsed = safeParseInput(reportSchema, { ...input.params, messageId: input.messageId });
  if (!parsed.success) return "invalid";
  const r = parsed.data;
  const { rows } = await db.sql<CompanySmsColumns & { id: string }>(
    `SELECT m.id, co."smsProviderUrl", co."smsLogin", co."smsPasswordEnc", co."smsSender"
     FROM "Message" m JOIN "PaymentOrder" o ON o.id = m."orderId" JOIN "Shop" s ON s.id = o."shopId" JOIN "Company" co ON co.id = s."companyId"
     WHERE m.id = $1 AND m.channel = 'SMS'`,
    [r.messageId],
  );
  if (!rows[0]) return "not_found";
  let password: string;
  try {
    password = resolveSmsAccount(rows[0]).password;
  } catch {
    return "forbidden";
  }
  if (!isValidTwilioSignature(input.url, input.params, password, input.signature)) return "forbidden";
  const error = `${r.MessageStatus}${r.ErrorCode ? ` (provider error ${r.ErrorCode})` : ""}: reported by the SMS provider`;
  const res = await db.sql<{ n: number }>(STATUS_SQL, [r.messageId, r.MessageSid, r.MessageStatus, error]);
  return res.rows[0]?.n ? "recorded" : "unchanged";
}
