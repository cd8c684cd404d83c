import { addCalendarDays } from "../time/shop-time";
import { IMPORT_COLUMNS } from "./schemas";

/**
 * The downloadable sample (CSV, 3 rows): dot and comma decimals, a quoted description with a
 * comma, an e-mail or none; validity ends 30 and 60 days after `today` (so it imports as is),
 * and one row without (the shop's default validity).
 */
export function importSampleCsv(today: string): string {
  const rows = [
    IMPORT_COLUMNS.join(","),
    `INV-2026-0001,120.50,EUR,${addCalendarDays(today, 30)},"Invoice 2026-0001, November services",billing@example.com`,
    `INV-2026-0002,"89,90",EUR,${addCalendarDays(today, 60)},Maintenance contract,`,
    "INV-2026-0003,15,EUR,,Late fee,",
  ];
  return `${rows.join("\r\n")}\r\n`;
}
