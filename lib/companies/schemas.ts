import { parsePhoneNumberFromString } from "libphonenumber-js";
import { z } from "zod";
import { outboundUrlProblem } from "../security/outbound-url";
import { MAX_SMS_THRESHOLD } from "./limits";

// Settings › Company (F-SET-2). Messages are keys of the message catalogue (lib/i18n/messages).

const filled = (v: unknown) => typeof v === "string" && v.trim() !== "";
const emptyToNull = (v: unknown) => (v == null || (typeof v === "string" && v.trim() === "") ? null : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToNull, schema.nullable());

/** "+33 6 12 34 56 78" → "+33612345678"; only international numbers (a company has no country). */
export function toE164(typed: string): string | null {
  const text = typed.trim();
  if (!text.startsWith("+") || text.length > 40) return null;
  const parsed = parsePhoneNumberFromString(text);
  return parsed?.isValid() ? parsed.number : null;
}

const phone = (error: string) =>
  z.string({ error }).transform((s, ctx) => {
    const e164 = toE164(s);
    if (!e164) ctx.addIssue({ code: "custom", message: error });
    return e164 ?? s;
  });

/** An SMS sender: an international number, or an alphanumeric name (1–11 characters, one letter at least). */
const sender = z
  .string({ error: "err_sms_sender" })
  .trim()
  .transform((s, ctx) => {
    if (s.startsWith("+")) {
      const e164 = toE164(s);
      if (!e164) ctx.addIssue({ code: "custom", message: "err_sms_sender" });
      return e164 ?? s;
    }
    if (!/^[A-Za-z0-9 ]{1,11}$/.test(s) || !/[A-Za-z]/.test(s)) ctx.addIssue({ code: "custom", message: "err_sms_sender" });
    return s;
  });

/**
 * The provider's base URL: https (the account's password travels on every call), and not a private
 * or internal address (the workers call it). Both waived with ALLOW_PRIVATE_WEBHOOKS=1 (local tests).
 */
const providerUrl = z
  .url({ protocol: /^https?$/, error: "err_sms_url" })
  .max(255, { error: "err_sms_url" })
  .superRefine((url, ctx) => {
    // A private address is named first: switching it to https would not make it acceptable.
    const problem = outboundUrlProblem(url) ?? outboundUrlProblem(url, { requireHttps: true });
    const key = problem === "private" ? "err_sms_url_private" : problem === "https" ? "err_sms_url_https" : "err_sms_url";
    if (problem) ctx.addIssue({ code: "custom", message: key });
  });

export const companySettingsSchema = z
  .object({
    name: z.string({ error: "err_company_name" }).trim().min(1, { error: "err_company_name" }).max(100, { error: "err_company_name" }),
    managerEmail: optional(z.email({ error: "err_email" }).max(150, { error: "err_email" })),
    smsProviderUrl: optional(providerUrl),
    smsLogin: optional(z.string({ error: "err_sms_login" }).trim().max(100, { error: "err_sms_login" })),
    /** A new password; empty keeps the stored one. Never read back. */
    smsPassword: optional(z.string({ error: "err_sms_password" }).max(200, { error: "err_sms_password" })),
    smsSender: optional(sender),
    smsNotifyPhone: optional(phone("err_sms_notify_phone")),
    smsLowCreditThreshold: optional(
      z.coerce
        .number({ error: "err_sms_threshold" })
        .int({ error: "err_sms_threshold" })
        .min(0, { error: "err_sms_threshold" })
        .max(MAX_SMS_THRESHOLD, { error: "err_sms_threshold" }),
    ),
  })
  .refine((s) => !filled(s.smsProviderUrl) || filled(s.smsLogin), {
    path: ["smsLogin"],
    error: "err_sms_login",
    // Also when other fields are wrong, so that every bad field is named at once.
    when: () => true,
  });

export type CompanySettings = z.infer<typeof companySettingsSchema>;
/** As typed in the form: every field, not yet checked. */
export type CompanySettingsInput = { [K in keyof CompanySettings]: unknown };

export { MAX_SMS_THRESHOLD };
