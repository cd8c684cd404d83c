import crypto from "node:crypto";

/**
 * Twilio's request signature (X-Twilio-Signature), used by providers of the same API for status
 * callbacks: base64 HMAC-SHA1, keyed with the account's password (auth token), over the full URL
 * followed by every POST parameter as name + value, names sorted.
 */
export function twilioSignature(url: string, params: Record<string, string>, password: string): string {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, k) => acc + k + params[k], url);
  return crypto.createHmac("sha1", password).update(data, "utf8").digest("base64");
}

/** Constant-time check of a received signature. */
export function isValidTwilioSignature(url: string, params: Record<string, string>, password: string, signature: string | null): boolean {
  if (!signature) return false;
  const expected = Buffer.from(twilioSignature(url, params, password));
  const given = Buffer.from(signature);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}
