import { describe, expect, it } from "vitest";
import { newRecoveryCodes, newTotpSecret, normaliseRecoveryCode, totpCode, totpStep, totpUri } from "@/lib/auth/totp";

// RFC 6238 appendix B (SHA-1, secret "12345678901234567890"), the last 6 of its 8 digits.
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
const VECTORS: [number, string][] = [
  [59, "287082"],
  [1111111109, "081804"],
  [1111111111, "050471"],
  [1234567890, "005924"],
  [2000000000, "279037"],
];

describe("TOTP (RFC 6238)", () => {
  it("matches the RFC's test vectors", () => {
    for (const [t, code] of VECTORS) expect(totpCode(RFC_SECRET, t * 1000), String(t)).toBe(code);
  });

  it("accepts one step of drift either side and says which step; refuses the rest", () => {
    const now = 1_800_000_000_000;
    const step = Math.floor(now / 30_000);
    expect(totpStep(RFC_SECRET, totpCode(RFC_SECRET, now), now)).toBe(step);
    expect(totpStep(RFC_SECRET, totpCode(RFC_SECRET, now - 30_000), now)).toBe(step - 1);
    expect(totpStep(RFC_SECRET, totpCode(RFC_SECRET, now + 30_000), now)).toBe(step + 1);
    expect(totpStep(RFC_SECRET, totpCode(RFC_SECRET, now - 90_000), now)).toBeNull();
    expect(totpStep(RFC_SECRET, "12345", now)).toBeNull();
    expect(totpStep(RFC_SECRET, "abcdef", now)).toBeNull();
  });

  it("new secrets are 160 bits of base32; the URI is the one authenticator apps read", () => {
    const s = newTotpSecret();
    expect(s).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(s);
    const uri = new URL(totpUri(s, "a@b.test", "Payment orders"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.searchParams.get("secret")).toBe(s);
    expect(uri.searchParams.get("issuer")).toBe("Payment orders");
  });

  it("ten distinct recovery codes, typed in any case with or without the dash", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    expect(normaliseRecoveryCode(" ABCDE-fghij ")).toBe("abcdefghij");
  });
});
