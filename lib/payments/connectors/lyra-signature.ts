// The Lyra family's form signature (PayZen, Systempay, Sogecommerce, Izipay…): the values of every
// `vads_*` field, in the alphabetical order of their names, joined with "+", then "+" and the key;
// HMAC-SHA-256 of that string keyed with the same key, in base64. The notification and the return
// are signed the same way; they are checked in constant time.
import crypto from "node:crypto";

export function lyraSignature(fields: Record<string, string>, key: string): string {
  const names = Object.keys(fields)
    .filter((n) => n.startsWith("vads_"))
    .sort();
  const text = `${names.map((n) => fields[n]).join("+")}+${key}`;
  return crypto.createHmac("sha256", key).update(text, "utf8").digest("base64");
}

/** Whether `fields.signature` is the one `key` gives (false when absent or of another length). */
export function hasValidLyraSignature(fields: Record<string, string>, key: string): boolean {
  const given = Buffer.from(fields.signature ?? "", "utf8");
  const expected = Buffer.from(lyraSignature(fields, key), "utf8");
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

/** A form body or query as a plain record (the first value of a repeated name). */
export function fieldsOf(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of params) if (!(k in out)) out[k] = v;
  return out;
}

// ISO 4217 numeric codes (vads_currency) of the currencies the platform knows (lib/money/currencies.ts).
export const NUMERIC_CURRENCY: Record<string, string> = {
  AED: "784",
  ARS: "032",
  AUD: "036",
  BHD: "048",
  BRL: "986",
  CAD: "124",
  CHF: "756",
  CLP: "152",
  CNY: "156",
  COP: "170",
  CZK: "203",
  DKK: "208",
  EUR: "978",
  GBP: "826",
  HKD: "344",
  HUF: "348",
  IDR: "360",
  ILS: "376",
  INR: "356",
  ISK: "352",
  JOD: "400",
  JPY: "392",
  KRW: "410",
  KWD: "414",
  MAD: "504",
  MXN: "484",
  MYR: "458",
  NOK: "578",
  NZD: "554",
  OMR: "512",
  PEN: "604",
  PHP: "608",
  PLN: "985",
  QAR: "634",
  RON: "946",
  SAR: "682",
  SEK: "752",
  SGD: "702",
  THB: "764",
  TND: "788",
  TRY: "949",
  TWD: "901",
  USD: "840",
  XAF: "950",
  XOF: "952",
  XPF: "953",
  ZAR: "710",
};
export const ALPHA_CURRENCY: Record<string, string> = Object.fromEntries(Object.entries(NUMERIC_CURRENCY).map(([a, n]) => [n, a]));

/** yyyyMMddHHmmss in UTC (vads_trans_date). */
export const lyraTransDate = (d: Date) => d.toISOString().replace(/[-:T]/g, "").slice(0, 14);
