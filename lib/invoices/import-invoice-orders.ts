import type { Actor } from "../auth/actor";
import type { Db } from "../server/db";
import type { Mode } from "../server/generated/prisma/enums";
import { assertCanImport, createInvoiceOrders } from "./create-invoice-orders";
import { parseImportFile } from "./parse-import-file";
import { type ImportIssue, type ImportReport, MAX_IMPORT_BYTES } from "./schemas";

export type ImportInvoiceOrdersInput = {
  actor: Actor;
  shopId: string;
  mode: Mode;
  /** The uploaded file: CSV (UTF-8 or Windows-1252, comma or semicolon) or XLSX (first sheet). */
  file: Uint8Array;
  dryRun: boolean;
  now?: Date;
};

/**
 * Imports a file of invoice orders (F-CH-INVOICE bulk): its header
 * `reference,amount,currency,validity_end,description,buyer_email` (any order; the last two
 * columns optional), one order per line, all or nothing. See createInvoiceOrders for the rules.
 * An unreadable file is a report with one error on its line, like any invalid row.
 */
export async function importInvoiceOrders(db: Db, input: ImportInvoiceOrdersInput): Promise<ImportReport> {
  assertCanImport(input.actor, input.shopId, input.mode);
  const table =
    input.file.length > MAX_IMPORT_BYTES
      ? { error: { line: 1, column: "", value: String(input.file.length), reason: "file_too_large" } satisfies ImportIssue }
      : await parseImportFile(input.file);
  if ("error" in table) {
    return { dryRun: input.dryRun, rows: 0, created: 0, skipped: 0, errorCount: 1, errors: [table.error], skippedRows: [] };
  }
  return createInvoiceOrders(db, { ...input, table });
}
