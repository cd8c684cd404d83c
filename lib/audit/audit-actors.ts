import type { Db } from "../server/db";
import { join, type Sql, sql } from "../server/generated/prisma/internal/prismaNamespace";

const USERS_MATCHED_MAX = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Who did it, as the log shows it: a user (name, e-mail), a shop's REST key, the system or the buyer. */
export type AuditActor =
  | { type: "USER"; id: string | null; name: string | null; email: string | null }
  | { type: "API_KEY"; shopId: string; mode: string }
  | { type: "SYSTEM" }
  | { type: "BUYER" };

/**
 * The actor filter as a condition on `e`: 8 digits are a shop's REST API keys ("shopId:MODE"),
 * other text part of a company user's name or e-mail. `false`: nobody matches.
 */
export async function actorCondition(db: Db, companyId: string, text: string): Promise<Sql | false> {
  if (/^\d{8}$/.test(text)) return sql`(e."actorType" = 'API_KEY' AND e."actorId" IN (${`${text}:TEST`}, ${`${text}:PRODUCTION`}))`;
  const users = await db.user.findMany({
    where: {
      companyId,
      OR: [{ name: { contains: text, mode: "insensitive" } }, { email: { contains: text, mode: "insensitive" } }],
    },
    select: { id: true },
    take: USERS_MATCHED_MAX,
  });
  if (!users.length) return false;
  return sql`(e."actorType" = 'USER' AND e."actorId" IN (${join(users.map((u) => u.id))}))`;
}

/** The actors of these rows: the company's users are looked up once per batch. */
export async function describeActors<R extends { actorType: string; actorId: string | null }>(
  db: Db,
  companyId: string,
  rows: R[],
): Promise<(r: R) => AuditActor> {
  const ids = [...new Set(rows.flatMap((r) => (r.actorType === "USER" && r.actorId && UUID.test(r.actorId) ? [r.actorId] : [])))];
  const users = new Map(
    ids.length
      ? (await db.user.findMany({ where: { id: { in: ids }, companyId }, select: { id: true, name: true, email: true } })).map((u) => [
          u.id,
          u,
        ])
      : [],
  );
  return (r) => {
    if (r.actorType === "USER") {
      const u = r.actorId ? users.get(r.actorId) : undefined;
      return { type: "USER", id: r.actorId, name: u?.name ?? null, email: u?.email ?? null };
    }
    if (r.actorType === "API_KEY") {
      const [shopId = "", mode = ""] = (r.actorId ?? "").split(":");
      return { type: "API_KEY", shopId, mode };
    }
    return { type: r.actorType === "BUYER" ? "BUYER" : "SYSTEM" };
  };
}
