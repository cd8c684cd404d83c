import { currencyExponent } from "./currencies";

const cache = new Map<string, Intl.NumberFormat>();

/** The only place money becomes text: minor units → "15,00 €" (fr) / "€15.00" (en). */
export function formatMoney(minor: number | bigint, currency: string, locale: string): string {
  const exp = currencyExponent(currency);
  const key = `${locale}|${currency}`;
  let nf = cache.get(key);
  if (!nf) {
    nf = new Intl.NumberFormat(locale.replace("_", "-"), {
      style: "currency",
      currency,
      minimumFractionDigits: exp,
      maximumFractionDigits: exp,
    });
    cache.set(key, nf);
  }
  // Intl formats a decimal string exactly (no float rounding) when given one.
  return nf.format(minorToDecimalString(minor, exp) as unknown as number);
}

export function minorToDecimalString(minor: number | bigint, exp: number): string {
  const v = BigInt(minor);
  const neg = v < 0n;
  const digits = (neg ? -v : v).toString().padStart(exp + 1, "0");
  const int = digits.slice(0, digits.length - exp);
  const frac = exp ? `.${digits.slice(-exp)}` : "";
  return `${neg ? "-" : ""}${int}${frac}`;
}
