// Inputs of the first run and of the platform console (setup19). Messages are catalogue keys
// (lib/i18n/messages/setup19.ts, and the shared err_* ones).
import { z } from "zod";
import { newPasswordSchema } from "../auth/password-policy";
import { isPageLanguage } from "../i18n/locales";
import { isKnownCurrency } from "../money/currencies";
import { MAX_VALIDITY_DAYS } from "../orders/validity";
import { isValidTimeZone } from "../time/shop-time";

const email = z
  .email({ error: "err_email" })
  .max(254, { error: "err_email" })
  .transform((s) => s.toLowerCase());
const personName = z
  .string({ error: "err_platform_name" })
  .trim()
  .min(1, { error: "err_platform_name" })
  .max(100, { error: "err_platform_name" });
export const companyNameSchema = z
  .string({ error: "err_platform_company_name" })
  .trim()
  .min(1, { error: "err_platform_company_name" })
  .max(100, { error: "err_platform_company_name" });
const codes = (isKnown: (code: string) => boolean, unknown: string, none: string) =>
  z
    .array(z.string({ error: unknown }), { error: none })
    .min(1, { error: none })
    .refine((list) => list.every(isKnown), { error: unknown })
    .transform((list) => [...new Set(list)]);

/** A shop created by the platform: the REST keys are generated, not typed. */
export const newShopSchema = z.object({
  companyId: z.uuid({ error: "err_platform_company" }),
  name: z.string({ error: "err_shop_name" }).trim().min(1, { error: "err_shop_name" }).max(100, { error: "err_shop_name" }),
  timeZone: z.string({ error: "err_time_zone" }).refine(isValidTimeZone, { error: "err_time_zone" }),
  currencies: codes(isKnownCurrency, "err_currency_unknown", "err_currencies_none"),
  languages: codes(isPageLanguage, "err_language_unknown", "err_languages_none"),
  defaultValidityDays: z.coerce
    .number({ error: "err_validity_days" })
    .int({ error: "err_validity_days" })
    .min(1, { error: "err_validity_days" })
    .max(MAX_VALIDITY_DAYS, { error: "err_validity_days" }),
});
export type NewShopInput = z.input<typeof newShopSchema>;

/** The first run (/setup/<token>): the platform operator, and for a single-merchant install its first merchant. */
export const setupSchema = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, { error: "err_setup_token" }),
  operatorName: personName,
  operatorEmail: email,
  operatorPassword: newPasswordSchema,
  merchant: z
    .object({
      companyName: companyNameSchema,
      shopName: z.string({ error: "err_shop_name" }).trim().min(1, { error: "err_shop_name" }).max(100, { error: "err_shop_name" }),
      adminName: personName,
      adminEmail: email,
      adminPassword: newPasswordSchema,
    })
    .nullable(),
});
export type SetupInput = z.input<typeof setupSchema>;

export const createCompanySchema = z.object({ name: companyNameSchema });
export const renameCompanySchema = z.object({ companyId: z.uuid({ error: "err_platform_company" }), name: companyNameSchema });
export const suspendCompanySchema = z.object({ companyId: z.uuid({ error: "err_platform_company" }), suspended: z.boolean() });
export const inviteCompanyAdminSchema = z.object({
  companyId: z.uuid({ error: "err_platform_company" }),
  email,
  name: personName,
  locale: z.enum(["fr", "en"]).default("fr"),
});

/** `npm run admin:create` (the strength check with the account's e-mail and name is the use case's). */
export const operatorSchema = z.object({ email, name: personName, password: newPasswordSchema });
