// Phone numbers of SMS and WhatsApp orders: typed as people write them, stored in E.164. Pure:
// the dialog shows the normalised number live with the same code the server checks with.
import { type CountryCode, parsePhoneNumberFromString } from "libphonenumber-js";
import { isPageLanguage, localeOf } from "../i18n/locales";

export type PhoneCheck = { ok: true; e164: string; country: CountryCode | null } | { ok: false; reason: "required" | "invalid" };

/** The longest typed number we look at (spaces, dots and a "00" prefix included). */
export const PHONE_MAX_TYPED = 40;

/**
 * The country a number without "+" belongs to: the region of the shop's default language's
 * locale (fr → FR, en → GB, de → DE…), as the shop has no country of its own.
 */
export function shopPhoneCountry(defaultLanguage: string): CountryCode {
  const lang = isPageLanguage(defaultLanguage) ? defaultLanguage : "fr";
  return localeOf(lang).slice(3) as CountryCode;
}

/** "06 12 34 56 78" (FR) / "+33 6 12 34 56 78" / "0033 612345678" → "+33612345678", or why not. */
export function normalisePhoneNumber(typed: string | null | undefined, defaultCountry: CountryCode): PhoneCheck {
  const text = (typed ?? "").trim();
  if (!text) return { ok: false, reason: "required" };
  if (text.length > PHONE_MAX_TYPED) return { ok: false, reason: "invalid" };
  const parsed = parsePhoneNumberFromString(text, { defaultCountry, extract: false });
  if (!parsed?.isValid()) return { ok: false, reason: "invalid" };
  return { ok: true, e164: parsed.number, country: parsed.country ?? null };
}

// Countries whose people read one of our page languages (multilingual ones, like BE or CH, are
// left out: the shop's language is a better guess there).
const COUNTRY_LANGUAGE: Partial<Record<CountryCode, string>> = {
  FR: "fr",
  MC: "fr",
  RE: "fr",
  GP: "fr",
  MQ: "fr",
  GF: "fr",
  YT: "fr",
  NC: "fr",
  PF: "fr",
  PM: "fr",
  DE: "de",
  AT: "de",
  LI: "de",
  ES: "es",
  MX: "es",
  AR: "es",
  CO: "es",
  PE: "es",
  CL: "es",
  UY: "es",
  EC: "es",
  VE: "es",
  BO: "es",
  PY: "es",
  IT: "it",
  SM: "it",
  PT: "pt",
  BR: "pt",
  NL: "nl",
  GB: "en",
  IE: "en",
  US: "en",
  AU: "en",
  NZ: "en",
};

/** An SMS's locale deduced from its number (+49… → de_DE), or null when the country says little. */
export function localeOfPhoneCountry(country: CountryCode | null): string | null {
  const lang = country ? COUNTRY_LANGUAGE[country] : undefined;
  return lang ? `${lang}_${country}` : null;
}
