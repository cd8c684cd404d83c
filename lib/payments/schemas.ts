import { z } from "zod";
import { amountRangeMinor } from "../money/amount-range";
import { currencySchema } from "../orders/schemas";
import { isStorableText, safeParseInput } from "../server/validation";
import { daySchema } from "../shared/day";

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optional = <T extends z.ZodType>(s: T) => z.preprocess(emptyToUndefined, s.optional());

export const TRANSACTION_STATUSES = [
  "AUTHORISED",
  "AUTHORISED_TO_VALIDATE",
  "CAPTURED",
  "REFUSED",
  "CANCELLED",
  "EXPIRED",
  "PENDING",
] as const;

/** GET /transactions: the list's filters (F-BO-5); amounts typed in major units of `currency`. */
export const transactionSearchSchema = z
  .object({
    from: optional(daySchema),
    to: optional(daySchema),
    status: optional(z.enum(TRANSACTION_STATUSES, { error: "osearch_err_value" })),
    currency: optional(currencySchema),
    amountMin: optional(z.string().trim().max(20)),
    amountMax: optional(z.string().trim().max(20)),
    reference: optional(z.string().trim().max(64, { error: "err_reference_too_long" })),
    last4: optional(
      z
        .string()
        .trim()
        .regex(/^\d{4}$/, { error: "txsearch_err_last4" }),
    ),
    page: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(10_000).catch(1).default(1)),
  })
  .transform((v, ctx) => {
    if (v.from && v.to && v.from > v.to) ctx.addIssue({ code: "custom", path: ["to"], message: "txsearch_err_range" });
    const { amountMin, amountMax, page, ...filters } = v;
    return { filters: { ...filters, ...amountRangeMinor(v, ctx) }, page };
  });

export type TransactionSearch = z.output<typeof transactionSearchSchema>;
export type TransactionFilters = TransactionSearch["filters"];

/** The search from GET parameters: invalid criteria reported (message keys per field) and left out. */
export function parseTransactionSearch(params: Record<string, string>): { search: TransactionSearch; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const kept = { ...params };
  // Field checks run before the cross-field ones (amount needs a currency, range order): a few
  // rounds report both kinds at once.
  for (let round = 0; round < 3; round++) {
    const r = safeParseInput(transactionSearchSchema, kept);
    if (r.success) return { search: r.data, errors };
    for (const issue of r.error.issues) errors[String(issue.path[0] ?? "")] ??= issue.message;
    for (const field of Object.keys(errors)) delete kept[field];
    if (errors.currency) {
      delete kept.amountMin;
      delete kept.amountMax;
    }
  }
  return { search: transactionSearchSchema.parse({}), errors };
}

/**
 * The back-office actions on one transaction, from the transaction or the order page: validate,
 * cancel, and (refunds20) refund — `amount` typed in major units of its currency, empty = all that
 * remains — and change the capture date (`day`, the shop's calendar day).
 */
export const transactionActionSchema = z.object({
  action: z.enum(["validate", "cancel", "refund", "captureDate"]),
  transactionId: z.string().regex(/^[a-f0-9]{32}$/),
  returnTo: z.enum(["transaction", "order"]).catch("transaction"),
  amount: optional(z.string().trim().max(20, { error: "err_amount_format" })),
  day: optional(daySchema),
  comment: optional(z.string().trim().max(255, { error: "err_rf_comment_long" }).refine(isStorableText, { error: "err_rf_comment_long" })),
});
export type TransactionActionInput = z.output<typeof transactionActionSchema>;
