import { type Actor, actorId } from "../auth/actor";

/**
 * Who an audit event written in SQL names: the system (a sweep, a worker), or the person or key
 * acting, passed as three query parameters from `$n` (`auditActorValues`, in that order), or read
 * from three SQL expressions (a statement whose rows have different actors).
 */
export type AuditActorSql = "SYSTEM" | { param: number } | { columns: { companyId: string; type: string; id: string } };

/** The values behind `{ param: n }`: the actor's company (a user's), type and id, as recordAuditEvent writes them. */
export const auditActorValues = (actor: Actor): [string | null, Actor["type"], string | null] => [
  actor.type === "USER" ? actor.companyId : null,
  actor.type,
  actorId(actor),
];

/** An audit event per row of `from`, each column an SQL expression over those rows (NULL when left out). */
export type AuditSql = {
  actor: AuditActorSql;
  action: string;
  from?: string;
  where?: string;
  shopId?: string;
  orderId?: string;
  /** The actor's company (a user's) unless given. */
  companyId?: string;
  before?: string;
  after?: string;
  /** Default now(). */
  at?: string;
  /** Default gen_random_uuid(). */
  id?: string;
  returning?: string;
};

/**
 * The `INSERT INTO "AuditEvent" … SELECT …` of the set-based statements (sweeps, workers, bulk
 * creation): the one place that knows the table's columns and how an actor is encoded, so an
 * event written in SQL reads like one written by recordAuditEvent. Use it as the statement's last
 * part or in a CTE (`a AS (${insertAuditSql(...)})`): one round trip, as before.
 */
export function insertAuditSql(a: AuditSql): string {
  const actor =
    a.actor === "SYSTEM"
      ? { companyId: "NULL", type: "'SYSTEM'", id: "NULL" }
      : "columns" in a.actor
        ? a.actor.columns
        : { companyId: `$${a.actor.param}::uuid`, type: `$${a.actor.param + 1}::"ActorType"`, id: `$${a.actor.param + 2}` };
  const values = [
    a.id ?? "gen_random_uuid()",
    a.companyId ?? actor.companyId,
    a.shopId ?? "NULL",
    a.orderId ?? "NULL",
    actor.type,
    actor.id,
    a.action,
    a.before ?? "NULL",
    a.after ?? "NULL",
    a.at ?? "now()",
  ];
  return `INSERT INTO "AuditEvent" (id, "companyId", "shopId", "orderId", "actorType", "actorId", action, before, after, "createdAt")
SELECT ${values.join(", ")}${a.from ? `\nFROM ${a.from}` : ""}${a.where ? `\nWHERE ${a.where}` : ""}${a.returning ? `\nRETURNING ${a.returning}` : ""}`;
}
