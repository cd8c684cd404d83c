import type { z } from "zod";
import { parseMajorAmount } from "./parse-amount";

type TypedRange = { currency?: string | undefined; amountMin?: string | undefined; amountMax?: string | undefined };

/**
 * A list's amount filter, typed in major units of `currency`, in minor units (the order and
 * transaction searches' schemas, in their `transform`). A bound without a currency, or that does
 * not parse, is reported on its field (message keys `osearch_err_currency`, `err_amount_<reason>`)
 * and left out.
 */
export function amountRangeMinor(v: TypedRange, ctx: z.RefinementCtx) {
  const minor = (field: "amountMin" | "amountMax") => {
    const typed = v[field];
    if (typed === undefined) return undefined;
    if (!v.currency) {
      ctx.addIssue({ code: "custom", path: ["currency"], message: "osearch_err_currency" });
      return undefined;
    }
    const parsed = parseMajorAmount(typed, v.currency);
    if (parsed.ok) return parsed.minor;
    ctx.addIssue({ code: "custom", path: [field], message: `err_amount_${parsed.reason}` });
    return undefined;
  };
  return { amountMinMinor: minor("amountMin"), amountMaxMinor: minor("amountMax") };
}
