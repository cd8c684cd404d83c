// ISO 4217 minor-unit exponents. Anything not listed has 2 decimals.
const EXPONENTS: Record<string, number> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0,
  UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};

/** Currencies the platform knows (ISO 4217 active codes commonly accepted by card acquirers). */
export const CURRENCIES = [
  "AED", "ARS", "AUD", "BHD", "BRL", "CAD", "CHF", "CLP", "CNY", "COP", "CZK", "DKK", "EUR", "GBP",
  "HKD", "HUF", "IDR", "ILS", "INR", "ISK", "JOD", "JPY", "KRW", "KWD", "MAD", "MXN", "MYR", "NOK",
  "NZD", "OMR", "PEN", "PHP", "PLN", "QAR", "RON", "SAR", "SEK", "SGD", "THB", "TND", "TRY", "TWD",
  "USD", "XAF", "XOF", "XPF", "ZAR",
] as const;

export const isKnownCurrency = (code: string) => (CURRENCIES as readonly string[]).includes(code);

export const currencyExponent = (code: string) => EXPONENTS[code] ?? 2;
