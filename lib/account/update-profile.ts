import { recordAuditEvent } from "../audit/record-audit-event";
import type { UserActor } from "../auth/actor";
import type { Db } from "../server/db";

/** My account › Profile: the user's own name and interface language; audited with before → after. */
export async function updateProfile(db: Db, input: { actor: UserActor; name: string; locale: string }) {
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: input.actor.userId }, select: { name: true, locale: true } });
    const after = { name: input.name, locale: input.locale };
    const changed = before.name !== after.name || before.locale !== after.locale;
    if (!changed) return { changed };
    await tx.user.update({ where: { id: input.actor.userId }, data: after });
    await recordAuditEvent(tx, { actor: input.actor, action: "user.profile_updated", before, after });
    return { changed };
  });
}
