/** The refusals a one-time link's form may show (catalogue keys). */
export const PASSWORD_LINK_ERRORS = [
  "err_token_unknown",
  "err_token_used",
  "err_token_expired",
  "err_token_revoked",
  "err_user_name",
  "err_password_short",
  "err_password_long",
  "err_password_common",
  "err_password_personal",
  "err_password_mismatch",
  "err_generic",
] as const;
