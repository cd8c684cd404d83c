import type { UserActor } from "../auth/actor";
import { DEFAULT_ORDER_COLUMNS, normaliseColumns, type OrderColumn } from "../orders/list-columns";
import type { Db } from "../server/db";

type Preferences = { orderColumns?: unknown };

export const asObject = (v: unknown): Record<string, unknown> =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** The order list columns this user chose, or the defaults. */
export async function getListColumns(db: Db, input: { actor: UserActor }): Promise<OrderColumn[]> {
  const user = await db.user.findUnique({ where: { id: input.actor.userId }, select: { preferences: true } });
  const chosen = (asObject(user?.preferences) as Preferences).orderColumns;
  return Array.isArray(chosen) ? normaliseColumns(chosen) : DEFAULT_ORDER_COLUMNS;
}
