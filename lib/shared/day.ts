import { z } from "zod";

/** A calendar day, YYYY-MM-DD ("2026-02-30" is not one: PostgreSQL refuses it in a query). */
export const daySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "err_date_format" })
  .refine(
    (d) => {
      const t = Date.parse(`${d}T00:00:00Z`);
      return !Number.isNaN(t) && new Date(t).toISOString().startsWith(d);
    },
    { error: "err_date_format" },
  );
