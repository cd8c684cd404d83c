// Settings › Users (issue 19): a company administrator lists the company's users, changes a
// user's role and shop access, disables and enables them, resends or revokes an invitation. Each
// change is audited with what it was before and after. The company keeps at least one active
// administrator: the check runs under the company row's lock, so two administrators demoting
// each other at the same moment cannot both succeed.

import { recordAuditEvent } from "../audit/record-audit-event";
import { assertRole, type UserActor } from "../auth/actor";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import type { Role } from "../server/generated/prisma/enums";
import { parseOrThrow } from "../server/validation";
import { endUserSessions } from "./end-sessions";
import { assertCanGrant, queueInvitationMail } from "./invite-user";
import { setUserDisabledSchema, updateUserAccessSchema, userIdSchema } from "./schemas";
import { revokeUserTokens } from "./user-tokens";

export type UserStatus = "ACTIVE" | "INVITED" | "DISABLED";

export type UserRow = {
  id: string;
  name: string;
  email: string;
  role: Role;
  allShops: boolean;
  shops: { id: string; name: string }[];
  lastSignInAt: Date | null;
  status: UserStatus;
  /** An invitation's link end (INVITED), null when it expired or was never sent. */
  invitationExpiresAt: Date | null;
  createdAt: Date;
};

const statusOf = (u: { disabledAt: Date | null; invited: boolean }): UserStatus =>
  u.disabledAt ? "DISABLED" : u.invited ? "INVITED" : "ACTIVE";

/**
 * The company's users, by name, with the company's shops and the time zone their times are shown
 * in (the first shop's). Administrators only.
 */
export async function listUsers(
  db: Db,
  input: { actor: UserActor },
): Promise<{ users: UserRow[]; shops: { id: string; name: string }[]; timeZone: string }> {
  assertRole(input.actor, "ADMIN");
  const rows = await db.$queryRaw<
    {
      id: string;
      name: string;
      email: string;
      role: Role;
      allShops: boolean;
      lastSignInAt: Date | null;
      disabledAt: Date | null;
      createdAt: Date;
      invited: boolean;
      invitationExpiresAt: Date | null;
    }[]
  >`
    SELECT u.id, u.name, u.email, u.role, u."allShops", u."lastSignInAt", u."disabledAt", u."createdAt",
           u."passwordHash" = '' AS invited,
           (SELECT max(t."expiresAt") FROM "UserToken" t
             WHERE t."userId" = u.id AND t.kind = 'INVITE' AND t."usedAt" IS NULL AND t."revokedAt" IS NULL AND t."expiresAt" > now())
             AS "invitationExpiresAt"
      FROM "User" u
     WHERE u."companyId" = ${input.actor.companyId}::uuid
     ORDER BY lower(coalesce(nullif(u.name, ''), u.email)), u.email`;
  const companyShops = await db.shop.findMany({
    where: { companyId: input.actor.companyId },
    select: { id: true, name: true, timeZone: true },
    orderBy: { id: "asc" },
  });
  const access = await db.userShopAccess.findMany({
    where: { userId: { in: rows.map((r) => r.id) } },
    select: { userId: true, shopId: true },
  });
  const byId = new Map(companyShops.map((s) => [s.id, { id: s.id, name: s.name }]));
  const all = [...byId.values()];
  const users = rows.map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    role: r.role,
    allShops: r.allShops,
    shops: r.allShops ? all : access.filter((a) => a.userId === r.id).flatMap((a) => byId.get(a.shopId) ?? []),
    lastSignInAt: r.lastSignInAt,
    status: statusOf(r),
    invitationExpiresAt: r.invited ? r.invitationExpiresAt : null,
    createdAt: r.createdAt,
  }));
  return { users, shops: all, timeZone: companyShops[0]?.timeZone ?? "Europe/Paris" };
}

/** A user of the actor's company, locked for the change (FOR UPDATE), with the company's row locked first. */
async function lockUser(db: Db, actor: UserActor, userId: string) {
  await db.$queryRaw`SELECT id FROM "Company" WHERE id = ${actor.companyId}::uuid FOR UPDATE`;
  const rows = await db.$queryRaw<
    { id: string; email: string; role: Role; allShops: boolean; disabledAt: Date | null; invited: boolean }[]
  >`
    SELECT id, email, role, "allShops", "disabledAt", "passwordHash" = '' AS invited
      FROM "User" WHERE id = ${userId}::uuid AND "companyId" = ${actor.companyId}::uuid FOR UPDATE`;
  const user = rows[0];
  if (!user) throw new AppError("NOT_FOUND", `user ${userId} not in the company`, { publicMessage: "Not found" });
  const access = await db.userShopAccess.findMany({ where: { userId }, select: { shopId: true }, orderBy: { shopId: "asc" } });
  return { ...user, shopIds: access.map((a) => a.shopId) };
}

/** Refuses to leave the company without an active administrator (the company row is locked by lockUser). */
async function assertAnotherActiveAdmin(db: Db, companyId: string, userId: string) {
  const others = await db.user.count({
    where: { companyId, role: "ADMIN", disabledAt: null, passwordHash: { not: "" }, id: { not: userId } },
  });
  if (others === 0) {
    throw new AppError("CONFLICT", "last active administrator", { publicMessage: "err_last_admin", reason: "last_admin" });
  }
}

const accessOf = (u: { role: Role; allShops: boolean; shopIds: string[] }) => ({
  role: u.role,
  allShops: u.allShops,
  shopIds: u.allShops ? [] : u.shopIds,
});

