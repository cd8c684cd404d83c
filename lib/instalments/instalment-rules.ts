import { type InstalmentPlan, type InstalmentRequest, resolveInstalmentPlan } from "./plan";

/**
 * The creation rules of a payment in instalments (issue 12): not for invoice orders (the manual:
 * an invoice "cannot be paid in several times"), not with an amount the buyer may adjust, then
 * the plan's own rules against the amount and today in the shop's zone.
 */
export function instalmentRuleErrors(
  input: { installmentPlan?: InstalmentRequest | null; amountMinor: number; channel?: string; amountUpdate?: unknown },
  timeZone: string,
  now = new Date(),
): { plan: InstalmentPlan | null; fields: Record<string, string> } {
  const req = input.installmentPlan;
  if (!req) return { plan: null, fields: {} };
  if (input.channel === "INVOICE") return { plan: null, fields: { instalmentMode: "err_instalment_invoice" } };
  if (input.amountUpdate) return { plan: null, fields: { instalmentMode: "err_instalment_amount_update" } };
  const r = resolveInstalmentPlan(req, { amount: input.amountMinor, timeZone, now });
  return r.ok ? { plan: r.plan, fields: {} } : { plan: null, fields: r.fields };
}
