// Time-based one-time passwords (RFC 6238) through `otpauth`: SHA-1, 6 digits, 30-second steps —
// what every authenticator app reads from an otpauth:// URI. Pure: no database, no clock but `now`.
import crypto from "node:crypto";
import { Secret, TOTP } from "otpauth";
import { deriveSecret } from "../server/secrets";

const PERIOD = 30;

/** A new 160-bit secret (RFC 4226's recommended length), base32 as the apps take it. */
export const newTotpSecret = () => new Secret({ size: 20 }).base32;

const totp = (secret: string, label = "", issuer = "") =>
  new TOTP({ issuer, label, algorithm: "SHA1", digits: 6, period: PERIOD, secret: Secret.fromBase32(secret) });

/** The otpauth:// URI an authenticator app scans (the QR code) for this account. */
export const totpUri = (secret: string, account: string, issuer: string) => totp(secret, account, issuer).toString();

/** The code for a moment (tests, and the apps' side of the protocol). */
export const totpCode = (secret: string, timestamp = Date.now()) => totp(secret).generate({ timestamp });

/**
 * The time step a code belongs to (one step either side of now, for clocks slightly apart), or
 * null. The caller refuses a step at or before the last one accepted, so a code works once.
 */
export function totpStep(secret: string, code: string, timestamp = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totp(secret).validate({ token: code, timestamp, window: 1 });
  return delta === null ? null : TOTP.counter({ period: PERIOD, timestamp }) + delta;
}

// Recovery codes: 10 characters from an alphabet without look-alikes (50 bits), shown as xxxxx-xxxxx.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
export const RECOVERY_CODE_COUNT = 10;

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 10 }, () => ALPHABET[crypto.randomInt(ALPHABET.length)]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** The one form a typed recovery code is compared in: lower case, no spaces or dashes. */
export const normaliseRecoveryCode = (code: string) => code.toLowerCase().replace(/[\s-]/g, "");

/** HMAC with a key derived from APP_SECRET: a stolen table alone cannot be searched for codes. */
export const recoveryCodeDigest = (code: string) =>
  crypto.createHmac("sha256", deriveSecret("recovery-codes")).update(normaliseRecoveryCode(code)).digest("hex");
