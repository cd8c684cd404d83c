// The sign-in error next-auth carries from authorize to the form (an Error's message, then
// ?error=… on its answer): "RateLimited:<seconds to wait>" for a throttled attempt.
const RATE_LIMITED = /^RateLimited(?::(\d{1,6}))?$/;

export const rateLimitedError = (retryAfterSeconds: number) => `RateLimited:${retryAfterSeconds}`;

/** The seconds to wait when the error is a throttled sign-in, else null. */
export function rateLimitedSeconds(error: string | null | undefined): number | null {
  const m = RATE_LIMITED.exec(error ?? "");
  return m ? Number(m[1] ?? 60) : null;
}

/** "45 s", "15 min": the wait as the sign-in message shows it (same in French and English). */
export const waitText = (seconds: number) => (seconds < 60 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`);

// Two-factor on: the password step answers "SecondFactor:<ticket>" (no session); the second step
// answers "SecondFactorExpired" when its ticket is spent (5 minutes, or a sign-out since).
const SECOND_FACTOR = /^SecondFactor:([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;
export const SECOND_FACTOR_EXPIRED = "SecondFactorExpired";
export const secondFactorError = (ticket: string) => `SecondFactor:${ticket}`;

/** The ticket of the second step when the password step asks for one, else null. */
export function secondFactorTicket(error: string | null | undefined): string | null {
  return SECOND_FACTOR.exec(error ?? "")?.[1] ?? null;
}
