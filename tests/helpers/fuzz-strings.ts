// fast-check arbitraries for strings with control characters: U+0000 and lone surrogates, which
// PostgreSQL refuses (in text; in jsonb), and others it stores (C0, DEL, C1, separators, BOM).
import fc from "fast-check";

export const CONTROL = fc.constantFrom(
  "\u0000",
  "\u0001",
  "\u0008",
  "\t",
  "\n",
  "\r",
  "\u001b",
  "\u001f",
  "\u007f",
  "\u0085",
  "\u2028",
  "\ud800",
  "\udfff",
  "\ufeff",
);

/** One character: a control character one time in four. */
export const unit = fc.oneof({ weight: 1, arbitrary: CONTROL }, { weight: 3, arbitrary: fc.string({ minLength: 1, maxLength: 1 }) });

/** A short string with at least one control character in it. */
export const nasty = fc.string({ unit, minLength: 1, maxLength: 12 }).filter((s) => /[\p{Cc}\p{Cs}\u2028\ufeff]/u.test(s));

/** Whether PostgreSQL refuses the string (what the inputs must turn into a field error). */
export const isRefused = (s: string) => s.includes("\u0000") || /\p{Cs}/u.test(s);
