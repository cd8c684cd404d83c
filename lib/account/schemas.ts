import { z } from "zod";
import { PASSWORD_MAX } from "../auth/password-policy";
import { UI_LANGUAGES } from "../i18n/locales";

/** My account › Profile: the name shown in the back office and the audit log, the interface language. */
export const profileSchema = z.object({
  name: z.string().trim().min(1, { error: "err_account_name" }).max(100),
  locale: z.enum(UI_LANGUAGES),
});

/** My account › Password: the current one, the new one twice (the policy is checked with the account). */
export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, { error: "err_password_wrong" }).max(PASSWORD_MAX),
  newPassword: z.string().max(PASSWORD_MAX, { error: "err_password_long" }),
  confirmPassword: z.string().max(PASSWORD_MAX),
});
