import type { Actor } from "../auth/actor";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";

/**
 * The platform console is for the platform company's users only. Anybody else is told NOT_FOUND
 * (the console's existence is nobody else's business). Read from the database on each call: the
 * session's actor carries the company, not whether it is the platform's.
 */
export async function assertPlatformOperator(db: Db, actor: Actor): Promise<void> {
  if (actor.type === "USER") {
    const company = await db.company.findUnique({ where: { id: actor.companyId }, select: { isPlatform: true, suspendedAt: true } });
    if (company?.isPlatform && !company.suspendedAt) return;
  }
  throw new AppError("NOT_FOUND", "not a platform operator", { publicMessage: "Not found" });
}
