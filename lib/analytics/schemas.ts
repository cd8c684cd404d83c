import { z } from "zod";
import { safeParseInput } from "../server/validation";
import { daySchema } from "../shared/day";

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** At most a year and a day per view: the dashboard reads daily rows, ~400 per shop. */
export const MAX_PERIOD_DAYS = 366;

/** GET /analytics (and its CSV): shop, mode and period (days in the shop's zone), all optional. */
export const dashboardQuerySchema = z
  .object({
    shop: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^\d{8}$/, { error: "analytics_err_shop" })
        .optional(),
    ),
    mode: z.preprocess(emptyToUndefined, z.enum(["TEST", "PRODUCTION"], { error: "analytics_err_mode" }).default("PRODUCTION")),
    from: z.preprocess(emptyToUndefined, daySchema.optional()),
    to: z.preprocess(emptyToUndefined, daySchema.optional()),
  })
  .superRefine((v, ctx) => {
    if (v.from && v.to) {
      if (v.from > v.to) ctx.addIssue({ code: "custom", path: ["to"], message: "analytics_err_range" });
      else if ((Date.parse(v.to) - Date.parse(v.from)) / 86_400_000 >= MAX_PERIOD_DAYS) {
        ctx.addIssue({ code: "custom", path: ["to"], message: "analytics_err_too_long" });
      }
    }
  });

export type DashboardQuery = z.output<typeof dashboardQuerySchema>;

/** The query from GET parameters: invalid criteria reported (message keys per field) and left out. */
export function parseDashboardQuery(params: Record<string, string>): { query: DashboardQuery; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const kept: Record<string, string> = { ...params };
  for (let round = 0; round < 3; round++) {
    const r = safeParseInput(dashboardQuerySchema, kept);
    if (r.success) return { query: r.data, errors };
    for (const issue of r.error.issues) errors[String(issue.path[0] ?? "")] ??= issue.message;
    for (const field of Object.keys(errors)) delete kept[field];
  }
  return { query: dashboardQuerySchema.parse({}), errors };
}
