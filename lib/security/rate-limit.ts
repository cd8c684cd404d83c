import type { Db } from "../server/db";

export type RateLimitResult = { allowed: boolean; retryAfterSeconds: number };

/**
 * Fixed-window counter kept in Postgres, so every web process shares it. One round trip.
 */
export async function hitRateLimit(db: Db, key: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
  const rows = await db.$queryRaw<{ count: number; age: number }[]>`
    INSERT INTO "RateLimitBucket" (key, count, "windowStart") VALUES (${key}, 1, now())
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN "RateLimitBucket"."windowStart" < now() - make_interval(secs => ${windowSeconds})
                   THEN 1 ELSE "RateLimitBucket".count + 1 END,
      "windowStart" = CASE WHEN "RateLimitBucket"."windowStart" < now() - make_interval(secs => ${windowSeconds})
                   THEN now() ELSE "RateLimitBucket"."windowStart" END
    RETURNING count, extract(epoch from now() - "windowStart")::float8 AS age`;
  const row = rows[0] ?? { count: 1, age: 0 };
  return { allowed: row.count <= limit, retryAfterSeconds: Math.max(1, Math.ceil(windowSeconds - row.age)) };
}
