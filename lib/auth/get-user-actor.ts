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
      company: { select: { name: true } },
      access: { select: { shop: { select: { id: true, name: true } } }, orderBy: { shopId: "asc" } },
    },
  });
  if (!user || user.disabledAt) return null;
  const actor: UserActor = {
    type: "USER",
    userId: user.id,
    companyId: user.companyId,
    role: user.role,
    shopIds: user.access.map((a) => a.shop.id),
  };
  return {
    actor,
    user: { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale, companyName: user.company.name },
    shops: user.access.map((a) => a.shop),
  };
}

export type SessionContext = NonNullable<Awaited<ReturnType<typeof getUserActor>>>;
