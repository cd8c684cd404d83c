import { SHOP_DEFAULTS_COLUMNS, type ShopDefaults, shopDefaultsOf } from "../orders/order-rules";
import { coalesce } from "../server/coalesce";
import type { Db } from "../server/db";
import { digestKey, safeEqualHex } from "../server/secrets";
import { type ApiQuotas, COUNT_REQUESTS_SQL, shopApiQuotas } from "./quotas";

export type ApiShop = {
  id: string;
  mode: "TEST" | "PRODUCTION";
  /** Read in the same query: order creation needs them next. */
  defaults: ShopDefaults;
  quotas: ApiQuotas;
  /** This call's rank in its shop and mode's minute window, and the window's age in seconds. */
  requestCount: number;
  requestAge: number;
};

// One statement for a batch of calls (see `lookUp`): each call's shop, and the calls counted in
// their shop and mode's minute window (one upsert per window, `k` calls at once). The SQL compares
// the digests only to pick that window (a wrong password counts nowhere); whether a key is good is
// decided below, in constant time. A suspended company's shops match nothing (INT_905).
const AUTH_SQL = `WITH q AS (SELECT * FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS q("shopId", digest, n)),
  s AS (
    SELECT q.n, s.id, s."testPasswordDigest", s."prodPasswordDigest", s."apiRequestsPerMinute", s."apiTestRecipientsPerHour",
           ${SHOP_DEFAULTS_COLUMNS},
           CASE WHEN s."testPasswordDigest" = q.digest THEN 'TEST' WHEN s."prodPasswordDigest" = q.digest THEN 'PRODUCTION' END AS "keyMode"
      FROM q JOIN "Shop" s ON s.id = q."shopId" JOIN "Company" c ON c.id = s."companyId" AND c."suspendedAt" IS NULL
      LEFT JOIN "DataCollectionForm" f ON f."shopId" = s.id),
  calls AS (SELECT 'api:' || s.id || ':' || s."keyMode" AS key, count(*)::int AS k FROM s WHERE s."keyMode" IS NOT NULL GROUP BY 1),
  hit AS (${COUNT_REQUESTS_SQL})
  SELECT s.*, hit.key, hit.count AS "windowCount", hit.age AS "requestAge" FROM s LEFT JOIN hit ON hit.key = 'api:' || s.id || ':' || s."keyMode"`;

type Credentials = { shopId: string; digest: string };

/**
 * The key checks are coalesced (lib/server/coalesce.ts): the calls that arrive while one check is
 * on its way leave together in the next statement; each window's calls then take its last `k`
 * ranks, in their order of arrival (measured: docs/benchmarks.md, issue 18).
 */
// biome-ignore lint/suspicious/noExplicitAny: a raw pg row
const lookUp = coalesce<Credentials, any>(async (db, calls) => {
  // Plain SQL, a prepared statement: this runs on every API call (see getPool).
  const r = await db.sql({ name: "api-auth", text: AUTH_SQL, values: [calls.map((c) => c.shopId), calls.map((c) => c.digest)] });
  const left = new Map<string, number>();
  for (const row of r.rows) if (row.key) left.set(row.key, (left.get(row.key) ?? 0) + 1);
  const byCall = new Map(r.rows.map((row) => [Number(row.n), row]));
  return calls.map((_, i) => {
    const row = byCall.get(i + 1);
    if (row?.key) {
      const after = (left.get(row.key) ?? 1) - 1;
      left.set(row.key, after);
      row.requestCount = row.windowCount - after;
    }
    return { ok: true, value: row ?? null };
  });
});

function credentialsOf(authorization: string | null): Credentials | null {
  const m = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(authorization ?? "");
  if (!m?.[1]) return null;
  const decoded = Buffer.from(m[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 1) return null;
  const shopId = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  if (!/^\d{8}$/.test(shopId) || password.length < 8 || password.length > 200) return null;
  return { shopId, digest: digestKey(password) };
}

/**
 * HTTP Basic `shopId:password`. The password decides the mode. Keys are high-entropy, so comparing
 * SHA-256 digests is enough (no slow password hash per request).
 */
export async function authenticateBasic(db: Db, authorization: string | null): Promise<ApiShop | null> {
  const who = credentialsOf(authorization);
  if (!who) return null;
  const shop = await lookUp(db, who);
  if (!shop) return null;
  // Both compared in constant time, whichever matches.
  const isTest = safeEqualHex(shop.testPasswordDigest, who.digest);
  const isProd = safeEqualHex(shop.prodPasswordDigest, who.digest);
  if (!isTest && !isProd) return null;
  return {
    id: shop.id,
    mode: isTest ? "TEST" : "PRODUCTION",
    defaults: shopDefaultsOf(shop),
    quotas: shopApiQuotas(shop),
    requestCount: shop.requestCount ?? 1,
    requestAge: shop.requestAge ?? 0,
  };
}

/** Best guess of the mode for an error envelope when authentication failed. */
export function modeHint(authorization: string | null): "TEST" | "PRODUCTION" | null {
  const m = /^Basic\s+(\S+)/i.exec(authorization ?? "");
  const pw = m?.[1] ? Buffer.from(m[1], "base64").toString("utf8").split(":").slice(1).join(":") : "";
  return pw.startsWith("testpassword_") ? "TEST" : pw.startsWith("prodpassword_") ? "PRODUCTION" : null;
}
