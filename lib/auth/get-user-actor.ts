import type { Db } from "../server/db";
import type { UserActor } from "./actor";

/** Re-reads the user on each request: a disabled user or a removed shop access takes effect at once. */
export async function getUserActor(db: Db, userId: string) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      companyId: true,
      locale: true,
      disabledAt: true,
      allShops: true,
      company: { select: { name: true, isPlatform: true, suspendedAt: true } },
      access: { select: { shop: { select: { id: true, name: true } } }, orderBy: { shopId: "asc" } },
    },
  });
  // A suspended company's users are out at their next request (setup19).
  if (!user || user.disabledAt || user.company.suspendedAt) return null;
  // Access to every shop of the company (users19): today's and those created later.
  const shops = user.allShops
    ? await db.shop.findMany({ where: { companyId: user.companyId }, select: { id: true, name: true }, orderBy: { id: "asc" } })
    : user.access.map((a) => a.shop);
  const actor: UserActor = {
    type: "USER",
    userId: user.id,
    companyId: user.companyId,
    role: user.role,
    shopIds: shops.map((s) => s.id),
  };
  return {
    actor,
    user: { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale, companyName: user.company.name },
    /** A platform operator (a user of the platform's company, setup19): /platform is theirs. */
    isPlatformOperator: user.company.isPlatform,
    shops,
  };
}

export type SessionContext = NonNullable<Awaited<ReturnType<typeof getUserActor>>>;
