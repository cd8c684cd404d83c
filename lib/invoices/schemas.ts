// Invoice orders (F-CH-INVOICE): the reference rule shared by the creation dialog and the import,
// the import file's columns and row schema, and the import report (the REST answer's schema).
import { z } from "zod";
import { isKnownCurrency } from "../money/currencies";
import { REFERENCE_RE, referenceSchema } from "../orders/schemas";

/** An invoice order's reference: the invoice number the buyer types. Mandatory, ≤ 64 characters. */
export const invoiceReferenceSchema = referenceSchema.min(1, { error: "err_reference_required" });

/** The import file's header, in the documented order (any order is accepted). */
export const IMPORT_COLUMNS = ["reference", "amount", "currency", "validity_end", "description", "buyer_email"] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
/** Columns a file must have; `description` and `buyer_email` may be left out altogether. */
export const REQUIRED_COLUMNS: readonly ImportColumn[] = ["reference", "amount", "currency", "validity_end"];

/** Why a line, a cell or the whole file was refused or skipped: stable codes, documented in the README. */
export const IMPORT_REASONS = [
  // the file
  "file_empty",
  "file_too_large",
  "file_unreadable",
  "malformed_csv",
  "too_many_rows",
  // the header (line 1)
  "missing_column",
  "unknown_column",
  "duplicate_column",
  // a row
  "column_count",
  "required",
  "too_long",
  "invalid_characters",
  "duplicate_in_file",
  "amount_format",
  "amount_decimals",
  "amount_too_large",
  "amount_not_positive",
  "currency_unknown",
  "currency_not_enabled",
  "date_format",
  "validity_past",
  "validity_too_far",
  "email_invalid",
  // skipped, not an error
  "already_exists",
] as const;
export type ImportReason = (typeof IMPORT_REASONS)[number];

/** One finding: `line` is the file's line (1 = header; XLSX: the sheet's row), `column` a header name or "". */
export type ImportIssue = { line: number; column: string; value: string; reason: ImportReason };

const optionalCell = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

/**
 * One data row as read from the file (every cell a string). Messages are ImportReason codes. The
 * amount's conversion (it depends on the currency) and the shop's rules come after, in code.
 */
export const importRowSchema = z.object({
  reference: z
    .string()
    .trim()
    .min(1, { error: "required" })
    .max(64, { error: "too_long" })
    .regex(REFERENCE_RE, { error: "invalid_characters" }),
  amount: z.string().trim().min(1, { error: "required" }),
  currency: z.string().trim().min(1, { error: "required" }).toUpperCase().refine(isKnownCurrency, { error: "currency_unknown" }),
  validity_end: optionalCell(
    z
      .string()
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "date_format" }),
  ),
  description: optionalCell(z.string().trim().max(255, { error: "too_long" })),
  buyer_email: optionalCell(
    z
      .string()
      .trim()
      .max(150, { error: "too_long" })
      .pipe(z.email({ error: "email_invalid" })),
  ),
});
export type ImportRowInput = z.input<typeof importRowSchema>;

/** Largest file accepted (upload and REST): 20 MB, about 250,000 typical rows. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** Most data rows in one file. */
export const MAX_IMPORT_ROWS = 100_000;
/** The report lists at most this many errors and as many skipped rows (the counts are always complete). */
export const MAX_LISTED = 10_000;

const issueSchema = z.object({
  line: z.number().int(),
  column: z.string(),
  value: z.string(),
  reason: z.enum(IMPORT_REASONS),
});

/**
 * The import's answer (back office and REST). `created`: orders created — in a dry run, those a
 * commit would create now (0 when any row is invalid, since nothing is then created). `skipped`:
 * rows whose reference already names an open or paid invoice order of the shop and mode.
 */
export const importReportSchema = z.object({
  dryRun: z.boolean(),
  rows: z.number().int(),
  created: z.number().int(),
  skipped: z.number().int(),
  errorCount: z.number().int(),
  errors: z.array(issueSchema),
  skippedRows: z.array(issueSchema),
});
export type ImportReport = z.infer<typeof importReportSchema>;

/** Import options as a query string (`?dryRun=true`), for the REST and back-office adapters. */
export const importQuerySchema = z.object({
  dryRun: z
    .enum(["true", "false", "1", "0", ""])
    .optional()
    .transform((v) => v === "true" || v === "1"),
});

/** The back-office upload's target: which shop and mode the file goes to. */
export const importTargetSchema = importQuerySchema.extend({
  shopId: z.string().regex(/^\d{8}$/, { error: "err_shop" }),
  mode: z.enum(["TEST", "PRODUCTION"], { error: "err_mode" }),
});
