import { z } from "zod";
import { CUSTOM_FIELDS, type FieldConfig, isCustomField, STANDARD_FIELDS } from "./config";

// Messages are keys of the back-office catalogue (lib/i18n/messages/collect-form-settings.ts).

export const COLLECT_FIELD_KEYS = [...STANDARD_FIELDS, ...CUSTOM_FIELDS] as const;
export const CUSTOM_LABEL_MAX = 40;

/** One row of Settings › Data collection form, collected or not: what the form sends. */
const rowSchema = z.object({
  key: z.enum(COLLECT_FIELD_KEYS, { error: "err_collect_field_unknown" }),
  collect: z.boolean({ error: "err_generic" }),
  required: z.boolean({ error: "err_generic" }),
  label: z.string({ error: "err_generic" }).trim().optional(),
});

/**
 * Settings › Data collection form (F-SET-4): every row in display order plus invoice mode.
 * Errors are keyed `<field>.required` / `<field>.label` (one row's box or input) or `fields`
 * (the whole list). The result is the stored shape: collected fields only, in the rows' order,
 * custom fields with their label, standard ones without (the buyer page names them itself).
 */
export const collectFormSchema = z
  .object({
    fields: z.array(rowSchema, { error: "err_generic" }).max(COLLECT_FIELD_KEYS.length, { error: "err_collect_field_duplicate" }),
    invoiceMode: z.boolean({ error: "err_generic" }),
  })
  .superRefine((form, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
    const seen = new Set<string>();
    for (const row of form.fields) {
      if (seen.has(row.key)) issue(["fields"], "err_collect_field_duplicate");
      seen.add(row.key);
      if (row.required && !row.collect) issue([row.key, "required"], "err_collect_required_not_collected");
      // A label is only kept (so only checked) for a collected custom field.
      if (row.collect && isCustomField(row.key)) {
        if (!row.label) issue([row.key, "label"], "err_collect_label_missing");
        else if (row.label.length > CUSTOM_LABEL_MAX) issue([row.key, "label"], "err_collect_label_too_long");
      }
    }
    if (!form.invoiceMode && !form.fields.some((r) => r.collect)) issue(["fields"], "err_collect_form_empty");
  })
  .transform((form) => ({
    fields: form.fields
      .filter((r) => r.collect)
      .map(
        (r): FieldConfig =>
          isCustomField(r.key) ? { key: r.key, required: r.required, label: r.label } : { key: r.key, required: r.required },
      ),
    invoiceMode: form.invoiceMode,
  }));

export type CollectFormRow = z.input<typeof rowSchema>;
export type CollectFormSettings = z.output<typeof collectFormSchema>;
/** As typed in the form or sent by a client: not yet checked. */
export type CollectFormInput = { fields: unknown; invoiceMode: unknown };
