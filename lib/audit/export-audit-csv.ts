import type { UserActor } from "../auth/actor";
import type { Db } from "../server/db";
import { csvField } from "../shared/csv";
import { type AuditActor, describeActors } from "./audit-actors";
import { getAuditScope } from "./audit-scope";
import type { AuditFilters } from "./schemas";
import { selectAuditEvents } from "./select-audit-events";

const BATCH = 1000;

export const AUDIT_CSV_HEADER = ["time", "actor_type", "actor", "action", "shop_id", "order_id", "before", "after"] as const;

/** A user as "Name <e-mail>", a REST key as its "shopId:MODE", nobody for the system and the buyer (actor_type says). */
function actorText(a: AuditActor): string {
  if (a.type === "USER") return a.email ? `${a.name ?? ""} <${a.email}>` : (a.id ?? "");
  if (a.type === "API_KEY") return `${a.shopId}:${a.mode}`;
  return "";
}

const json = (v: unknown) => (v === null || v === undefined ? "" : JSON.stringify(v));
const line = (fields: string[]) => `${fields.map(csvField).join(",")}\r\n`;

/**
 * The audit log's events for the same filters as CSV (RFC 4180, UTF-8 with BOM, header row), newest
 * first, produced batch by batch through the keyset as the reader pulls: any size, bounded memory.
 * Times ISO 8601 UTC; before/after as JSON; every cell defused against spreadsheet formulas.
 * Administrators only (FORBIDDEN before the first byte).
 */
export async function exportAuditCsv(
  db: Db,
  input: { actor: UserActor; filters?: Partial<AuditFilters>; batch?: number },
): Promise<ReadableStream<Uint8Array>> {
  const scope = await getAuditScope(db, input.actor);
  const enc = new TextEncoder();
  // Keyset pages going back in time: events written while the file streams are newer than the cursor, never half in.
  let after: { at: Date; id: string } | undefined;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(enc.encode(`\uFEFF${line([...AUDIT_CSV_HEADER])}`));
        return;
      }
      const limit = input.batch ?? BATCH;
      const rows = await selectAuditEvents(db, { scope, filters: input.filters, page: after ? { after } : {}, limit });
      if (rows.length) {
        const actorOf = await describeActors(db, scope.companyId, rows);
        const text = rows
          .map((r) =>
            line([
              r.createdAt.toISOString(),
              r.actorType,
              actorText(actorOf(r)),
              r.action,
              r.shopId ?? "",
              r.orderId ?? "",
              json(r.before),
              json(r.after),
            ]),
          )
          .join("");
        controller.enqueue(enc.encode(text));
      }
      const last = rows.at(-1);
      if (!last || rows.length < limit) controller.close();
      else after = { at: last.createdAt, id: last.id };
    },
  });
}