/** Changes a user's role and shop access. */
export async function updateUserAccess(
  db: Db,
  input: { actor: UserActor; userId: string; role: Role; allShops: boolean; shopIds?: string[] },
): Promise<void> {
  assertRole(input.actor, "ADMIN");
  const data = parseOrThrow(updateUserAccessSchema, {
    userId: input.userId,
    role: input.role,
    allShops: input.allShops,
    shopIds: input.shopIds ?? [],
  });
  const shopIds = data.allShops ? [] : [...new Set(data.shopIds)].sort();
  await db.$transaction(async (tx) => {
    const user = await lockUser(tx, input.actor, data.userId);
    await assertCanGrant(tx, input.actor, { allShops: data.allShops, shopIds }, user.shopIds);
    if (shopIds.length) {
      const found = await tx.shop.count({ where: { id: { in: shopIds }, companyId: input.actor.companyId } });
      if (found !== shopIds.length) throw new AppError("VALIDATION", "shop outside the company", { fields: { shopIds: "err_user_shops" } });
    }
    const before = accessOf(user);
    const after = { role: data.role, allShops: data.allShops, shopIds };
    if (JSON.stringify(before) === JSON.stringify(after)) return;
    if (user.role === "ADMIN" && data.role !== "ADMIN" && !user.disabledAt && !user.invited) {
      await assertAnotherActiveAdmin(tx, input.actor.companyId, user.id);
    }
    await tx.user.update({ where: { id: user.id }, data: { role: data.role, allShops: data.allShops } });
    await tx.userShopAccess.deleteMany({ where: { userId: user.id, shopId: { notIn: shopIds } } });
    if (shopIds.length)
      await tx.userShopAccess.createMany({ data: shopIds.map((shopId) => ({ userId: user.id, shopId })), skipDuplicates: true });
    await recordAuditEvent(tx, {
      actor: input.actor,
      action: "user.access.update",
      before: { userId: user.id, email: user.email, ...before },
      after: { userId: user.id, email: user.email, ...after },
    });
  });
}

/**
 * Disables a user (they cannot sign in, their sessions end at their next request, their pending
 * links stop working) or enables them again. Nobody disables themselves; the last active
 * administrator cannot be disabled.
 */
export async function setUserDisabled(db: Db, input: { actor: UserActor; userId: string; disabled: boolean }): Promise<void> {
  assertRole(input.actor, "ADMIN");
  const data = parseOrThrow(setUserDisabledSchema, { userId: input.userId, disabled: input.disabled });
  if (data.disabled && data.userId === input.actor.userId) {
    throw new AppError("CONFLICT", "disabling oneself", { publicMessage: "err_user_self", reason: "self" });
  }
  await db.$transaction(async (tx) => {
    const user = await lockUser(tx, input.actor, data.userId);
    if (Boolean(user.disabledAt) === data.disabled) return;
    if (data.disabled && user.role === "ADMIN" && !user.invited) await assertAnotherActiveAdmin(tx, input.actor.companyId, user.id);
    const disabledAt = data.disabled ? new Date() : null;
    await tx.user.update({ where: { id: user.id }, data: { disabledAt } });
    if (data.disabled) {
      await revokeUserTokens(tx, { userId: user.id, kind: "RESET" });
      await endUserSessions(tx, user.id);
    }
    await recordAuditEvent(tx, {
      actor: input.actor,
      action: data.disabled ? "user.disable" : "user.enable",
      before: { userId: user.id, email: user.email, status: user.disabledAt ? "DISABLED" : user.invited ? "INVITED" : "ACTIVE" },
      after: { userId: user.id, email: user.email, status: data.disabled ? "DISABLED" : user.invited ? "INVITED" : "ACTIVE" },
    });
  });
}

/** Sends an invitation again: a new 72-hour link, the earlier one revoked. Only for a user who has not accepted yet. */
export async function resendInvitation(db: Db, input: { actor: UserActor; userId: string }): Promise<{ expiresAt: Date }> {
  assertRole(input.actor, "ADMIN");
  const { userId } = parseOrThrow(userIdSchema, { userId: input.userId });
  return db.$transaction(async (tx) => {
    const user = await lockUser(tx, input.actor, userId);
    if (!user.invited)
      throw new AppError("CONFLICT", "not an invitation", { publicMessage: "err_user_not_invited", reason: "not_invited" });
    if (user.disabledAt) throw new AppError("CONFLICT", "disabled", { publicMessage: "err_user_disabled", reason: "disabled" });
    const { expiresAt } = await queueInvitationMail(tx, { userId: user.id, createdById: input.actor.userId });
    await recordAuditEvent(tx, {
      actor: input.actor,
      action: "user.invite.resend",
      after: { userId: user.id, email: user.email, expiresAt: expiresAt.toISOString() },
    });
    return { expiresAt };
  });
}

/**
 * Revokes an invitation not accepted yet: its link stops working and the invited user is deleted
 * (they never signed in, so nothing of theirs remains; the e-mail can be invited again).
 */
export async function revokeInvitation(db: Db, input: { actor: UserActor; userId: string }): Promise<void> {
  assertRole(input.actor, "ADMIN");
  const { userId } = parseOrThrow(userIdSchema, { userId: input.userId });
  await db.$transaction(async (tx) => {
    const user = await lockUser(tx, input.actor, userId);
    if (!user.invited)
      throw new AppError("CONFLICT", "not an invitation", { publicMessage: "err_user_not_invited", reason: "not_invited" });
    await tx.user.delete({ where: { id: user.id } });
    await recordAuditEvent(tx, {
      actor: input.actor,
      action: "user.invite.revoke",
      before: { userId: user.id, email: user.email, ...accessOf(user), status: "INVITED" },
    });
  });
}
