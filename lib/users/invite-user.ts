// Inviting a user (issue 19): the user is created without a usable password (passwordHash "",
// which no password matches), with their shop access, an INVITE link valid 72 h, and the
// invitation e-mail's job — all in one transaction: no user without their e-mail, no e-mail for a
// user that was not created.

import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, assertRole, type UserActor } from "../auth/actor";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import type { Role } from "../server/generated/prisma/enums";
import { encryptSecret } from "../server/secrets";
import { parseOrThrow } from "../server/validation";
import { userTokenMailQueue } from "./queues";
import { type InviteUserInput, inviteUserSchema } from "./schemas";
import { INVITE_TTL_MS, issueUserToken } from "./user-tokens";

export type Invitation = { userId: string; tokenId: string; expiresAt: Date };

const taken = () => new AppError("CONFLICT", "e-mail already in use", { fields: { email: "err_user_exists" }, reason: "user_exists" });

/**
 * Creates an invited user in a company and queues the invitation. No permission check: the
 * caller has checked that `actor` may invite into `companyId` (inviteUser: a company
 * administrator; the platform console: a platform operator inviting a company's first
 * administrator). Shops must belong to the company. Refuses an e-mail already in use (CONFLICT,
 * err_user_exists). Audited as user.invite (companyId: the company invited into).
 */
export async function createInvitation(
  db: Db,
  input: {
    actor: Actor;
    companyId: string;
    email: string;
    name?: string;
    role: Role;
    allShops: boolean;
    shopIds?: string[];
    locale?: "fr" | "en";
  },
): Promise<Invitation> {
  const data = parseOrThrow(inviteUserSchema, {
    email: input.email,
    name: input.name ?? "",
    role: input.role,
    allShops: input.allShops,
    shopIds: input.shopIds ?? [],
    locale: input.locale,
  });
  const shopIds = data.allShops ? [] : [...new Set(data.shopIds)].sort();
  const createdById = input.actor.type === "USER" ? input.actor.userId : null;
  return db.$transaction(async (tx) => {
    if (shopIds.length) {
      const found = await tx.shop.count({ where: { id: { in: shopIds }, companyId: input.companyId } });
      if (found !== shopIds.length) throw new AppError("VALIDATION", "shop outside the company", { fields: { shopIds: "err_user_shops" } });
    }
    if (await tx.user.findUnique({ where: { email: data.email }, select: { id: true } })) throw taken();
    const user = await tx.user
      .create({
        data: {
          companyId: input.companyId,
          email: data.email,
          name: data.name,
          role: data.role,
          passwordHash: "",
          locale: data.locale ?? null,
          allShops: data.allShops,
          access: { create: shopIds.map((shopId) => ({ shopId })) },
        },
        select: { id: true },
      })
      // Two invitations of one address at once: the unique index decides, the loser reads as taken.
      .catch((e: { code?: string }) => {
        if (e.code === "P2002") throw taken();
        throw e;
      });
    const issued = await queueInvitationMail(tx, { userId: user.id, createdById });
    await recordAuditEvent(tx, {
      actor: input.actor,
      action: "user.invite",
      companyId: input.companyId,
      after: { userId: user.id, email: data.email, name: data.name, role: data.role, allShops: data.allShops, shopIds },
    });
    return { userId: user.id, ...issued };
  });
}

/** A company administrator invites a colleague into their own company, with shops they can see themselves. */
export async function inviteUser(db: Db, actor: UserActor, input: InviteUserInput): Promise<Invitation> {
  assertRole(actor, "ADMIN");
  const data = parseOrThrow(inviteUserSchema, input);
  await assertCanGrant(db, actor, data, []);
  return createInvitation(db, { actor, companyId: actor.companyId, ...data });
}

/** Issues an INVITE link (revoking the user's earlier ones) and queues its e-mail, on the caller's transaction. */
export async function queueInvitationMail(db: Db, input: { userId: string; createdById: string | null }) {
  const { token, tokenId, expiresAt } = await issueUserToken(db, {
    userId: input.userId,
    kind: "INVITE",
    ttlMs: INVITE_TTL_MS,
    createdById: input.createdById,
  });
  await db.enqueue(userTokenMailQueue, { tokenId, sealedToken: encryptSecret(token) });
  return { tokenId, expiresAt };
}

/**
 * An administrator grants only what they can see: chosen shops among their own (or the user's
 * current ones, left as they are), all shops only when they see every shop of the company.
 */
export async function assertCanGrant(
  db: Db,
  actor: UserActor,
  wanted: { allShops: boolean; shopIds: string[] },
  current: string[],
): Promise<void> {
  const mine = new Set([...actor.shopIds, ...current]);
  if (wanted.allShops) {
    const all = await db.shop.findMany({ where: { companyId: actor.companyId }, select: { id: true } });
    if (all.every((s) => actor.shopIds.includes(s.id))) return;
  } else if (wanted.shopIds.every((id) => mine.has(id))) {
    return;
  }
  throw new AppError("VALIDATION", "granting shops the actor cannot see", { fields: { shopIds: "err_user_shops_grant" } });
}
