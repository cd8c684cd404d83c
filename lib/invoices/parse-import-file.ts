// An uploaded import file (CSV or XLSX) → its lines as strings, numbered as a person sees them.
import { parse as parseCsv } from "csv-parse/sync";
import { readSheet, type SheetData } from "read-excel-file/node";
import { type ImportIssue, MAX_IMPORT_ROWS } from "./schemas";

export type ImportLine = { line: number; cells: string[] };
/** The header line and the data lines (blank lines left out), or what made the file unreadable. */
export type ImportTable = { header: ImportLine; rows: ImportLine[] } | { error: ImportIssue };

const fileError = (reason: ImportIssue["reason"], line = 1, value = ""): { error: ImportIssue } => ({
  error: { line, column: "", value, reason },
});

/** An XLSX file is a ZIP archive: told apart from CSV by its first bytes, whatever its name or type. */
export const isXlsx = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

export async function parseImportFile(bytes: Uint8Array): Promise<ImportTable> {
  if (bytes.length === 0) return fileError("file_empty");
  const lines = isXlsx(bytes) ? await readXlsx(bytes) : readCsv(bytes);
  if ("error" in lines) return lines;
  const [header, ...rows] = lines.filter((l) => l.cells.some((c) => c !== ""));
  if (!header) return fileError("file_empty");
  if (rows.length > MAX_IMPORT_ROWS) return fileError("too_many_rows", rows[MAX_IMPORT_ROWS]!.line, String(rows.length));
  return { header, rows };
}

/**
 * CSV per RFC 4180 (quotes, "" escapes, quoted line breaks), UTF-8 with or without BOM, else
 * Windows-1252 (what Excel saves as "CSV" on many desktops). The separator is a comma, or a
 * semicolon when the header line has semicolons and no comma (European spreadsheets).
 */
function readCsv(bytes: Uint8Array): ImportLine[] | { error: ImportIssue } {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder("windows-1252").decode(bytes);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = firstLine.includes(";") && !firstLine.includes(",") ? ";" : ",";
  let records: string[][];
  try {
    // relax_column_count: a row with too many or too few cells is reported on its own line, not
    // as the end of the whole file.
    records = parseCsv(text, { delimiter, relax_column_count: true, skip_empty_lines: false });
  } catch (e) {
    const err = e as { code?: string; lines?: number };
    return fileError("malformed_csv", err.lines ?? 1, err.code ?? "");
  }
  // Each record starts on the line after the previous one ends: one line, plus the line breaks
  // inside its quoted cells (cheaper than the parser's per-record info, which doubled its time).
  const out: ImportLine[] = new Array(records.length);
  let line = 1;
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    out[i] = { line, cells: record.map((c) => c.trim()) };
    line += 1;
    for (const c of record) if (c.includes("\n")) line += c.split("\n").length - 1;
  }
  return out;
}

/** The first sheet of an XLSX workbook; numbers kept as written, dates as YYYY-MM-DD. */
async function readXlsx(bytes: Uint8Array): Promise<ImportLine[] | { error: ImportIssue }> {
  let data: SheetData<string>;
  try {
    // parseNumber: the cell's text as stored ("12.5"), so amounts never go through a float.
    data = await readSheet<string>(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { parseNumber: (s) => s });
  } catch {
    return fileError("file_unreadable");
  }
  return data.map((row, i) => ({ line: i + 1, cells: row.map(cellText) }));
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "" : v.toISOString().slice(0, 10);
  return String(v).trim();
}
