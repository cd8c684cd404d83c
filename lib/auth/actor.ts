import { AppError } from "../server/errors";
import type { Role } from "../server/generated/prisma/enums";

/** Who acts. Every use case receives one and checks it; adapters only build it. */
export type UserActor = { type: "USER"; userId: string; companyId: string; role: Role; shopIds: string[] };
export type ApiActor = { type: "API_KEY"; shopId: string; mode: "TEST" | "PRODUCTION" };
export type Actor = UserActor | ApiActor | { type: "SYSTEM" } | { type: "BUYER" };

const RANK: Record<Role, number> = { VIEWER: 0, OPERATOR: 1, ADMIN: 2 };

export const hasRole = (actor: UserActor, min: Role) => RANK[actor.role] >= RANK[min];

/** Shops this actor may read; NOT_FOUND rather than FORBIDDEN so ids of other tenants leak nothing. */
export function assertShopAccess(actor: Actor, shopId: string): void {
  if (actor.type === "USER" && actor.shopIds.includes(shopId)) return;
  if (actor.type === "API_KEY" && actor.shopId === shopId) return;
  if (actor.type === "SYSTEM") return;
  throw new AppError("NOT_FOUND", `shop ${shopId} not accessible`, { publicMessage: "Not found" });
}

export function assertRole(actor: Actor, min: Role): void {
  if (actor.type !== "USER") return;
  if (!hasRole(actor, min)) {
    throw new AppError("FORBIDDEN", `role ${actor.role} < ${min}`, { publicMessage: "forbidden" });
  }
}

export const actorId = (actor: Actor): string | null =>
  actor.type === "USER" ? actor.userId : actor.type === "API_KEY" ? `${actor.shopId}:${actor.mode}` : null;
