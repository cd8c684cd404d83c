import { z } from "zod";
import { hitRateLimit } from "../security/rate-limit";
import type { Db } from "../server/db";
import { hashPassword, verifyPassword } from "./password";

export const credentialsSchema = z.object({
  email: z
    .email()
    .max(254)
    .transform((s) => s.toLowerCase()),
  password: z.string().min(1).max(200),
});

/** Per 15 minutes: attempts per account, and per client address. */
export const SIGN_IN_LIMITS = { perEmail: 10, perAddress: 50, windowSeconds: 900 };

let dummyHash: Promise<string> | undefined;

export type SignInResult = { ok: true; userId: string } | { ok: false; reason: "invalid" | "rate_limited" };

/**
 * Checks an e-mail and password. Unknown e-mails cost the same time as wrong passwords (a hash is
 * verified either way) so accounts cannot be discovered by timing.
 */
export async function verifyCredentials(db: Db, input: { email: string; password: string; clientAddress?: string }): Promise<SignInResult> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const checks = [hitRateLimit(db, `signin:email:${email}`, SIGN_IN_LIMITS.perEmail, SIGN_IN_LIMITS.windowSeconds)];
  if (input.clientAddress)
    checks.push(hitRateLimit(db, `signin:addr:${input.clientAddress}`, SIGN_IN_LIMITS.perAddress, SIGN_IN_LIMITS.windowSeconds));
  if ((await Promise.all(checks)).some((r) => !r.allowed)) return { ok: false, reason: "rate_limited" };

  const user = await db.user.findUnique({ where: { email }, select: { id: true, passwordHash: true, disabledAt: true } });
  dummyHash ??= hashPassword("not-a-real-password");
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
  if (!user || !ok || user.disabledAt) return { ok: false, reason: "invalid" };
  return { ok: true, userId: user.id };
}
