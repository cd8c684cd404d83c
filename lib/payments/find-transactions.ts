import type { UserActor } from "../auth/actor";
import type { Db } from "../server/db";
import type { Prisma } from "../server/generated/prisma/client";
import { newestFirstPage } from "../shared/page";
import { createdInShopDays } from "../time/day-range";
import type { TransactionFilters } from "./schemas";
import { TRANSACTION_ROW_COLUMNS } from "./transaction-columns";

export const TRANSACTIONS_PAGE_SIZE = 50;

/** Days are the shop's: one date condition per time zone of the user's shops. */
async function dateRange(db: Db, shopIds: string[], from?: string, to?: string) {
  if (!from && !to) return {};
  const shops = await db.shop.findMany({ where: { id: { in: shopIds } }, select: { id: true, timeZone: true } });
  return createdInShopDays(shops, from, to);
}

/** Transactions of the user's shops, filtered, newest first, a page at a time, with their source order (F-BO-5). */
export async function findTransactions(
  db: Db,
  input: { actor: UserActor; filters?: Partial<TransactionFilters>; page?: number; pageSize?: number },
) {
  const f = input.filters ?? {};
  const size = Math.min(input.pageSize ?? TRANSACTIONS_PAGE_SIZE, 200);
  const page = input.page ?? 1;
  const where: Prisma.TransactionWhereInput = {
    AND: [
      { shopId: { in: input.actor.shopIds } },
      await dateRange(db, input.actor.shopIds, f.from, f.to),
      f.status ? { status: f.status } : {},
      f.currency ? { currency: f.currency } : {},
      f.amountMinMinor !== undefined || f.amountMaxMinor !== undefined ? { amount: { gte: f.amountMinMinor, lte: f.amountMaxMinor } } : {},
      f.reference ? { order: { reference: { contains: f.reference, mode: "insensitive" } } } : {},
      f.last4 ? { last4: f.last4 } : {},
    ],
  };
  const rows = await db.transaction.findMany({
    where,
    ...newestFirstPage(page, size),
    select: {
      id: true,
      number: true,
      mode: true,
      ...TRANSACTION_ROW_COLUMNS,
      operationType: true,
      parent: { select: { id: true, number: true } },
      shop: { select: { timeZone: true } },
      order: { select: { id: true, reference: true, channel: true } },
    },
  });
  return { rows: rows.slice(0, size).map((r) => ({ ...r, amount: Number(r.amount) })), hasNext: rows.length > size, page };
}
