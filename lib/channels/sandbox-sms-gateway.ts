import crypto from "node:crypto";
import { z } from "zod";
import { outboundRequest } from "../security/outbound-request";
import type { Db } from "../server/db";
import { appUrl } from "../server/env";
import { logger } from "../server/logger";
import { uuid7 } from "../server/uuid7";
import { safeParseInput } from "../server/validation";
import { isOperatorUrl, PROVIDER_TIMEOUT_MS } from "./provider-http";
import { isSmsSandboxEnabled, smsSandboxAccount } from "./sms-account";
import { twilioSignature } from "./twilio-signature";

// The built-in SMS gateway used when no SMS account is configured: it answers the Twilio Messages
// API like a provider (Basic auth, form fields, 201 with sid and "queued"), keeps each message for
// the back office's test outbox, and posts a signed delivery report to the StatusCallback a moment
// later: "delivered", or "undelivered" for numbers ending in 0000. Numbers ending in 0001 are
// refused at once as invalid (HTTP 400, code 21211), to try the refusal path.

export type SandboxAnswer = { status: number; body: Record<string, unknown> };
export type SandboxCallback = { url: string; sid: string; to: string; from: string; status: "delivered" | "undelivered" };

const E164 = /^\+[1-9]\d{6,14}$/;
const twilioError = (status: number, code: number, message: string): SandboxAnswer => ({
  status,
  body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status },
});

const formSchema = z.object({
  To: z.string({ error: "21604" }).min(1, { error: "21604" }),
  From: z.string({ error: "21603" }).min(1, { error: "21603" }),
  Body: z.string({ error: "21602" }).min(1, { error: "21602" }).max(1600, { error: "21617" }),
  StatusCallback: z.url({ error: "21609" }).optional(),
});
const MESSAGES: Record<string, string> = {
  "21602": "Message body is required.",
  "21603": "A 'From' phone number is required.",
  "21604": "A 'To' phone number is required.",
  "21609": "Invalid StatusCallback URL.",
  "21617": "The concatenated message body exceeds the 1600 character limit.",
};

function isAuthorised(login: string, authorization: string | null) {
  const expected = smsSandboxAccount();
  const [scheme, encoded] = (authorization ?? "").split(" ");
  if (scheme !== "Basic" || !encoded) return false;
  const given = Buffer.from(encoded, "base64").toString("utf8");
  const want = `${expected.login}:${expected.password}`;
  return login === expected.login && given.length === want.length && crypto.timingSafeEqual(Buffer.from(given), Buffer.from(want));
}

/** POST …/2010-04-01/Accounts/{login}/Messages.json: the provider's answer, and the report to post later. */
export async function receiveSandboxSms(
  db: Db,
  input: {
    login: string;
    authorization: string | null;
    shopId: string | null;
    params: Record<string, string>;
  },
): Promise<{ answer: SandboxAnswer; callback: SandboxCallback | null }> {
  if (!isSmsSandboxEnabled()) return { answer: twilioError(404, 20404, "The requested resource was not found"), callback: null };
  if (!isAuthorised(input.login, input.authorization)) return { answer: twilioError(401, 20003, "Authenticate"), callback: null };
  const parsed = safeParseInput(formSchema, input.params);
  if (!parsed.success) {
    const code = parsed.error.issues[0]!.message;
    return { answer: twilioError(400, Number(code), MESSAGES[code] ?? "Invalid parameter"), callback: null };
  }
  const { To, From, Body, StatusCallback } = parsed.data;
  if (!E164.test(To) || To.endsWith("0001")) {
    return { answer: twilioError(400, 21211, `The 'To' number ${To} is not a valid phone number.`), callback: null };
  }
  const sid = `SM${crypto.randomBytes(16).toString("hex")}`;
  const shopId = input.shopId && /^\d{8}$/.test(input.shopId) ? input.shopId : null;
  const now = new Date();
  await db.sql(
    `INSERT INTO "SandboxMessage" (id, channel, "shopId", account, "from", "to", body, "providerMessageId", status, "statusCallback", "receivedAt")
     VALUES ($1, 'SMS', $2, $3, $4, $5, $6, $7, 'queued', $8, $9)`,
    [uuid7(), shopId, input.login, From, To, Body, sid, StatusCallback ?? null, now],
  );
  const answer: SandboxAnswer = {
    status: 201,
    body: {
      sid,
      account_sid: input.login,
      to: To,
      from: From,
      body: Body,
      status: "queued",
      direction: "outbound-api",
      api_version: "2010-04-01",
      date_created: now.toUTCString(),
      uri: `/2010-04-01/Accounts/${input.login}/Messages/${sid}.json`,
    },
  };
  const callback: SandboxCallback | null = StatusCallback
    ? { url: StatusCallback, sid, to: To, from: From, status: To.endsWith("0000") ? "undelivered" : "delivered" }
    : null;
  return { answer, callback };
}

/** Posts the delivery report as a provider does (form fields, X-Twilio-Signature), and files it. */
export async function postSandboxStatus(db: Db, cb: SandboxCallback): Promise<number | null> {
  const account = smsSandboxAccount();
  const params: Record<string, string> = {
    AccountSid: account.login,
    ApiVersion: "2010-04-01",
    From: cb.from,
    MessageSid: cb.sid,
    MessageStatus: cb.status,
    SmsSid: cb.sid,
    SmsStatus: cb.status,
    To: cb.to,
    ...(cb.status === "undelivered" ? { ErrorCode: "30003" } : {}),
  };
  await db.sql(`UPDATE "SandboxMessage" SET status = $2 WHERE "providerMessageId" = $1`, [cb.sid, cb.status]);
  // Our own status route, at APP_URL: trusted; any other address goes through the SSRF guard.
  const res = await outboundRequest(cb.url, {
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-twilio-signature": twilioSignature(cb.url, params, account.password),
    },
    body: new URLSearchParams(params).toString(),
    timeoutMs: PROVIDER_TIMEOUT_MS,
    maxBytes: 0,
    trusted: isOperatorUrl(cb.url, appUrl()),
  });
  if (res.kind === "answer") return res.status;
  logger.error({ reason: res.kind === "blocked" ? "blocked" : res.message, url: cb.url }, "SMS sandbox status callback failed");
  return null;
}

/** "A moment later", like a carrier's report (SANDBOX_SMS_CALLBACK_DELAY_MS, default 1.5 s). */
export function scheduleSandboxStatus(db: Db, cb: SandboxCallback) {
  const delay = Number(process.env.SANDBOX_SMS_CALLBACK_DELAY_MS ?? 1500);
  setTimeout(() => void postSandboxStatus(db, cb), delay);
}
