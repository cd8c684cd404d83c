import type { UserActor } from "../auth/actor";
import type { Db } from "../server/db";
import { assertPlatformOperator } from "./platform-operator";

export const ACTIVITY_DAYS = 30;

/**
 * The merchant companies with their shops, users and activity: orders created and paid over the
 * last 30 days per shop (from the analytics counters, never the orders themselves), newest first.
 */
export async function findPlatformCompanies(db: Db, input: { actor: UserActor }, now = new Date()) {
  await assertPlatformOperator(db, input.actor);
  const since = new Date(now.getTime() - ACTIVITY_DAYS * 86_400_000);
  const [companies, stats] = await Promise.all([
    db.company.findMany({
      where: { isPlatform: false },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 500,
      select: {
        id: true,
        name: true,
        suspendedAt: true,
        createdAt: true,
        shops: { select: { id: true, name: true, createdAt: true }, orderBy: { id: "asc" } },
        _count: { select: { users: true } },
      },
    }),
    db.shopDailyStats.groupBy({ by: ["shopId"], where: { day: { gte: since } }, _sum: { created: true, paid: true } }),
  ]);
  const byShop = new Map(stats.map((s) => [s.shopId, { created: s._sum.created ?? 0, paid: s._sum.paid ?? 0 }]));
  return companies.map((c) => {
    const shops = c.shops.map((s) => ({ ...s, activity: byShop.get(s.id) ?? { created: 0, paid: 0 } }));
    return {
      id: c.id,
      name: c.name,
      suspendedAt: c.suspendedAt,
      createdAt: c.createdAt,
      users: c._count.users,
      shops,
      activity: shops.reduce((a, s) => ({ created: a.created + s.activity.created, paid: a.paid + s.activity.paid }), {
        created: 0,
        paid: 0,
      }),
    };
  });
}

export type PlatformCompany = Awaited<ReturnType<typeof findPlatformCompanies>>[number];
