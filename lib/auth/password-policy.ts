// The one password rule set (issue 19), for every place a person chooses a password: accepting an
// invitation, a reset, the first run's operator, "My account". NIST SP 800-63B's advice: length
// rather than composition rules, no password made of the account's own e-mail or name, none of the
// passwords everybody tries first. Messages are catalogue keys (lib/i18n/messages/users19.ts).
import { z } from "zod";

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

// The most tried passwords and their usual shapes (compared without case, digits and symbols at
// the ends stripped): "Password123!" is "password".
const COMMON = new Set([
  "password",
  "motdepasse",
  "azerty",
  "azertyuiop",
  "qwerty",
  "qwertyuiop",
  "letmein",
  "welcome",
  "bienvenue",
  "admin",
  "administrator",
  "administrateur",
  "iloveyou",
  "jetaime",
  "soleil",
  "dragon",
  "monkey",
  "football",
  "baseball",
  "sunshine",
  "princess",
  "changeme",
  "secret",
  "loulou",
  "doudou",
  "chouchou",
  "abcdef",
  "abcdefgh",
  "abcdefghij",
  "abc",
  "",
]);

export type PasswordProblem = "err_password_short" | "err_password_long" | "err_password_common" | "err_password_personal";

/** What is wrong with a new password, or null. `email` and `name`: the account's, which it must not be made of. */
export function passwordProblem(password: string, who: { email?: string | null; name?: string | null } = {}): PasswordProblem | null {
  if ([...password].length < PASSWORD_MIN) return "err_password_short";
  if (password.length > PASSWORD_MAX) return "err_password_long";
  const lower = password.toLowerCase();
  const core = lower.replace(/^[^a-z]+|[^a-z]+$/g, "");
  if (COMMON.has(core) || new Set(lower).size < 4 || /^(0123456789|1234567890|9876543210)+/.test(lower)) return "err_password_common";
  const personal = [who.email?.split("@")[0], who.email, who.name]
    .map((s) => s?.toLowerCase().replace(/\s+/g, "") ?? "")
    .filter((s) => s.length >= 4);
  const squeezed = lower.replace(/\s+/g, "");
  if (personal.some((p) => squeezed.includes(p) || (core.length >= 4 && p.includes(core)))) return "err_password_personal";
  return null;
}

/** A new password as a zod field (the personal check needs the account: use `passwordProblem` with it). */
export const newPasswordSchema = z
  .string({ error: "err_password_short" })
  .max(PASSWORD_MAX, { error: "err_password_long" })
  .superRefine((pw, ctx) => {
    const p = passwordProblem(pw);
    if (p) ctx.addIssue({ code: "custom", message: p });
  });
