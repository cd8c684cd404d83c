// Card numbers in text (database rows, logs): pure functions shared by the after-e2e check and its
// self-test. A known number counts whether it is written whole or grouped ("4970 1000 0000 0055",
// "4970-1000-0000-0055"): a page or a log line may keep the buyer's own spacing.

export type CardHit = { number: string; index: number; match: string };

// Any one space-like character or dash between two digits, so every grouping is covered.
const SEPARATOR = "[\\s-]?";

/** Every occurrence of one of `numbers` (digits only) in `text`, whole or with separators. */
export function findCardNumbers(text: string, numbers: Iterable<string>): CardHit[] {
  const hits: CardHit[] = [];
  for (const number of new Set(numbers)) {
    const re = new RegExp([...number].join(SEPARATOR), "g");
    for (const m of text.matchAll(re)) hits.push({ number, index: m.index, match: m[0] });
  }
  return hits;
}

export function isLuhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

// Whole 13–19-digit runs, 4-4-4-4(-1..3) groups and Amex' 4-6-5, not inside a longer number.
const LITERALS = [
  /(?<![\d.])\d{13,19}(?![\d.])/g,
  /(?<!\d)\d{4}([ -])\d{4}\1\d{4}\1\d{4}(?:\1\d{1,3})?(?!\d)/g,
  /(?<!\d)\d{4}([ -])\d{6}\1\d{5}(?!\d)/g,
];

/** The Luhn-valid card-number literals of a source file (digits only, without duplicates). */
export function cardNumbersInSource(source: string): string[] {
  const found = new Set<string>();
  for (const re of LITERALS) {
    for (const m of source.matchAll(re)) {
      const digits = m[0].replace(/\D/g, "");
      if (digits.length >= 13 && digits.length <= 19 && isLuhnValid(digits)) found.add(digits);
    }
  }
  return [...found];
}
