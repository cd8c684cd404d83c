import { currencyExponent } from "./currencies";

export type ParsedAmount = { ok: true; minor: number } | { ok: false; reason: "format" | "decimals" | "too_large" };

/** Max amount: 12 digits in minor units, as the REST API allows. */
export const MAX_MINOR = 999_999_999_999;

/**
 * Parses an amount typed by a person in major units ("15", "15.5", "1 234,56") into minor units
 * for the currency, refusing more decimals than the currency has. No floats involved.
 */
export function parseMajorAmount(input: string, currency: string): ParsedAmount {
  const s = input.trim().replace(/[\s\u00a0\u202f]/g, "");
  const m = /^(\d+)(?:[.,](\d*))?$/.exec(s);
  if (!m) return { ok: false, reason: "format" };
  const exp = currencyExponent(currency);
  const frac = (m[2] ?? "").replace(/0+$/, "");
  if (frac.length > exp) return { ok: false, reason: "decimals" };
  const minorStr = (m[1] ?? "0") + frac.padEnd(exp, "0");
  const minor = Number(minorStr);
  if (minorStr.replace(/^0+/, "").length > 12 || minor > MAX_MINOR) return { ok: false, reason: "too_large" };
  return { ok: true, minor };
}
