import { SHOP_DEFAULTS_COLUMNS, type ShopDefaults, shopDefaultsOf } from "../orders/order-rules";
import type { Db } from "../server/db";
import { digestKey, safeEqualHex } from "../server/secrets";
import { type ApiQuotas, COUNT_REQUEST_SQL, shopApiQuotas } from "./quotas";

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

// One statement: the shop, and this call counted in its shop and mode's minute window. The SQL
// compares the digests only to pick that window (a wrong password counts nowhere); whether the key
// is good is decided below, in constant time. A suspended company's shops match nothing (INT_905).
const AUTH_SQL = `WITH s AS (
    SELECT s.id, s."testPasswordDigest", s."prodPasswordDigest", s."apiRequestsPerMinute", s."apiTestRecipientsPerHour",
           ${SHOP_DEFAULTS_COLUMNS},
           CASE WHEN s."testPasswordDigest" = $2 THEN 'TEST' WHEN s."prodPasswordDigest" = $2 THEN 'PRODUCTION' END AS "keyMode"
      FROM "Shop" s JOIN "Company" c ON c.id = s."companyId" AND c."suspendedAt" IS NULL
      LEFT JOIN "DataCollectionForm" f ON f."shopId" = s.id WHERE s.id = $1),
  hit AS (${COUNT_REQUEST_SQL})
  SELECT s.*, hit.count AS "requestCount", hit.age AS "requestAge" FROM s LEFT JOIN hit ON true`;

/**
 * HTTP Basic `shopId:password`. The password decides the mode. Keys are high-entropy, so comparing
 * SHA-256 digests is enough (no slow password hash per request).
 */
export async function authenticateBasic(db: Db, authorization: string | null): Promise<ApiShop | null> {
  const m = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(authorization ?? "");
  if (!m?.[1]) return null;
  const decoded = Buffer.from(m[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 1) return null;
  const shopId = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  if (!/^\d{8}$/.test(shopId) || password.length < 8 || password.length > 200) return null;
  const digest = digestKey(password);
  // Plain SQL, a prepared statement: this runs on every API call (see getPool).
  const r = await db.sql({ name: "api-auth", text: AUTH_SQL, values: [shopId, digest] });
  const shop = r.rows[0];
  if (!shop) return null;
  // Both compared in constant time, whichever matches.
  const isTest = safeEqualHex(shop.testPasswordDigest, digest);
  const isProd = safeEqualHex(shop.prodPasswordDigest, digest);
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
