import { assertRole, type UserActor } from "../auth/actor";
import type { Db } from "../server/db";

export type AuditScope = {
  companyId: string;
  /** Every shop of the company, oldest first (not only those the administrator opens). */
  shops: { id: string; name: string; timeZone: string }[];
  /** The zone of the log's days and times: the company's first shop's, else UTC. */
  timeZone: string;
};

/**
 * What an administrator's audit log covers: the events attributed to their company (company-wide
 * changes: shopId null) and those of the company's shops, whoever acted. Administrators only.
 */
export async function getAuditScope(db: Db, actor: UserActor): Promise<AuditScope> {
  assertRole(actor, "ADMIN");
  const shops = await db.shop.findMany({
    where: { companyId: actor.companyId },
    select: { id: true, name: true, timeZone: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return { companyId: actor.companyId, shops, timeZone: shops[0]?.timeZone ?? "UTC" };
}
