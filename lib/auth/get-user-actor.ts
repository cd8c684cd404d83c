import type { Db } from "../server/db";
import type { UserActor } from "./actor";

/**
 * Re-reads the user on each request (one query; two for a user with every shop): a disabled user, a removed shop access or an
 * ended session (`sessionVersion` bumped since the session was issued) takes effect at once.
 * Without `sessionVersion` (tests, scripts) no session is checked.
 */
export async function getUserActor(db: Db, userId: string, sessionVersion?: number) {
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
      sessionVersion: true,
      totpEnabledAt: true,
      company: { select: { name: true, twoFactorRequired: true, isPlatform: true, suspendedAt: true } },
      access: { select: { shop: { select: { id: true, name: true } } }, orderBy: { shopId: "asc" } },
    },
  });
  // A suspended company's users are out at their next request (setup19).
  if (!user || user.disabledAt || user.company.suspendedAt) return null;
  if (sessionVersion !== undefined && sessionVersion !== user.sessionVersion) return null;
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
    /** The company requires a second factor and this user has none yet: enrolment is all they may do. */
    mustEnrolTwoFactor: user.company.twoFactorRequired && !user.totpEnabledAt,
    twoFactorEnabled: user.totpEnabledAt !== null,
    twoFactorRequired: user.company.twoFactorRequired,
  };
}

export type SessionContext = NonNullable<Awaited<ReturnType<typeof getUserActor>>>;
