// The one password rule set (lib/auth/password-policy.ts), shared by invitations, resets and My account.
import { describe, expect, it } from "vitest";
import { newPasswordSchema, PASSWORD_MAX, passwordProblem } from "@/lib/auth/password-policy";

const who = { email: "jeanne.martin@example.test", name: "Jeanne Martin" };

describe("password policy", () => {
  it("takes a long passphrase, whatever its characters", () => {
    expect(passwordProblem("correct horse battery staple", who)).toBeNull();
    expect(passwordProblem("œuvre d’été à Noël 2026", who)).toBeNull();
    expect(passwordProblem("x7$kQ!2vLp", who)).toBeNull();
  });

  it("refuses short and over-long ones (length counted in characters)", () => {
    expect(passwordProblem("Ab3$ef9!k", who)).toBe("err_password_short");
    expect(passwordProblem("ééééééééé", who)).toBe("err_password_short");
    expect(passwordProblem("a".repeat(PASSWORD_MAX + 1), who)).toBe("err_password_long");
  });

  it("refuses the passwords tried first, dressed with digits and symbols or not", () => {
    for (const pw of [
      "Password123!",
      "motdepasse",
      "AZERTYUIOP!!",
      "1234567890",
      "0123456789012",
      "aaaaaaaaaaaa",
      "abababababab",
      "!!Qwerty2024",
    ]) {
      expect(passwordProblem(pw, who), pw).toBe("err_password_common");
    }
  });

  it("refuses one made of the account's e-mail or name", () => {
    expect(passwordProblem("jeanne.martin2026", who)).toBe("err_password_personal");
    expect(passwordProblem("JeanneMartin!!", who)).toBe("err_password_personal");
    expect(passwordProblem("jeanne.martin@example.test", who)).toBe("err_password_personal");
    // Without the account, only the general rules apply.
    expect(passwordProblem("jeanne.martin2026")).toBeNull();
  });

  it("as a zod field: the problem's message key", () => {
    expect(newPasswordSchema.safeParse("correct horse battery staple").success).toBe(true);
    const r = newPasswordSchema.safeParse("short");
    expect(r.success ? null : r.error.issues[0]?.message).toBe("err_password_short");
  });
});
