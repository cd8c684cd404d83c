// The audit log's query: one keyset page of a company's events, newest first (or oldest first
// from a `before` cursor). Values are always bound parameters.

import type { Db } from "../server/db";
import { join, raw, type Sql, sql } from "../server/generated/prisma/internal/prismaNamespace";
import { ts } from "../shared/sql-time";
import { addCalendarDays, startOfDayInZone } from "../time/shop-time";
import { parseActionFilter } from "./audit-actions";
import { actorCondition } from "./audit-actors";
import type { AuditScope } from "./audit-scope";
import type { AuditFilters, AuditPage } from "./schemas";

export type AuditEventRow = {
  id: string;
  createdAt: Date;
  actorType: string;
  actorId: string | null;
  action: string;
  shopId: string | null;
  orderId: string | null;
  before: unknown;
  after: unknown;
};

const COLUMNS = raw(
  `e.id, e."createdAt", e."actorType"::text AS "actorType", e."actorId", e.action, e."shopId", e."orderId", e.before, e.after`,
);

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

function actionCondition(value: string): Sql {
  const f = parseActionFilter(value);
  if (!f) return sql`FALSE`;
  if ("prefix" in f) return sql`e.action LIKE ${`${likeEscape(f.prefix)}%`}`;
  return f.actions.length === 1 ? sql`e.action = ${f.actions[0]}` : sql`e.action IN (${join(f.actions)})`;
}

/** The conditions every branch shares; `false` when the filters match nothing. */
async function conditions(db: Db, scope: AuditScope, f: Partial<AuditFilters>, page: AuditPage): Promise<Sql[] | false> {
  const conds: Sql[] = [];
  if (f.from) conds.push(sql`e."createdAt" >= ${ts(startOfDayInZone(f.from, scope.timeZone))}`);
  if (f.to) conds.push(sql`e."createdAt" < ${ts(startOfDayInZone(addCalendarDays(f.to, 1), scope.timeZone))}`);
  if (f.actorType) conds.push(sql`e."actorType" = CAST(${f.actorType} AS "ActorType")`);
  if (f.actor) {
    const c = await actorCondition(db, scope.companyId, f.actor);
    if (!c) return false;
    conds.push(c);
  }
  if (f.action) conds.push(actionCondition(f.action));
  if (f.order) conds.push(sql`e."orderId" = ${f.order}`);
  const cursor = page.after ?? page.before;
  if (cursor) {
    const [op, bound] = page.after ? ["<", "<="] : [">", ">="];
    // The plain bound lets the (shopId, createdAt) index stop early; the row comparison breaks ties on id.
    conds.push(sql`e."createdAt" ${raw(bound)} ${ts(cursor.at)}`);
    conds.push(sql`(e."createdAt", e.id) ${raw(op)} (${ts(cursor.at)}, CAST(${cursor.id} AS uuid))`);
  }
  return conds;
}

/**
 * Up to `limit` events of the scope matching the filters, after (older than) or before (newer
 * than) the cursor, always returned newest first. A company's events are those of its shops
 * (whoever acted: system and REST key events carry no companyId) plus its company-wide ones
 * (shopId null). Each part is read in index order — one top-`limit` scan per shop on (shopId,
 * createdAt), the order's own index when an order is asked for — and merged, so a page costs a
 * few index reads however long the log. Rare actions or actors walk a shop's whole log without
 * the indexes recommended in docs/benchmarks.md (audit log).
 */
export async function selectAuditEvents(
  db: Db,
  input: { scope: AuditScope; filters?: Partial<AuditFilters>; page?: AuditPage; limit: number },
): Promise<AuditEventRow[]> {
  const f = input.filters ?? {};
  const page = input.page ?? {};
  const { scope, limit } = input;
  // A REST key acts on its own shop only: asked for one, the other shops need no reading.
  const only = [f.shop, f.actor && /^\d{8}$/.test(f.actor) ? f.actor : undefined].filter((s) => s !== undefined);
  const shopIds = scope.shops.map((s) => s.id).filter((id) => only.every((o) => o === id));
  if (f.shop && !shopIds.length) return [];
  const conds = await conditions(db, scope, f, page);
  if (!conds) return [];
  const where = conds.length ? join(conds, " AND ") : sql`TRUE`;
  const dir = raw(page.before ? "ASC" : "DESC");
  const orderBy = sql`ORDER BY e."createdAt" ${dir}, e.id ${dir} LIMIT ${limit}`;

  const parts: Sql[] = [];
  if (shopIds.length && f.order) {
    parts.push(sql`(SELECT ${COLUMNS} FROM "AuditEvent" e WHERE e."shopId" IN (${join(shopIds)}) AND ${where} ${orderBy})`);
  } else if (shopIds.length) {
    parts.push(sql`(SELECT x.* FROM unnest(ARRAY[${join(shopIds)}]::varchar[]) AS s(id) CROSS JOIN LATERAL (
      SELECT ${COLUMNS} FROM "AuditEvent" e WHERE e."shopId" = s.id AND ${where} ${orderBy}) x)`);
  }
  if (!f.shop) {
    parts.push(
      sql`(SELECT ${COLUMNS} FROM "AuditEvent" e WHERE e."companyId" = CAST(${scope.companyId} AS uuid) AND e."shopId" IS NULL AND ${where} ${orderBy})`,
    );
  }
  const rows = await db.$queryRaw<AuditEventRow[]>(
    sql`SELECT * FROM (${join(parts, " UNION ALL ")}) u ORDER BY u."createdAt" ${dir}, u.id ${dir} LIMIT ${limit}`,
  );
  return page.before ? rows.reverse() : rows;
}
