import type { UserActor } from "../auth/actor";
import type { Db } from "../server/db";
import type { Channel, DeliveryStatus, Mode, OrderStatus } from "../server/generated/prisma/enums";
import { join, type Sql, sql } from "../server/generated/prisma/internal/prismaNamespace";
import { dayBounds, shopsByZone } from "../time/day-range";
import { effectiveStatus } from "./order-view";
import type { OrderSearch, OrderSearchFilters } from "./schemas";
import { decodeCursor, encodeCursor } from "./search-cursor";
import { dayRange, keysetCondition, likeEscape, orderBy, statusCondition } from "./search-orders-sql";

export type SearchOrdersInput = {
  actor: UserActor;
  mode: Mode;
  filters: OrderSearchFilters;
  sort: OrderSearch["sort"];
  dir: OrderSearch["dir"];
  after?: string | undefined;
  limit?: number;
  now?: Date;
};

type Row = {
  id: string;
  shopId: string;
  mode: Mode;
  reference: string | null;
  amount: bigint;
  currency: string;
  channel: Channel;
  status: OrderStatus;
  deliveryStatus: DeliveryStatus;
  validUntil: Date;
  createdAt: Date;
  locale: string;
  buyerEmail: string | null;
  recipient: string | null;
  transactionNumber: string | null;
  shopName: string;
  timeZone: string;
};

/**
 * One page of the order list of the user's shops for one mode: the search tool's filters (status as
 * people see it, days in each shop's zone), any sort column with the id as tiebreak, and keyset
 * pagination (`after` is the `nextCursor` of the previous page).
 */
export async function searchOrders(db: Db, input: SearchOrdersInput) {
  const { actor, filters: f, sort, dir } = input;
  const limit = Math.min(Math.max(input.limit ?? 50, 1), 500);
  const now = input.now ?? new Date();
  const shopIds = f.shop ? actor.shopIds.filter((s) => s === f.shop) : actor.shopIds;
  if (shopIds.length === 0) return { rows: [], nextCursor: null };

  const shops = await db.shop.findMany({ where: { id: { in: shopIds } }, select: { id: true, timeZone: true } });
  const zones = shopsByZone(shops);

  const where: Sql[] = [sql`o."shopId" IN (${join(shopIds)})`, sql`o."mode" = CAST(${input.mode} AS "Mode")`];
  if (f.channel) where.push(sql`o."channel" = CAST(${f.channel} AS "Channel")`);
  if (f.status) where.push(statusCondition(f.status, now));
  if (f.delivery) where.push(sql`o."deliveryStatus" = CAST(${f.delivery} AS "DeliveryStatus")`);
  if (f.createdFrom || f.createdTo) {
    where.push(dayRange('"createdAt"', zones, (tz) => dayBounds(tz, f.createdFrom, f.createdTo)));
  }
  if (f.validFrom || f.validTo) {
    where.push(dayRange('"validUntil"', zones, (tz) => dayBounds(tz, f.validFrom, f.validTo)));
  }
  if (f.validTo) {
    // Implied (an order is created before its validity ends), but it lets the planner start the
    // creation-date index scan at the right place instead of walking the newer orders
    // (1.4 s -> a few ms on 1M orders, docs/benchmarks.md).
    where.push(dayRange('"createdAt"', zones, (tz) => dayBounds(tz, undefined, f.validTo)));
  }
  if (f.currency) where.push(sql`o."currency" = ${f.currency}`);
  if (f.amountMinMinor !== undefined) where.push(sql`o."amount" >= CAST(${String(f.amountMinMinor)} AS bigint)`);
  if (f.amountMaxMinor !== undefined) where.push(sql`o."amount" <= CAST(${String(f.amountMaxMinor)} AS bigint)`);
  if (f.reference) where.push(sql`o."reference" LIKE ${`${likeEscape(f.reference)}%`}`);
  if (f.recipient) {
    const p = `%${likeEscape(f.recipient)}%`;
    // one expression, so that one trigram index can serve it (docs/benchmarks.md)
    where.push(sql`(COALESCE(o."recipient", '') || ' ' || COALESCE(o."buyerEmail", '')) ILIKE ${p}`);
  }
  const cursor = decodeCursor(input.after);
  if (cursor) where.push(keysetCondition(sort, dir, cursor.value, cursor.id));

  const rows = await db.$queryRaw<Row[]>`
    SELECT o."id", o."shopId", o."mode"::text AS "mode", o."reference", o."amount", o."currency",
           o."channel"::text AS "channel", o."status"::text AS "status", o."deliveryStatus"::text AS "deliveryStatus",
           o."validUntil", o."createdAt", o."locale", o."buyerEmail", o."recipient",
           (SELECT t."number" FROM "Transaction" t WHERE t."orderId" = o."id" AND t."operationType" = 'DEBIT' ORDER BY t."createdAt" DESC LIMIT 1) AS "transactionNumber",
           s."name" AS "shopName", s."timeZone"
    FROM "PaymentOrder" o JOIN "Shop" s ON s."id" = o."shopId"
    WHERE ${join(where, " AND ")}
    ${orderBy(sort, dir, Boolean(f.reference || f.recipient))}
    LIMIT ${limit + 1}`;

  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor = rows.length > limit && last ? encodeCursor({ value: cursorValue(last, sort), id: last.id }) : null;
  return {
    rows: page.map(({ shopName, timeZone, ...r }) => ({
      ...r,
      amount: Number(r.amount),
      status: effectiveStatus(r.status, r.validUntil, now),
      shop: { name: shopName, timeZone },
    })),
    nextCursor,
  };
}

function cursorValue(row: Row, sort: OrderSearch["sort"]): string | null {
  const v = row[SORT_COLUMN_FIELD[sort]];
  if (v === null) return null;
  return v instanceof Date ? v.toISOString() : String(v);
}

const SORT_COLUMN_FIELD: Record<OrderSearch["sort"], keyof Row> = {
  created: "createdAt",
  reference: "reference",
  amount: "amount",
  channel: "channel",
  status: "status",
  delivery: "deliveryStatus",
  validUntil: "validUntil",
  shop: "shopId",
  recipient: "recipient",
};

export type OrderSearchRow = Awaited<ReturnType<typeof searchOrders>>["rows"][number];
