// REST quotas per shop and key mode: calls per minute (every service), and, for a TEST key,
// recipients per hour of the e-mail, SMS and WhatsApp messages it makes the platform send (so a
// test key is no open relay). Fixed windows in RateLimitBucket (shared by every web process).
// The call counter is taken by the authentication's own statement (authenticate.ts): no extra
// round trip on the hot path.

import type { Db } from "../server/db";
import type { Channel } from "../server/generated/prisma/enums";
import { logger } from "../server/logger";
import { LyraError } from "./error-codes";

export type ApiQuotas = { requestsPerMinute: number; testRecipientsPerHour: number };

export const REQUEST_WINDOW_SECONDS = 60;
export const RECIPIENT_WINDOW_SECONDS = 3600;

function envWhole(name: string, min: number, fallback: number): number {
  const raw = process.env[name]?.trim();
  const n = Number(raw);
  return raw && Number.isInteger(n) && n >= min ? n : fallback;
}

/**
 * The platform's defaults (README › Configuration), read at each call so that a test may change
 * them. 600 calls a minute is 10 a second sustained per shop and mode: far above what a checkout
 * creates, low enough that a leaked or looping key cannot monopolise the API. 50 recipients an
 * hour lets an integrator test every channel at leisure while capping what a TEST key can send.
 */
export const defaultApiQuotas = (): ApiQuotas => ({
  requestsPerMinute: envWhole("API_REQUESTS_PER_MINUTE", 1, 600),
  testRecipientsPerHour: envWhole("API_TEST_RECIPIENTS_PER_HOUR", 0, 50),
});

/** A shop's quotas: its own (Settings › Shop) where set, else the platform's. */
export function shopApiQuotas(row: { apiRequestsPerMinute: number | null; apiTestRecipientsPerHour: number | null }): ApiQuotas {
  const d = defaultApiQuotas();
  return {
    requestsPerMinute: row.apiRequestsPerMinute ?? d.requestsPerMinute,
    testRecipientsPerHour: row.apiTestRecipientsPerHour ?? d.testRecipientsPerHour,
  };
}

/** PSP_106 "call quota exceeded", answered with a Retry-After header. */
export class QuotaExceeded extends LyraError {
  constructor(
    detail: string,
    readonly retryAfterSeconds: number,
  ) {
    super("PSP_106", detail);
  }
}

export const retryAfter = (windowSeconds: number, ageSeconds: number) => Math.max(1, Math.ceil(windowSeconds - ageSeconds));

/**
 * The bucket upsert counting calls, over a CTE `calls` of windows (`key`) and how many calls each
 * takes (`k`): a window past its minute starts again with them. Returns each window's count after
 * them and its age in seconds.
 */
export const COUNT_REQUESTS_SQL = `INSERT INTO "RateLimitBucket" AS b (key, count, "windowStart")
    SELECT calls.key, calls.k, now() FROM calls
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN b."windowStart" < now() - interval '${REQUEST_WINDOW_SECONDS} seconds' THEN excluded.count ELSE b.count + excluded.count END,
      "windowStart" = CASE WHEN b."windowStart" < now() - interval '${REQUEST_WINDOW_SECONDS} seconds' THEN now() ELSE b."windowStart" END
    RETURNING b.key, b.count, extract(epoch from now() - b."windowStart")::float8 AS age`;

type CountedShop = { id: string; mode: string; quotas: ApiQuotas; requestCount: number; requestAge: number };

/** The PSP_106 of a call past its shop's calls per minute, else null. */
export function requestOverQuota(shop: CountedShop): QuotaExceeded | null {
  if (shop.requestCount <= shop.quotas.requestsPerMinute) return null;
  return new QuotaExceeded(
    `Call quota exceeded: ${shop.quotas.requestsPerMinute} calls per minute for shop ${shop.id} in ${shop.mode} mode`,
    retryAfter(REQUEST_WINDOW_SECONDS, shop.requestAge),
  );
}

