import { type BackoffPolicy, clearBackoff, hitBackoff } from "../security/backoff";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import { verifyPassword } from "./password";

/** A signed-in user typing their password again (change it, turn two-factor off): the sign-in's growing delay. */
export const CONFIRM_PASSWORD_BACKOFF: BackoffPolicy = { free: 5, capSeconds: 900, forgetSeconds: 3600 };

/**
 * Checks the user's own password, throttled per account (a stolen session cannot try passwords
 * at full speed). Throws a field refusal `err_password_wrong` on `field`, RATE_LIMITED when waiting.
 */
export async function confirmOwnPassword(db: Db, input: { userId: string; password: string; field: string }): Promise<void> {
  const key = `account:password:${input.userId}`;
  const hit = await hitBackoff(db, key, CONFIRM_PASSWORD_BACKOFF);
  if (!hit.allowed) {
    throw new AppError("RATE_LIMITED", "password confirmation throttled", {
      publicMessage: "err_password_wait",
      details: { retryAfterSeconds: hit.retryAfterSeconds },
    });
  }
  const user = await db.user.findUniqueOrThrow({ where: { id: input.userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    throw new AppError("VALIDATION", "wrong password", { publicMessage: "invalid", fields: { [input.field]: "err_password_wrong" } });
  }
  await clearBackoff(db, key);
}
