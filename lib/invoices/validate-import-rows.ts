// The import's rules on each line, without the database: header, cell formats, the shop's
// currencies and validity window, and references repeated inside the file.
import { parseMajorAmount } from "../money/parse-amount";
import { validityFromDay } from "../orders/validity";
import { safeParseInput, TEXT_REFUSED } from "../server/validation";
import type { ImportLine } from "./parse-import-file";
import { IMPORT_COLUMNS, type ImportColumn, type ImportIssue, importRowSchema, REQUIRED_COLUMNS } from "./schemas";

/** A row ready to become an order. */
export type ValidImportRow = {
  line: number;
  reference: string;
  amountMinor: number;
  currency: string;
  validUntil: Date;
  description: string | null;
  buyerEmail: string | null;
};

export type ImportShopRules = { timeZone: string; defaultValidityDays: number; currencies: string[] };

const KNOWN = new Set<string>(IMPORT_COLUMNS);
type DayCheck = { ok: true; validUntil: Date } | { ok: false; reason: "date_format" | "validity_past" | "validity_too_far" };
const AMOUNT_REASON = { format: "amount_format", decimals: "amount_decimals", too_large: "amount_too_large" } as const;

/** Column name → cell index, from the header line (names trimmed, case-insensitive, any order). */
export function readHeader(header: ImportLine): { columns: Map<ImportColumn, number>; errors: ImportIssue[] } {
  const columns = new Map<ImportColumn, number>();
  const errors: ImportIssue[] = [];
  header.cells.forEach((raw, i) => {
    const name = raw.trim().toLowerCase();
    if (name === "" && i === header.cells.length - 1) return; // a trailing separator
    if (!KNOWN.has(name)) errors.push({ line: header.line, column: raw, value: raw, reason: "unknown_column" });
    else if (columns.has(name as ImportColumn)) errors.push({ line: header.line, column: name, value: raw, reason: "duplicate_column" });
    else columns.set(name as ImportColumn, i);
  });
  for (const c of REQUIRED_COLUMNS) {
    if (!columns.has(c)) errors.push({ line: header.line, column: c, value: "", reason: "missing_column" });
  }
  return { columns, errors };
}

/**
 * Every row's problems (a row can have several, one per cell) and the rows without any. A
 * reference already used by an earlier line of the file is an error on the later lines.
 * An empty `validity_end` means the shop's default validity, as in the creation dialogs.
 */
export function validateImportRows(
  table: { header: ImportLine; rows: ImportLine[] },
  shop: ImportShopRules,
  now = new Date(),
): { valid: ValidImportRow[]; errors: ImportIssue[] } {
  const { columns, errors } = readHeader(table.header);
  if (errors.length) return { valid: [], errors };
  const width = Math.max(...columns.values()) + 1;
  const currencies = new Set(shop.currencies);
  const seen = new Set<string>();
  const valid: ValidImportRow[] = [];
  // A file names few distinct days: each is checked once (calendar day, then the validity window).
  const days = new Map<string, DayCheck>();
  const validityOf = (day: string): DayCheck => {
    let v = days.get(day);
    if (!v) {
      const w = day === "" || isCalendarDay(day) ? validityFromDay(day || undefined, shop, now) : null;
      v = !w
        ? { ok: false, reason: "date_format" }
        : w.ok
          ? w
          : { ok: false, reason: w.error === "err_validity_past" ? "validity_past" : "validity_too_far" };
      days.set(day, v);
    }
    return v;
  };
  for (const { line, cells } of table.rows) {
    const trailingEmpty = cells.length > width && cells.slice(width).every((c) => c === "");
    if (cells.length > width && !trailingEmpty) {
      errors.push({ line, column: "", value: String(cells.length), reason: "column_count" });
      continue;
    }
    const raw: Record<ImportColumn, string> = {
      reference: "",
      amount: "",
      currency: "",
      validity_end: "",
      description: "",
      buyer_email: "",
    };
    for (const [name, i] of columns) raw[name] = cells[i] ?? "";
    const before = errors.length;
    const issue = (column: ImportColumn, reason: ImportIssue["reason"]) => errors.push({ line, column, value: raw[column], reason });

    const parsed = safeParseInput(importRowSchema, raw);
    const failed = new Set<string>();
    if (!parsed.success) {
      // One reason per cell: the first broken rule.
      for (const i of parsed.error.issues) {
        const column = String(i.path[0]);
        if (failed.has(column)) continue;
        failed.add(column);
        issue(column as ImportColumn, i.message === TEXT_REFUSED ? "invalid_characters" : (i.message as ImportIssue["reason"]));
      }
    }
    const row = parsed.data;
    const currency = raw.currency.toUpperCase();
    if (!failed.has("currency") && !currencies.has(currency)) issue("currency", "currency_not_enabled");

    let amountMinor = 0;
    if (!failed.has("amount")) {
      // Decimals are checked against the currency's exponent (2 while the currency is unknown).
      const amount = parseMajorAmount(raw.amount, failed.has("currency") ? "EUR" : currency);
      if (raw.amount.startsWith("-")) issue("amount", "amount_not_positive");
      else if (!amount.ok) issue("amount", AMOUNT_REASON[amount.reason]);
      else if (amount.minor <= 0) issue("amount", "amount_not_positive");
      else amountMinor = amount.minor;
    }

    let validUntil: Date | null = null;
    if (!failed.has("validity_end")) {
      const v = validityOf(raw.validity_end);
      if (v.ok) validUntil = v.validUntil;
      else issue("validity_end", v.reason);
    }

    const reference = raw.reference;
    if (reference !== "") {
      if (seen.has(reference)) issue("reference", "duplicate_in_file");
      seen.add(reference);
    }
    if (errors.length > before + 1) {
      // A line's problems in the file's column order.
      const at = (c: string) => columns.get(c as ImportColumn) ?? 0;
      const mine = errors.splice(before).sort((a, b) => at(a.column) - at(b.column));
      errors.push(...mine);
    }
    if (errors.length > before || !row || !validUntil) continue;
    valid.push({
      line,
      reference: row.reference,
      amountMinor,
      currency: row.currency,
      validUntil,
      description: row.description ?? null,
      buyerEmail: row.buyer_email ?? null,
    });
  }
  return { valid, errors };
}

/** "YYYY-MM-DD" naming a day that exists (no 2026-02-30). */
function isCalendarDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
}
