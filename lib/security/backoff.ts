import type { Db } from "../server/db";
import type { RateLimitResult } from "./rate-limit";

/**
 * A growing delay rather than a lock: the first `free` attempts pass; after n counted attempts
 * (n ≥ free) the next one must wait 2^(n - free) seconds after the last, at most `capSeconds`.
 * A key idle for `forgetSeconds` starts again from zero (the retention sweep drops buckets idle
 * for an hour, so keep it at most that).
 */
export type BackoffPolicy = { free: number; capSeconds: number; forgetSeconds: number };

/**
 * Counts one attempt under the policy, or refuses it with the seconds left to wait. The decision
 * is taken under the row's lock (ON CONFLICT … WHERE), so concurrent attempts cannot all slip
 * through before the first is counted; a refused attempt changes nothing. Kept in the
 * RateLimitBucket table: count = attempts counted, windowStart = when the last one was. The
 * delay's exponent is bounded before power() so it cannot overflow.
 */
export async function hitBackoff(db: Db, key: string, p: BackoffPolicy): Promise<RateLimitResult> {
  const counted = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitBucket" AS b (key, count, "windowStart") VALUES (${key}, 1, now())
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN b."windowStart" < now() - make_interval(secs => ${p.forgetSeconds}) THEN 1 ELSE b.count + 1 END,
      "windowStart" = now()
    WHERE b."windowStart" < now() - make_interval(secs => ${p.forgetSeconds})
       OR b.count < ${p.free}::int
       OR b."windowStart" + make_interval(secs => least(power(2.0::float8, least(b.count - ${p.free}::int, 30)), ${p.capSeconds}::float8)) <= now()
    RETURNING count`;
  if (counted.length > 0) return { allowed: true, retryAfterSeconds: 0 };
  const rows = await db.$queryRaw<{ wait: number }[]>`
    SELECT extract(epoch from b."windowStart" + make_interval(secs => least(power(2.0::float8, least(b.count - ${p.free}::int, 30)), ${p.capSeconds}::float8)) - now())::float8 AS wait
      FROM "RateLimitBucket" b WHERE key = ${key}`;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rows[0]?.wait ?? 1)) };
}

/** Takes back one counted attempt (it succeeded): only failures keep counting. */
export async function releaseBackoff(db: Db, key: string): Promise<void> {
  await db.$executeRaw`UPDATE "RateLimitBucket" SET count = greatest(count - 1, 0) WHERE key = ${key}`;
}

/** Forgets a key's attempts (a success on it). */
export async function clearBackoff(db: Db, key: string): Promise<void> {
  await db.$executeRaw`DELETE FROM "RateLimitBucket" WHERE key = ${key}`;
}
