import type { Db } from "../server/db";

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url.slice(0, 60);
  }
};

/**
 * The notification deliveries of one order, oldest first, as its timeline shows them (event,
 * the URL's host, status, attempts). The caller has checked the actor may read the order.
 */
export async function findOrderDeliveries(db: Db, input: { shopId: string; orderId: string }) {
  const rows = await db.webhookDelivery.findMany({
    where: { orderId: input.orderId, shopId: input.shopId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 200,
    select: { id: true, event: true, url: true, mode: true, status: true, attempts: true, lastStatusCode: true, createdAt: true },
  });
  return rows.map(({ url, ...r }) => ({ ...r, host: hostOf(url) }));
}

export type OrderDelivery = Awaited<ReturnType<typeof findOrderDeliveries>>[number];
