import { z } from "zod";
import { parseMajorAmount } from "../money/parse-amount";
import { AppError } from "../server/errors";

/**
 * An amount the buyer may adjust (issue 12), stored in `PaymentOrder.amountUpdate` in minor units:
 * RANGE — between `min` and `max` (the order amount lies between them); FREE — any amount from
 * `min` (donations). Null: the buyer pays the order amount. On an accepted payment with an
 * adjusted amount, the order's `amount` becomes the paid one and the merchant's requested amount
 * is kept in `requested`: receipts, exports, analytics and notifications all read the paid amount.
 */
export const AMOUNT_UPDATE_MODES = ["NONE", "RANGE", "FREE"] as const;
const minor = z.number().int().positive();
export const amountUpdateSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("RANGE"), min: minor, max: minor, requested: minor.optional() }),
  z.object({ mode: z.literal("FREE"), min: minor, requested: minor.optional() }),
]);
export type AmountUpdate = z.output<typeof amountUpdateSchema>;

/** The stored column, tolerant: anything unreadable is "no adjustable amount". */
export function readAmountUpdate(value: unknown): AmountUpdate | null {
  const r = amountUpdateSchema.safeParse(value);
  return r.success ? r.data : null;
}

/** Bounds against the order amount: field errors on amountUpdateMin / amountUpdateMax. */
export function checkAmountUpdate(update: AmountUpdate | null | undefined, amountMinor: number): Record<string, string> {
  const fields: Record<string, string> = {};
  if (!update) return fields;
  if (update.min > amountMinor) fields.amountUpdateMin = "err_amount_update_min_above_amount";
  if (update.mode === "RANGE" && update.max < amountMinor) fields.amountUpdateMax = "err_amount_update_max_below_amount";
  return fields;
}

/**
 * The back office's select and bounds, typed in major units of the order's currency. Returns the
 * option (null for "none") or field errors; the bounds are checked against the amount when it is
 * readable (an unreadable amount has its own error).
 */
export function parseAmountUpdateForm(values: Record<string, string>): { update: AmountUpdate | null; fields: Record<string, string> } {
  const mode = values.amountUpdateMode?.trim() || "NONE";
  const fields: Record<string, string> = {};
  if (!(AMOUNT_UPDATE_MODES as readonly string[]).includes(mode))
    return { update: null, fields: { amountUpdateMode: "err_amount_update_mode" } };
  if (mode === "NONE") return { update: null, fields };
  const currency = values.currency ?? "EUR";
  const bound = (key: "amountUpdateMin" | "amountUpdateMax") => {
    const raw = values[key]?.trim() ?? "";
    if (!raw) {
      fields[key] = "err_amount_update_bound_required";
      return 0;
    }
    const p = parseMajorAmount(raw, currency);
    if (!p.ok || p.minor <= 0) {
      fields[key] = "err_amount_update_bound_invalid";
      return 0;
    }
    return p.minor;
  };
  const min = bound("amountUpdateMin");
  const max = mode === "RANGE" ? bound("amountUpdateMax") : 0;
  if (Object.keys(fields).length) return { update: null, fields };
  const update: AmountUpdate = mode === "RANGE" ? { mode: "RANGE", min, max } : { mode: "FREE", min };
  const amount = parseMajorAmount(values.amount ?? "", currency);
  return { update, fields: amount.ok ? checkAmountUpdate(update, amount.minor) : {} };
}

/** The rules of creation: bounds around the amount, not on invoice orders nor with instalments. */
export function amountUpdateRuleErrors(input: {
  amountUpdate?: AmountUpdate | null;
  amountMinor: number;
  channel?: string;
  hasInstallments?: boolean;
}): Record<string, string> {
  if (!input.amountUpdate) return {};
  if (input.channel === "INVOICE") return { amountUpdateMode: "err_amount_update_invoice" };
  if (input.hasInstallments) return { amountUpdateMode: "err_amount_update_with_installments" };
  return checkAmountUpdate(input.amountUpdate, input.amountMinor);
}

/**
 * The amount the buyer typed, in the order's currency, within the stored bounds; else a
 * VALIDATION error on `amount` (the payment page shows it next to the field).
 */
export function resolveBuyerAmount(update: AmountUpdate, typed: string | undefined, currency: string): number {
  const fail = (code: string): never => {
    throw new AppError("VALIDATION", `buyer amount refused: ${code}`, { fields: { amount: code }, publicMessage: "invalid_input" });
  };
  const raw = (typed ?? "").trim();
  if (!raw) return fail("err_buyer_amount_required");
  const p = parseMajorAmount(raw, currency);
  if (!p.ok) return fail("err_buyer_amount_invalid");
  if (p.minor < update.min || (update.mode === "RANGE" && p.minor > update.max)) return fail("err_buyer_amount_out_of_range");
  return p.minor;
}
