import { z } from "zod";
import { PAGE_LANGUAGES } from "../i18n/locales";
import { amountRangeMinor } from "../money/amount-range";
import { isKnownCurrency } from "../money/currencies";
import { parseMajorAmount } from "../money/parse-amount";
import { daySchema } from "../shared/day";
import { ORDER_COLUMNS, ORDER_SORTS } from "./list-columns";

// Messages are keys of the message catalogue (lib/i18n/messages), shown next to the field.

export const REFERENCE_RE = /^[A-Za-z0-9_\-./#]*$/;
const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export const referenceSchema = z
  .string()
  .trim()
  .max(64, { error: "err_reference_too_long" })
  .regex(REFERENCE_RE, { error: "err_reference_chars" });

export const currencySchema = z.string().trim().toUpperCase().refine(isKnownCurrency, { error: "err_currency_unknown" });

/** Fields common to the back office's creation forms (F-BO-3), as typed by a person. */
export const orderFormFields = z.object({
  shopId: z.string().regex(/^\d{8}$/, { error: "err_shop" }),
  mode: z.enum(["TEST", "PRODUCTION"], { error: "err_mode" }),
  reference: z.preprocess(emptyToUndefined, referenceSchema.optional()),
  amount: z.string({ error: "err_amount_required" }).trim().min(1, { error: "err_amount_required" }),
  currency: currencySchema,
  validUntil: z.preprocess(emptyToUndefined, daySchema.optional()),
  buyerEmail: z.preprocess(emptyToUndefined, z.email({ error: "err_email" }).max(150).optional()),
  language: z.preprocess(emptyToUndefined, z.enum(PAGE_LANGUAGES, { error: "err_language" }).optional()),
});

/** Typed major units → minor units of the chosen currency, or an error on `amount`. */
function withAmountMinor<T extends { amount: string; currency: string }>(v: T, ctx: z.RefinementCtx): T & { amountMinor: number } {
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
}

/** The fields every creation form shares, parsed, as createOrder takes them. */
export function orderFormInput(f: z.output<typeof orderFormFields> & { amountMinor: number }) {
  const { shopId, mode, reference, amountMinor, currency, validUntil, buyerEmail, language } = f;
  return { shopId, mode, reference, amountMinor, currency, validUntilDay: validUntil, buyerEmail, language };
}

/** The simplified "order by URL" form. */
export const urlOrderFormSchema = orderFormFields.transform(withAmountMinor);

/** The URL dialog's link text (issue 21): the ready-to-send text with its variables, optional. */
export const linkTextSchema = z.object({
  message: z.preprocess(emptyToUndefined, z.string().trim().max(1000, { error: "err_message_too_long" }).optional()),
});

/** E-mail addresses as typed in a "To" or "BCC" box: separated by ";" (also "," or new lines). */
export const splitAddresses = (typed: string) =>
  typed
    .split(/[;,\n\r]+/)
    .map((a) => a.trim())
    .filter(Boolean);

const emailCheck = z.email().max(254);
/** The typed addresses that are not valid e-mail addresses, as typed. */
export const invalidAddresses = (list: string[]) => list.filter((a) => !emailCheck.safeParse(a).success);

/**
 * The "order by e-mail" form (F-CH-MAIL): one order per recipient. The recipients' own errors
 * (which addresses are wrong) are reported by the use case, which lists them.
 */
const mailFields = {
  recipients: z.string({ error: "err_recipients_required" }).trim().min(1, { error: "err_recipients_required" }),
  bccManager: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  bcc: z.preprocess(emptyToUndefined, z.string().trim().max(1000, { error: "err_bcc_invalid" }).optional()),
  templateId: z.preprocess(emptyToUndefined, z.uuid({ error: "err_template" }).optional()),
  subject: z.preprocess(emptyToUndefined, z.string().trim().max(255, { error: "err_subject_too_long" }).optional()),
  message: z.preprocess(emptyToUndefined, z.string().max(100_000, { error: "err_message_too_long" }).optional()),
};

export const mailOrderFormSchema = orderFormFields.extend(mailFields).transform(withAmountMinor);

export type MailOrderForm = z.output<typeof mailOrderFormSchema>;

/** The dialog's preview: the same form, recipients optional (the first one is only shown). */
export const mailPreviewSchema = orderFormFields
  .extend({ ...mailFields, recipients: z.preprocess(emptyToUndefined, z.string().trim().max(100_000).optional()) })
  .transform(withAmountMinor);

/**
 * The "order by SMS / WhatsApp" dialogs (F-CH-SMS, F-CH-WHATSAPP): one phone number, as typed (the
 * use case normalises it to E.164 with the shop's country), and the text with its variables (else
 * the chosen template, else the default), rendered and limited once the order exists.
 */
const phoneFields = {
  channel: z.enum(["SMS", "WHATSAPP"], { error: "err_generic" }),
  phoneNumber: z
    .string({ error: "phone_err_required" })
    .trim()
    .min(1, { error: "phone_err_required" })
    .max(40, { error: "phone_err_invalid" }),
  templateId: mailFields.templateId,
  message: z.preprocess(emptyToUndefined, z.string().max(4096, { error: "smsd_err_too_long" }).optional()),
};

export const phoneOrderFormSchema = orderFormFields.extend(phoneFields).transform(withAmountMinor);

export type PhoneOrderForm = z.output<typeof phoneOrderFormSchema>;

/**
 * The dialog's live preview: the same form while it is being filled: the number optional (shown
 * back normalised), an amount not typed yet (or not valid yet) previewed as zero.
 */
export const phonePreviewSchema = orderFormFields
  .extend({
    ...phoneFields,
    phoneNumber: z.preprocess(emptyToUndefined, z.string().trim().max(100).optional()),
    amount: z.string().trim().max(30).optional(),
  })
  .transform((v) => {
    const parsed = parseMajorAmount(v.amount ?? "", v.currency);
    return { ...v, amountMinor: parsed.ok && parsed.minor > 0 ? parsed.minor : 0 };
  });

/** The phone dialogs' template choice: the shop's SMS or WhatsApp order templates in one language. */
export const phoneTemplatesQuerySchema = z.object({
  shopId: orderFormFields.shape.shopId,
  channel: phoneFields.channel,
  language: z.enum(PAGE_LANGUAGES, { error: "err_language" }),
});

/** The dialog's template choice: the shop's e-mail order templates in one language. */
export const mailTemplatesQuerySchema = z.object({
  shopId: orderFormFields.shape.shopId,
  language: z.enum(PAGE_LANGUAGES, { error: "err_language" }),
});

export type UrlOrderForm = z.infer<typeof urlOrderFormSchema>;

// ——— The order list's search tool (issue 4): GET parameters of /orders and /test-orders, and of
// their CSV export. Amounts are typed in major units of `currency`; days are YYYY-MM-DD in the
// shop's zone (the use case turns them into instants).

export { ORDER_SORTS, type OrderSort } from "./list-columns";

const optional = <T extends z.ZodType>(s: T) => z.preprocess(emptyToUndefined, s.optional());
const typedAmount = z.string().trim().max(20);

export const orderSearchSchema = z
  .object({
    shop: optional(z.string().regex(/^\d{8}$/, { error: "err_shop" })),
    channel: optional(z.enum(["URL", "MAIL", "SMS", "WHATSAPP", "INVOICE"], { error: "osearch_err_value" })),
    status: optional(z.enum(["RUNNING", "PAID", "REFUSED", "EXPIRED", "CANCELLED"], { error: "osearch_err_value" })),
    delivery: optional(z.enum(["IN_PROGRESS", "SENT", "FAILED", "MANUAL"], { error: "osearch_err_value" })),
    createdFrom: optional(daySchema),
    createdTo: optional(daySchema),
    validFrom: optional(daySchema),
    validTo: optional(daySchema),
    currency: optional(currencySchema),
    amountMin: optional(typedAmount),
    amountMax: optional(typedAmount),
    reference: optional(z.string().trim().max(64, { error: "err_reference_too_long" })),
    recipient: optional(z.string().trim().max(150, { error: "osearch_err_value" })),
    sort: z.preprocess(emptyToUndefined, z.enum(ORDER_SORTS).catch("created").default("created")),
    dir: z.preprocess(emptyToUndefined, z.enum(["asc", "desc"]).catch("desc").default("desc")),
    after: optional(z.string().max(400)),
  })
  .transform((v, ctx) => {
    const { amountMin, amountMax, sort, dir, after, ...filters } = v;
    return { filters: { ...filters, ...amountRangeMinor(v, ctx) }, sort, dir, after };
  });

export type OrderSearch = z.output<typeof orderSearchSchema>;
export type OrderSearchFilters = OrderSearch["filters"];

/** The column chooser's form: the ticked columns, and the list to go back to. */
export const listColumnsFormSchema = z.object({
  columns: z.array(z.enum(ORDER_COLUMNS)).max(ORDER_COLUMNS.length),
  returnTo: z
    .string()
    .regex(/^\/(test-)?orders(\?[^\s]*)?$/)
    .catch("/orders"),
});

/** The QR code sizes the back office offers to download (pixels a side). */
export const QR_SIZES = [256, 512, 1024] as const;

/** GET /orders/[id]/qr.png|svg?size=…: one of the offered sizes (default 512). */
export const qrQuerySchema = z.object({
  size: z.preprocess(
    (v) => (v === null || v === "" ? undefined : Number(v)),
    z
      .number()
      .refine((n): n is (typeof QR_SIZES)[number] => (QR_SIZES as readonly number[]).includes(n), { error: "qr_err_size" })
      .default(512),
  ),
});
