import { parseMajorAmount } from "../money/parse-amount";
import type { InstalmentRequest } from "./plan";

export const INSTALMENT_MODES = ["", "PERIOD", "SCHEDULE"] as const;

/**
 * The creation dialogs' instalment fields as typed (advanced options): `instalmentMode` (none,
 * PERIOD or SCHEDULE), then a count, a period in days and an optional first amount in major
 * units, or one "YYYY-MM-DD amount" per line. Amounts are read for the form's currency; the rules
 * against the order's amount are `resolveInstalmentPlan`'s, at creation.
 */
export function parseInstalmentForm(values: Record<string, string>): { request?: InstalmentRequest; fields: Record<string, string> } {
  const mode = (values.instalmentMode ?? "").trim();
  if (!mode) return { fields: {} };
  const currency = values.currency ?? "EUR";
  if (mode === "PERIOD") {
    const fields: Record<string, string> = {};
    const int = (s: string | undefined) => (s && /^\d{1,4}$/.test(s.trim()) ? Number(s.trim()) : Number.NaN);
    const count = int(values.instalmentCount);
    const period = int(values.instalmentPeriod);
    let firstAmount: number | undefined;
    const typed = (values.instalmentFirstAmount ?? "").trim();
    if (typed) {
      const p = parseMajorAmount(typed, currency);
      if (p.ok) firstAmount = p.minor;
      else fields.instalmentFirstAmount = "err_instalment_first_amount";
    }
    if (Number.isNaN(count)) fields.instalmentCount = "err_instalment_count";
    if (Number.isNaN(period)) fields.instalmentPeriod = "err_instalment_period";
    return { request: { kind: "PERIOD", count, period, firstAmount }, fields };
  }
  if (mode === "SCHEDULE") {
    const lines = (values.instalmentSchedule ?? "")
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    const schedules: { date: string; amount: number }[] = [];
    for (const line of lines) {
      const m = /^(\d{4}-\d{2}-\d{2})[\s;,]+(.+)$/.exec(line);
      const amount = m ? parseMajorAmount(m[2] as string, currency) : null;
      if (!m || !amount?.ok) return { fields: { instalmentSchedule: "err_instalment_schedule_format" } };
      schedules.push({ date: m[1] as string, amount: amount.minor });
    }
    return { request: { kind: "SCHEDULE", schedules }, fields: {} };
  }
  return { fields: { instalmentMode: "err_instalment_mode" } };
}
