// How many SMS parts a text costs (F-CH-SMS). Pure: the dialog's live counter and the server,
// which is the authority when it debits the credits, run this same code.

export type SmsCount = {
  /** Characters as people count them (an emoji is one). */
  characters: number;
  encoding: SmsEncoding;
  /** GSM-7 septets (an extension character is two) or UTF-16 code units (an emoji is two). */
  units: number;
  /** SMS parts, i.e. credits (1 credit = 1 part). 0 for an empty text. */
  segments: number;
};

/** A rendered SMS may not be longer than this (characters). */
export const SMS_MAX_CHARACTERS = 500;

// GSM 03.38 default alphabet (one septet each): its uppercase Ç is there, its lowercase ç is not;
// neither are ê, â, î, ô, û, ë, ï.
const BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
// The extension table: an escape septet, then the character (two septets).
const EXTENSION = "\f^{}\\[~]|€";

const GSM_UNITS = new Map<string, number>([...[...BASIC].map((c) => [c, 1] as const), ...[...EXTENSION].map((c) => [c, 2] as const)]);

/** Per encoding, what one SMS holds alone and as a part of a concatenated one. */
const LIMITS = {
  GSM7: { single: 160, part: 153 },
  UCS2: { single: 70, part: 67 },
} as const;
export type SmsEncoding = keyof typeof LIMITS;

/**
 * Counts a text as an SMS: GSM-7 when every character is in the default alphabet or its
 * extension, else UCS-2. One part holds 160 septets / 70 code units; past that, each part of a
 * concatenated SMS holds 153 / 67 (the rest is the header). A character is never split between
 * two parts (an extension character's escape stays with it, an emoji's two halves together),
 * as phones pack them, so a part may hold one unit less.
 */
export function countSms(text: string): SmsCount {
  const chars = [...text];
  const gsm = chars.every((c) => GSM_UNITS.has(c));
  const encoding: SmsEncoding = gsm ? "GSM7" : "UCS2";
  const sizes = chars.map((c) => (gsm ? GSM_UNITS.get(c)! : c.length));
  const units = sizes.reduce((a, b) => a + b, 0);
  const limit = LIMITS[encoding];
  let segments = units === 0 ? 0 : 1;
  if (units > limit.single) {
    segments = 1;
    let used = 0;
    for (const size of sizes) {
      if (used + size > limit.part) {
        segments += 1;
        used = 0;
      }
      used += size;
    }
  }
  return { characters: chars.length, encoding, units, segments };
}
