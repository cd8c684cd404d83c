import { addDays } from "date-fns";
import { addCalendarDays, dayInZone, endOfDayInZone } from "../time/shop-time";

/** 2 to 12 instalments; a later one at most two years after the first (a sane horizon). */
export const INSTALMENT_LIMITS = { minCount: 2, maxCount: 12, maxPeriodDays: 365, horizonDays: 730 };

/**
 * What a merchant asks for (minor units): a count with a period in days (the first amount
 * defaulting to an even split, the remainder on the first), or an explicit schedule of days
 * ("YYYY-MM-DD" in the shop's zone) whose amounts add up to the order's amount.
 */
export type InstalmentRequest =
  | { kind: "PERIOD"; count?: number; period?: number; firstAmount?: number }
  | { kind: "SCHEDULE"; schedules: { date: string; amount: number }[] };

/**
 * The plan stored on the order (`PaymentOrder.installmentPlan`): the amounts, and either a period
 * (instalment k due k × period days after the payment) or fixed days in the shop's zone (the first
 * is charged at payment whatever its day; a later one is due at the start of its day).
 */
export type InstalmentPlan = { count: number; amounts: number[]; period: number | null; dates: string[] | null };

export type PlanResult = { ok: true; plan: InstalmentPlan } | { ok: false; fields: Record<string, string> };

const isInt = (n: unknown): n is number => typeof n === "number" && Number.isInteger(n);

/** An even split, the remainder on the first; or the given first amount and the rest split evenly (remainder on the last). */
export function splitAmounts(total: number, count: number, firstAmount?: number): number[] {
  if (firstAmount === undefined) {
    const each = Math.floor(total / count);
    return [total - each * (count - 1), ...Array<number>(count - 1).fill(each)];
  }
  const rest = total - firstAmount;
  const each = Math.floor(rest / (count - 1));
  const amounts = [firstAmount, ...Array<number>(count - 1).fill(each)];
  amounts[count - 1] = rest - each * (count - 2);
  return amounts;
}

/** Checks a request against the order's amount and today in the shop's zone; field errors by form field name. */
export function resolveInstalmentPlan(req: InstalmentRequest, ctx: { amount: number; timeZone: string; now: Date }): PlanResult {
  const { minCount, maxCount, maxPeriodDays, horizonDays } = INSTALMENT_LIMITS;
  if (req.kind === "PERIOD") {
    const fields: Record<string, string> = {};
    const count = req.count;
    if (!isInt(count) || count < minCount || count > maxCount) fields.instalmentCount = "err_instalment_count";
    const period = req.period;
    if (!isInt(period) || period < 1 || period > maxPeriodDays) fields.instalmentPeriod = "err_instalment_period";
    else if (isInt(count) && (count - 1) * period > horizonDays) fields.instalmentPeriod = "err_instalment_horizon";
    if (isInt(count) && !fields.instalmentCount) {
      if (ctx.amount < count) fields.instalmentCount = "err_instalment_count_amount";
      else if (
        req.firstAmount !== undefined &&
        (!isInt(req.firstAmount) || req.firstAmount < 1 || req.firstAmount > ctx.amount - (count - 1))
      ) {
        fields.instalmentFirstAmount = "err_instalment_first_amount";
      }
    }
    if (Object.keys(fields).length || !isInt(count) || !isInt(period)) return { ok: false, fields };
    return { ok: true, plan: { count, period, dates: null, amounts: splitAmounts(ctx.amount, count, req.firstAmount) } };
  }
  const rows = req.schedules;
  if (rows.length < minCount || rows.length > maxCount) return { ok: false, fields: { instalmentSchedule: "err_instalment_count" } };
  if (rows.some((r) => !isInt(r.amount) || r.amount < 1))
    return { ok: false, fields: { instalmentSchedule: "err_instalment_schedule_amount" } };
  const sum = rows.reduce((s, r) => s + r.amount, 0);
  if (sum !== ctx.amount) return { ok: false, fields: { instalmentSchedule: "err_instalment_schedule_sum" } };
  const today = dayInZone(ctx.now, ctx.timeZone);
  const last = addCalendarDays(today, horizonDays);
  const dates = rows.map((r) => r.date);
  const wellFormed = dates.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)));
  if (!wellFormed) return { ok: false, fields: { instalmentSchedule: "err_instalment_schedule_format" } };
  const increasing = dates.every((d, i) => i === 0 || d > (dates[i - 1] as string));
  if (!increasing || (dates[0] as string) < today || (dates.at(-1) as string) > last) {
    return { ok: false, fields: { instalmentSchedule: "err_instalment_schedule_dates" } };
  }
  return { ok: true, plan: { count: rows.length, period: null, dates, amounts: rows.map((r) => r.amount) } };
}

/** The due instant of each instalment once the first is paid at `paidAt` (index 0 is `paidAt`). */
export function dueDates(plan: InstalmentPlan, paidAt: Date, timeZone: string): Date[] {
  return plan.amounts.map((_, i) => {
    if (i === 0) return paidAt;
    if (plan.period !== null) return addDays(paidAt, i * plan.period);
    const day = plan.dates?.[i] as string;
    // Start of the day in the shop's zone: one second after the previous day's 23:59:59.
    const due = new Date(endOfDayInZone(addCalendarDays(day, -1), timeZone).getTime() + 1000);
    return due < paidAt ? paidAt : due;
  });
}

/** A stored plan, or null when the column holds none (or something unreadable). */
export function readInstalmentPlan(value: unknown): InstalmentPlan | null {
  if (!value || typeof value !== "object") return null;
  const v = value as Partial<InstalmentPlan>;
  if (!Array.isArray(v.amounts) || !isInt(v.count) || v.amounts.length !== v.count) return null;
  return { count: v.count, amounts: v.amounts, period: v.period ?? null, dates: v.dates ?? null };
}
