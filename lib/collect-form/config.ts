// The shop's data collection form (F-SET-4, F-ORD-5): which buyer fields it asks for, which are
// required, whether it takes invoice references, and whether it is published. Stored in
// DataCollectionForm.fields as the list of collected fields only, in display order.
import { z } from "zod";
import type { Db } from "../server/db";

export const STANDARD_FIELDS = ["title", "firstName", "lastName", "email", "phone", "address", "postcode", "city", "country"] as const;
export const CUSTOM_FIELDS = ["custom1", "custom2", "custom3", "custom4", "custom5"] as const;
export type StandardField = (typeof STANDARD_FIELDS)[number];
export type CustomField = (typeof CUSTOM_FIELDS)[number];
export type FieldKey = StandardField | CustomField;
export const isCustomField = (k: string): k is CustomField => (CUSTOM_FIELDS as readonly string[]).includes(k);

/** One collected field. Custom fields carry the label the buyer sees (the merchant's words). */
export const fieldConfigSchema = z.object({
  key: z.enum([...STANDARD_FIELDS, ...CUSTOM_FIELDS]),
  required: z.boolean(),
  label: z.string().trim().min(1).max(40).optional(),
});
export type FieldConfig = z.infer<typeof fieldConfigSchema>;

export const storedFieldsSchema = z.array(fieldConfigSchema).catch([]);

export type FormConfig = { shopId: string; fields: FieldConfig[]; invoiceMode: boolean; publishedAt: Date | null };

/** The shop's form, or null when it was never configured. */
export async function getFormConfig(db: Db, shopId: string): Promise<FormConfig | null> {
  const row = await db.dataCollectionForm.findUnique({ where: { shopId } });
  if (!row) return null;
  return { shopId, fields: storedFieldsSchema.parse(row.fields), invoiceMode: row.invoiceMode, publishedAt: row.publishedAt };
}

/** Whether orders of `mode` may use the form: configured with at least one field (TEST), and published (PRODUCTION). */
export function formUsable(config: FormConfig | null, mode: "TEST" | "PRODUCTION"): boolean {
  if (!config) return false;
  return mode === "TEST" || config.publishedAt !== null;
}

const LIMITS: Record<StandardField, number> = {
  title: 20,
  firstName: 60,
  lastName: 60,
  email: 254,
  phone: 30,
  address: 200,
  postcode: 16,
  city: 80,
  country: 60,
};

/**
 * The zod schema of what a buyer types in this form: required fields must be non-empty, e-mail
 * and phone must look like one; every value trimmed and bounded. Unknown inputs are dropped.
 * Error messages are keys of the buyer catalogue (lib/i18n/messages/pay).
 */
export function buyerDataSchema(fields: FieldConfig[]) {
  const shape: Record<string, z.ZodType<string | undefined>> = {};
  for (const f of fields) {
    const max = isCustomField(f.key) ? 200 : LIMITS[f.key];
    let s = z.string().trim().max(max, { error: "err_collect_too_long" });
    if (f.key === "email") s = s.pipe(z.union([z.literal(""), z.email({ error: "err_collect_email" })])) as unknown as typeof s;
    if (f.key === "phone") s = s.regex(/^$|^\+?[0-9 ().-]{6,30}$/, { error: "err_collect_phone" });
    const blankToEmpty = (v: unknown) => (v === undefined || v === null ? "" : v);
    shape[f.key] = f.required
      ? z.preprocess(blankToEmpty, s.min(1, { error: "err_collect_required" }))
      : z.preprocess(blankToEmpty, s).transform((v) => v || undefined);
  }
  return z.object(shape);
}

export type BuyerData = Partial<Record<FieldKey, string>>;
