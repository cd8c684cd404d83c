import { z } from "zod";
import { normalisePhoneNumber } from "../../channels/phone-number";
import { checkWebhookUrl } from "../../security/outbound-url";
import { HASH_KEYS, NOTIFICATION_EVENTS, NOTIFICATION_SOURCES } from "../events";
import { EMAIL_RULE_EVENTS, EMAIL_TARGETS, LABEL_MAX, RULE_CHANNELS, RULE_FORMATS, SMS_RULE_EVENTS } from "./options";

// Messages are keys of the back-office catalogue (lib/i18n/messages/notification-rules.ts).

const EMAIL_MAX = 254;

export const ruleIdSchema = z.uuid();

const emptyToNull = (v: unknown) => (v == null || (typeof v === "string" && v.trim() === "") ? null : v);
const bool = z.boolean({ error: "err_generic" });

/** A list of known codes, stored in the reference order without duplicates; errors name the list. */
const codeList = <T extends string>(known: readonly T[], unknown: string, min: number, none: string) =>
  z
    .array(z.string({ error: unknown }), { error: none })
    .refine((list) => list.every((c) => (known as readonly string[]).includes(c)), { error: unknown })
    .transform((list) => known.filter((k) => list.includes(k)))
    .refine((list) => list.length >= min, { error: none });

const common = {
  label: z.string({ error: "err_rule_label" }).trim().min(1, { error: "err_rule_label" }).max(LABEL_MAX, { error: "err_rule_label_long" }),
  // "Event source is in list": payment orders are the only source so far.
  sources: codeList(NOTIFICATION_SOURCES, "err_rule_sources", 1, "err_rule_sources").default(["PAYMENT_ORDER"]),
  channels: codeList(RULE_CHANNELS, "err_rule_channels", 0, "err_rule_channels").default([]),
};

const webhookUrl = (mode: "TEST" | "PRODUCTION") =>
  z.preprocess(emptyToNull, z.string({ error: "err_webhook_url_invalid" }).trim().nullable()).superRefine((url, ctx) => {
    const error = url === null ? null : checkWebhookUrl(url, mode);
    if (error) ctx.addIssue({ code: "custom", message: error });
  });

/** A "URL call" rule (F-SET-3): the merchant's server is called after each event, in TEST or PRODUCTION. */
export const urlCallRuleSchema = z
  .object({
    kind: z.literal("URL_CALL"),
    ...common,
    events: codeList(NOTIFICATION_EVENTS, "err_rule_events_unknown", 1, "err_rule_events"),
    alertEmail: z.preprocess(emptyToNull, z.email({ error: "err_email" }).max(EMAIL_MAX, { error: "err_email" }).nullable()).default(null),
    retry: bool.default(true),
    urlTest: webhookUrl("TEST").default(null),
    urlProd: webhookUrl("PRODUCTION").default(null),
    // Issue 21: form-format URLs called too (a REST rule only).
    formUrlTest: webhookUrl("TEST").default(null),
    formUrlProd: webhookUrl("PRODUCTION").default(null),
    format: z.enum(RULE_FORMATS, { error: "err_rule_format" }).default("REST"),
    // Ignored (kept "password") for the form format, signed like the form API.
    hashKey: z.enum(HASH_KEYS, { error: "err_rule_hash_key" }).default("password"),
  })
  // Also when other fields are wrong, so that every bad field is named at once.
  .refine((r) => Boolean(r.urlTest || r.urlProd), { path: ["urlTest"], error: "err_rule_url_required", when: () => true })
  .transform((r) => ({
    ...r,
    hashKey: r.format === "REST" ? r.hashKey : ("password" as const),
    formUrlTest: r.format === "REST" ? r.formUrlTest : null,
    formUrlProd: r.format === "REST" ? r.formUrlProd : null,
    smsPhone: null,
    emailTarget: null,
    templateId: null,
  }));

/** A URL call's columns, and the SMS phone, as a rule of another kind stores them (they mean nothing there). */
const NO_URL_CALL = {
  alertEmail: null,
  retry: true,
  urlTest: null,
  urlProd: null,
  formUrlTest: null,
  formUrlProd: null,
  smsPhone: null,
  format: "REST",
  hashKey: "password",
} as const;

const emailTarget = z
  .string({ error: "err_rule_email_target" })
  .trim()
  .min(1, { error: "err_rule_email_target" })
  .refine((t) => (EMAIL_TARGETS as readonly string[]).includes(t) || (t.length <= EMAIL_MAX && z.email().safeParse(t).success), {
    error: "err_rule_email_address",
  });

/** An "e-mail" rule: the payment's outcome by e-mail to the buyer, to the merchant or to one address. */
export const emailRuleSchema = z
  .object({
    kind: z.literal("EMAIL"),
    ...common,
    events: codeList(EMAIL_RULE_EVENTS, "err_rule_events_email", 1, "err_rule_events"),
    emailTarget,
    // One of the shop's receipt templates (checked against the shop by the use case); none = built-in.
    templateId: z.preprocess(emptyToNull, z.uuid({ error: "err_rule_template" }).nullable()).default(null),
  })
  .transform((r) => ({ ...r, ...NO_URL_CALL }));

/**
 * An "SMS" rule (issue 21, manual §1.3.1): the merchant receives an SMS at this number (typed as in
 * France by default, stored in E.164) after the chosen events; each takes its credits like any SMS.
 */
export const smsRuleSchema = z
  .object({
    kind: z.literal("SMS"),
    ...common,
    events: codeList(SMS_RULE_EVENTS, "err_rule_events_sms", 1, "err_rule_events"),
    smsPhone: z
      .string({ error: "phone_err_required" })
      .trim()
      .min(1, { error: "phone_err_required" })
      .max(40, { error: "phone_err_invalid" })
      .transform((typed, ctx) => {
        const p = normalisePhoneNumber(typed, "FR");
        if (p.ok) return p.e164;
        ctx.addIssue({ code: "custom", message: "phone_err_invalid" });
        return z.NEVER;
      }),
  })
  .transform((r) => ({ ...r, ...NO_URL_CALL, smsPhone: r.smsPhone, emailTarget: null, templateId: null }));

/** Settings › Notification rules (F-SET-3): one rule, of either kind. Errors are keyed by field. */
export const ruleSchema = z.discriminatedUnion("kind", [urlCallRuleSchema, emailRuleSchema, smsRuleSchema], { error: "err_rule_kind" });

/** What is stored: every column of a rule, whatever its kind. */
export type RuleFields = z.output<typeof ruleSchema>;
/** As typed in the form or sent by a client: not yet checked. */
export type RuleInput = { kind: unknown } & Partial<Record<Exclude<keyof RuleFields, "kind">, unknown>>;

/** The receipt template kind an e-mail rule may use for its target. */
export const templateKindFor = (target: string) => (target === "BUYER" ? "RECEIPT_BUYER" : "RECEIPT_MERCHANT");
