import { z } from "zod";
import { isPageLanguage } from "../i18n/locales";
import { isKnownCurrency } from "../money/currencies";
import { MAX_VALIDITY_DAYS } from "../orders/validity";
import { CARD_BRANDS, type CardBrand } from "../payments/card-brands";
import { remindersPolicySchema } from "../reminders/policy";
import { isValidTimeZone } from "../time/shop-time";
import { SHOP_KEY_NAMES } from "./shop-keys";

// Messages are keys of the message catalogue (lib/i18n/messages).

export const shopIdSchema = z.string().regex(/^\d{8}$/, { error: "err_shop" });

/** Reveal or rotate one key of one shop (Settings › REST API keys). */
export const shopKeyActionSchema = z.object({
  shopId: shopIdSchema,
  key: z.enum(SHOP_KEY_NAMES, { error: "err_key_name" }),
});

export type ShopKeyActionInput = z.infer<typeof shopKeyActionSchema>;

export const MAX_CAPTURE_DELAY_DAYS = 365;
/** Upper bounds of a shop's own REST quotas (lib/lyra-api/quotas.ts): a typo, not a wish, past them. */
export const MAX_API_REQUESTS_PER_MINUTE = 100_000;
export const MAX_API_TEST_RECIPIENTS_PER_HOUR = 10_000;

const emptyToNull = (v: unknown) => (v == null || (typeof v === "string" && v.trim() === "") ? null : v);
const wholeDays = (min: number, max: number, error: string) =>
  z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });
/** A list of known codes, at least one, without duplicates; errors name the list, not an item. */
const codes = (isKnown: (code: string) => boolean, unknown: string, none: string) =>
  z
    .array(z.string({ error: unknown }), { error: none })
    .min(1, { error: none })
    .refine((list) => list.every(isKnown), { error: unknown })
    .transform((list) => [...new Set(list)]);
/** A shop's own quota, or empty for the platform's (null); left out: unchanged. */
const ownQuota = (min: number, max: number, error: string) =>
  z.preprocess(emptyToNull, z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error }).nullable()).optional();
const isCardBrand = (code: string): code is CardBrand => (CARD_BRANDS as readonly string[]).includes(code);

/** Settings › Shop (F-SET-1): the shop's identity and the defaults of its payment orders. */
export const shopSettingsSchema = z
  .object({
    name: z.string({ error: "err_shop_name" }).trim().min(1, { error: "err_shop_name" }).max(100, { error: "err_shop_name" }),
    url: z.preprocess(emptyToNull, z.httpUrl({ error: "err_shop_url" }).max(255, { error: "err_shop_url" }).nullable()),
    managerEmail: z.preprocess(emptyToNull, z.email({ error: "err_email" }).max(150, { error: "err_email" }).nullable()),
    defaultValidityDays: wholeDays(1, MAX_VALIDITY_DAYS, "err_validity_days"),
    referenceMandatory: z.boolean({ error: "err_generic" }),
    defaultValidationMode: z.enum(["AUTOMATIC", "MANUAL"], { error: "err_validation_mode" }),
    defaultCaptureDelay: wholeDays(0, MAX_CAPTURE_DELAY_DAYS, "err_capture_delay"),
    timeZone: z.string({ error: "err_time_zone" }).refine(isValidTimeZone, { error: "err_time_zone" }),
    languages: codes(isPageLanguage, "err_language_unknown", "err_languages_none"),
    defaultLanguage: z.string({ error: "err_default_language" }),
    currencies: codes(isKnownCurrency, "err_currency_unknown", "err_currencies_none"),
    // Stored in CARD_BRANDS' (display) order, so that ticking the same brands again changes nothing.
    acceptedBrands: codes(isCardBrand, "err_card_brand_unknown", "err_card_brands_none").transform((list) =>
      CARD_BRANDS.filter((b) => list.includes(b)),
    ),
    // REST quotas per key mode (administrators only, like every field here).
    apiRequestsPerMinute: ownQuota(1, MAX_API_REQUESTS_PER_MINUTE, "err_api_requests_per_minute"),
    apiTestRecipientsPerHour: ownQuota(0, MAX_API_TEST_RECIPIENTS_PER_HOUR, "err_api_test_recipients_per_hour"),
    // Reminders before expiry (issue 10); left out: unchanged. Errors name "remindersPolicy.<field>".
    remindersPolicy: remindersPolicySchema.optional(),
  })
  .refine((s) => s.languages.includes(s.defaultLanguage), {
    path: ["defaultLanguage"],
    error: "err_default_language",
    // Also when other fields are wrong, so that every bad field is named at once (not with no language at all).
    when: ({ value }) => {
      const v = value as { languages?: unknown; defaultLanguage?: unknown };
      return Array.isArray(v.languages) && v.languages.length > 0 && typeof v.defaultLanguage === "string";
    },
  });

export type ShopSettings = z.infer<typeof shopSettingsSchema>;
/** As typed in the form or sent by a client: every field, not yet checked. */
export type ShopSettingsInput = { [K in keyof ShopSettings]: unknown };
