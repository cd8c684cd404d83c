import type { UserActor } from "../auth/actor";
import type { Db } from "../server/db";
import { describeActors } from "./audit-actors";
import { getAuditScope } from "./audit-scope";
import { AUDIT_PAGE_SIZE, type AuditFilters, type AuditPage, encodeAuditCursor } from "./schemas";
import { selectAuditEvents } from "./select-audit-events";

/**
 * Settings › Audit log (administrators): a page of the company's events, newest first, filtered,
 * with their actor (user's name and e-mail, REST key, system, buyer) and shop. `older` and `newer`
 * are the cursors of the neighbouring pages (keyset on createdAt, id), null at either end.
 */
export async function findAuditEvents(
  db: Db,
  input: { actor: UserActor; filters?: Partial<AuditFilters>; page?: AuditPage; pageSize?: number },
) {
  const scope = await getAuditScope(db, input.actor);
  const size = Math.min(input.pageSize ?? AUDIT_PAGE_SIZE, 200);
  const page = input.page ?? {};
  const fetched = await selectAuditEvents(db, { scope, filters: input.filters, page, limit: size + 1 });
  const more = fetched.length > size;
  // Read away from the cursor: the extra row is the oldest one going back, the newest going forward.
  const rows = more ? (page.before ? fetched.slice(1) : fetched.slice(0, size)) : fetched;
  const hasOlder = page.before ? true : more;
  const hasNewer = page.before ? more : Boolean(page.after);
  const actorOf = await describeActors(db, scope.companyId, rows);
  const shopName = new Map(scope.shops.map((s) => [s.id, s.name]));
  const first = rows[0];
  const last = rows.at(-1);
  return {
    rows: rows.map((r) => ({ ...r, actor: actorOf(r), shopName: r.shopId ? (shopName.get(r.shopId) ?? null) : null })),
    older: hasOlder && last ? encodeAuditCursor({ at: last.createdAt, id: last.id }) : null,
    newer: hasNewer && first ? encodeAuditCursor({ at: first.createdAt, id: first.id }) : null,
    shops: scope.shops,
    timeZone: scope.timeZone,
  };
}

export type AuditLogRow = Awaited<ReturnType<typeof findAuditEvents>>["rows"][number];
