import { insertAuditSql } from "../audit/audit-sql";
import { sqlLiterals } from "../server/sql-literals";
import { ORDER_TRANSITIONS, type OrderEvent } from "./order-status";

/**
 * `event` applied to many orders in one statement, by the table's rule: transitionOrder's set-based
 * twin for the sweeps. `due` narrows and locks the candidates (its WHERE conditions, then its
 * ORDER BY / LIMIT / FOR UPDATE tail); only rows in one of the event's from-statuses are taken.
 * Each change gets its audit event (system actor), in the same round trip.
 */
export function transitionOrdersSql(event: OrderEvent, due: { where: string; tail: string }, returning?: string): string {
  const rule = ORDER_TRANSITIONS[event];
  return `
WITH due AS (
  SELECT id, status FROM "PaymentOrder"
  WHERE status IN (${sqlLiterals(rule.from)}) AND ${due.where}
  ${due.tail}
), changed AS (
  UPDATE "PaymentOrder" o SET status = '${rule.to}' FROM due WHERE o.id = due.id
  RETURNING o.id, o."shopId", due.status::text AS before
)
${insertAuditSql({
  actor: "SYSTEM",
  action: `'order.${event}'`,
  shopId: '"shopId"',
  orderId: "id",
  before: "jsonb_build_object('status', before)",
  after: `'${JSON.stringify({ status: rule.to })}'::jsonb`,
  from: "changed",
  returning,
})}`;
}
