import { z } from "zod";
import { PAGE_LANGUAGES } from "../i18n/locales";
import { isKnownCurrency } from "../money/currencies";
import { parseMajorAmount } from "../money/parse-amount";

// Messages are keys of the message catalogue (lib/i18n/messages), shown next to the field.

export const REFERENCE_RE = /^[A-Za-z0-9_\-./#]*$/;
const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const referenceSchema = z
  .string()
  .trim()
  .max(64, { error: "err_reference_too_long" })
  .regex(REFERENCE_RE, { error: "err_reference_chars" });

export const currencySchema = z.string().trim().toUpperCase().refine(isKnownCurrency, { error: "err_currency_unknown" });

export const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "err_date_format" });

/** The back office's simplified "order by URL" form (F-BO-3), as typed by a person. */
export const urlOrderFormSchema = z
  .object({
    shopId: z.string().regex(/^\d{8}$/, { error: "err_shop" }),
    mode: z.enum(["TEST", "PRODUCTION"], { error: "err_mode" }),
    reference: z.preprocess(emptyToUndefined, referenceSchema.optional()),
    amount: z.string({ error: "err_amount_required" }).trim().min(1, { error: "err_amount_required" }),
    currency: currencySchema,
    validUntil: z.preprocess(emptyToUndefined, daySchema.optional()),
    buyerEmail: z.preprocess(emptyToUndefined, z.email({ error: "err_email" }).max(150).optional()),
    language: z.preprocess(emptyToUndefined, z.enum(PAGE_LANGUAGES, { error: "err_language" }).optional()),
  })
  .transform((v, ctx) => {
    const parsed = parseMajorAmount(v.amount, v.currency);
    if (!parsed.ok && /^-\s*\d/.test(v.amount)) {
      ctx.addIssue({ code: "custom", path: ["amount"], message: "err_amount_positive" });
      return z.NEVER;
    }
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", path: ["amount"], message: `err_amount_${parsed.reason}` });
      return z.NEVER;
    }
    if (parsed.minor <= 0) {
      ctx.addIssue({ code: "custom", path: ["amount"], message: "err_amount_positive" });
      return z.NEVER;
    }
    return { ...v, amountMinor: parsed.minor };
  });

export type UrlOrderForm = z.infer<typeof urlOrderFormSchema>;
