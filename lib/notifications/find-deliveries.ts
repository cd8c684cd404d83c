import type { UserActor } from "../auth/actor";
import type { Db } from "../server/db";
import type { Prisma } from "../server/generated/prisma/client";
import { createdInShopDays } from "../time/day-range";
import type { DeliveryFilters } from "./schemas";

export const DELIVERIES_PAGE_SIZE = 50;
/** Orders a reference search may match: beyond, the most recent ones (a longer reference narrows it). */
const REFERENCE_MATCHES_MAX = 2000;

/** An order's id, or the orders of these shops whose reference contains the text. */
async function orderCondition(db: Db, shopIds: string[], text?: string): Promise<Prisma.WebhookDeliveryWhereInput> {
  if (!text) return {};
  const orders = await db.paymentOrder.findMany({
    where: { shopId: { in: shopIds }, reference: { contains: text, mode: "insensitive" } },
    select: { id: true },
    orderBy: { createdAt: "desc" },
    take: REFERENCE_MATCHES_MAX,
  });
  const ids = orders.map((o) => o.id);
  if (/^[a-f0-9]{32}$/i.test(text)) ids.push(text.toLowerCase());
  return { orderId: { in: ids } };
}

/**
 * The notification log (F-SET-3): deliveries of the user's shops, newest first, filtered by shop,
 * mode, status, event, order (id or reference) and the shop's days, a page at a time, with their
 * order's reference and rule's label. Another company's shop asked for gives an empty list.
 */
export async function findDeliveries(
  db: Db,
  input: { actor: UserActor; filters?: Partial<DeliveryFilters>; page?: number; pageSize?: number },
) {
  const f = input.filters ?? {};
  const size = Math.min(input.pageSize ?? DELIVERIES_PAGE_SIZE, 200);
  const page = input.page ?? 1;
  const shopIds = f.shop ? input.actor.shopIds.filter((id) => id === f.shop) : input.actor.shopIds;
  const shops = await db.shop.findMany({ where: { id: { in: shopIds } }, select: { id: true, name: true, timeZone: true } });
  const where: Prisma.WebhookDeliveryWhereInput = {
    AND: [
      { shopId: { in: shopIds } },
      f.mode ? { mode: f.mode } : {},
      f.status ? { status: f.status } : {},
      f.event ? { event: f.event } : {},
      await orderCondition(db, shopIds, f.order),
      createdInShopDays(shops, f.from, f.to),
    ],
  };
  const rows = await db.webhookDelivery.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * size,
    take: size + 1,
    select: {
      id: true,
      shopId: true,
      mode: true,
      orderId: true,
      event: true,
      url: true,
      format: true,
      status: true,
      attempts: true,
      lastStatusCode: true,
      lastError: true,
      nextAttemptAt: true,
      createdAt: true,
      rule: { select: { id: true, label: true } },
    },
  });
  const shown = rows.slice(0, size);
  const orderIds = [...new Set(shown.flatMap((r) => (r.orderId ? [r.orderId] : [])))];
  const orders = new Map(
    (
      await db.paymentOrder.findMany({ where: { id: { in: orderIds }, shopId: { in: shopIds } }, select: { id: true, reference: true } })
    ).map((o) => [o.id, o]),
  );
  const zone = new Map(shops.map((s) => [s.id, s.timeZone]));
  return {
    rows: shown.map((r) => ({
      ...r,
      timeZone: zone.get(r.shopId) ?? "UTC",
      order: r.orderId ? (orders.get(r.orderId) ?? { id: r.orderId, reference: null }) : null,
    })),
    hasNext: rows.length > size,
    page,
  };
}

export type DeliveryListRow = Awaited<ReturnType<typeof findDeliveries>>["rows"][number];
