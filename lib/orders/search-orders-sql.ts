// SQL fragments of the order search: the effective-status rule, per-zone day ranges and the keyset
// condition. Column names come from a fixed table, values are always bound parameters.
import { empty, join, raw, type Sql, sql } from "../server/generated/prisma/internal/prismaNamespace";
import { ts } from "../shared/sql-time";
import type { OrderSort } from "./schemas";

type SortColumn = { column: string; cast: string; nullable: boolean };

export const SORT_COLUMNS: Record<OrderSort, SortColumn> = {
  created: { column: '"createdAt"', cast: "timestamp(3)", nullable: false },
  reference: { column: '"reference"', cast: "varchar", nullable: true },
  amount: { column: '"amount"', cast: "bigint", nullable: false },
  channel: { column: '"channel"', cast: '"Channel"', nullable: false },
  status: { column: '"status"', cast: '"OrderStatus"', nullable: false },
  delivery: { column: '"deliveryStatus"', cast: '"DeliveryStatus"', nullable: false },
  validUntil: { column: '"validUntil"', cast: "timestamp(3)", nullable: false },
  shop: { column: '"shopId"', cast: "varchar", nullable: false },
  recipient: { column: '"recipient"', cast: "text", nullable: true },
};

const col = (name: string) => raw(`o.${name}`);

/** The status people see (lib/orders/order-view.ts effectiveStatus) as a condition. */
export function statusCondition(status: string, now: Date): Sql {
  const n = ts(now);
  switch (status) {
    case "EXPIRED":
      return sql`(o."status" = 'EXPIRED' OR (o."status" IN ('RUNNING', 'REFUSED') AND o."validUntil" < ${n}))`;
    case "RUNNING":
    case "REFUSED":
      return sql`(o."status" = CAST(${status} AS "OrderStatus") AND o."validUntil" >= ${n})`;
    default:
      return sql`o."status" = CAST(${status} AS "OrderStatus")`;
  }
}

/** `from <= column <= to`, the bounds being instants computed per time zone of the shops. */
export function dayRange(column: string, zones: Map<string, string[]>, bound: (tz: string) => { from?: Date; to?: Date }): Sql {
  const parts = [...zones].map(([tz, shopIds]) => {
    const { from, to } = bound(tz);
    const conds = [sql`o."shopId" IN (${join(shopIds)})`];
    if (from) conds.push(sql`${col(column)} >= ${ts(from)}`);
    if (to) conds.push(sql`${col(column)} <= ${ts(to)}`);
    return sql`(${join(conds, " AND ")})`;
  });
  return parts.length === 1 ? parts[0]! : sql`(${join(parts, " OR ")})`;
}

/** Rows strictly after the cursor in `ORDER BY col dir, id dir` (NULLs last ascending, first descending, as Postgres does). */
export function keysetCondition(sort: OrderSort, dir: "asc" | "desc", value: string | null, id: string): Sql {
  const { column, cast, nullable } = SORT_COLUMNS[sort];
  const c = col(column);
  const v = sql`CAST(${value} AS ${raw(cast)})`;
  if (dir === "asc") {
    if (value === null) return sql`(${c} IS NULL AND o."id" > ${id})`;
    return sql`((${c}, o."id") > (${v}, ${id})${nullable ? sql` OR ${c} IS NULL` : empty})`;
  }
  if (value === null) return sql`((${c} IS NULL AND o."id" < ${id}) OR ${c} IS NOT NULL)`;
  return sql`(${c}, o."id") < (${v}, ${id})`;
}

/**
 * `ORDER BY col dir, id dir`. With a selective text filter (reference, recipient) the sort column
 * is wrapped so the planner cannot walk its index and filter row by row: it reads the few
 * matching rows through the filter's index and sorts them (2.1 s → ms on 1M orders, when the
 * planner guessed wrong; docs/benchmarks.md). Same order, same keyset.
 */
export function orderBy(sort: OrderSort, dir: "asc" | "desc", viaFilterIndex = false): Sql {
  const d = raw(dir === "asc" ? "ASC" : "DESC");
  const c = col(SORT_COLUMNS[sort].column);
  return viaFilterIndex ? sql`ORDER BY COALESCE(${c}, ${c}) ${d}, o."id" ${d}` : sql`ORDER BY ${c} ${d}, o."id" ${d}`;
}

/** `LIKE` pattern with the user's text taken literally. */
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);