export function assertRequestQuota(shop: CountedShop): void {
  const over = requestOverQuota(shop);
  if (over) throw over;
}

const RECIPIENT_CHANNELS: readonly Channel[] = ["MAIL", "SMS", "WHATSAPP"];
const addresses = (list: string | null | undefined) => (list ? list.split(";").filter((a) => a.trim() !== "").length : 0);

/** Who a message goes to: each address of the recipient list and of the BCC. */
export const recipientCount = (m: { recipient?: string | null; bcc?: string | null }) => addresses(m.recipient) + addresses(m.bcc);

// Added only if the whole call fits: a refused call counts nothing. When refused, the outer SELECT
// (same snapshot, before the upsert) reads the window the call did not fit in, for Retry-After.
const TAKE_SQL = `WITH up AS (
    INSERT INTO "RateLimitBucket" AS b (key, count, "windowStart") SELECT $1::text, $2::int, now() WHERE $2::int <= $3::int
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN b."windowStart" < now() - interval '${RECIPIENT_WINDOW_SECONDS} seconds' THEN EXCLUDED.count ELSE b.count + EXCLUDED.count END,
      "windowStart" = CASE WHEN b."windowStart" < now() - interval '${RECIPIENT_WINDOW_SECONDS} seconds' THEN now() ELSE b."windowStart" END
      WHERE (CASE WHEN b."windowStart" < now() - interval '${RECIPIENT_WINDOW_SECONDS} seconds' THEN 0 ELSE b.count END) + EXCLUDED.count <= $3::int
    RETURNING b."windowStart")
  SELECT true AS taken, "windowStart"::text AS "windowStart", 0::float8 AS age FROM up
  UNION ALL
  SELECT false, "windowStart"::text, extract(epoch from now() - "windowStart")::float8 FROM "RateLimitBucket"
   WHERE key = $1 AND NOT EXISTS (SELECT 1 FROM up)`;

/** What a call took; its window start as the database's text, compared again as is (no time zone round trip). */
export type TakenRecipients = { key: string; count: number; windowStart: string } | null;

/**
 * A TEST key's e-mail, SMS or WhatsApp message to `count` recipients: taken from the shop's
 * hourly allowance in one statement (autocommit: no lock held past it), or PSP_106. PRODUCTION
 * keys and other channels are not counted (null).
 */
export async function takeTestRecipients(
  db: Db,
  shop: { id: string; mode: string; quotas: ApiQuotas },
  channel: Channel,
  count: number,
): Promise<TakenRecipients> {
  if (shop.mode !== "TEST" || !RECIPIENT_CHANNELS.includes(channel) || count === 0) return null;
  const key = `api-recipients:${shop.id}:TEST`;
  const limit = shop.quotas.testRecipientsPerHour;
  const r = await db.sql({ name: "api-take-recipients", text: TAKE_SQL, values: [key, count, limit] });
  const row = r.rows[0] as { taken: boolean; windowStart: string; age: number } | undefined;
  if (row?.taken) return { key, count, windowStart: row.windowStart };
  throw new QuotaExceeded(
    `Recipient quota exceeded: ${limit} recipients per hour for shop ${shop.id} in TEST mode (this call has ${count})`,
    row && count <= limit ? retryAfter(RECIPIENT_WINDOW_SECONDS, row.age) : RECIPIENT_WINDOW_SECONDS,
  );
}

/**
 * Gives back what a call took when it then failed (nothing was sent): only to the same window.
 * Never throws: the call's own error is what its client must see.
 */
export async function returnTestRecipients(db: Db, taken: TakenRecipients): Promise<void> {
  if (!taken) return;
  await db
    .sql({
      name: "api-return-recipients",
      text: `UPDATE "RateLimitBucket" SET count = greatest(count - $2, 0) WHERE key = $1 AND "windowStart" = $3::timestamp(3)`,
      values: [taken.key, taken.count, taken.windowStart],
    })
    .catch((err) => logger.warn({ err, key: taken.key }, "recipients not given back"));
}
