import { type Db, LONG_TRANSACTION } from "../server/db";
import {
  ANONYMISE_ORDERS,
  ANONYMISE_TRANSACTIONS,
  AUDIT_KEYS_KEPT,
  DELETE_INSTALMENTS,
  DELETE_ORDER_CHILDREN,
  DELETE_ORDERS,
  DELETE_TRANSACTIONS,
  REDACT_AUDIT_EVENTS,
  SELECT_ORDERS_TO_ANONYMISE,
  SELECT_ORDERS_TO_DELETE,
} from "./retention-sql";

export type OrderPurgeCounts = {
  ordersDeleted: number;
  ordersAnonymised: number;
  transactionsDeleted: number;
  instalmentsDeleted: number;
  transactionsAnonymised: number;
  messagesDeleted: number;
  remindersDeleted: number;
  challengesDeleted: number;
  webhookDeliveriesDeleted: number;
  auditEventsRedacted: number;
};

export const emptyOrderCounts = (): OrderPurgeCounts => ({
  ordersDeleted: 0,
  ordersAnonymised: 0,
  transactionsDeleted: 0,
  instalmentsDeleted: 0,
  transactionsAnonymised: 0,
  messagesDeleted: 0,
  remindersDeleted: 0,
  challengesDeleted: 0,
  webhookDeliveriesDeleted: 0,
  auditEventsRedacted: 0,
});

type BatchInput = { ordersBefore: Date; transactionsBefore: Date; batchSize: number; now: Date };

const count = async (db: Db, sql: string, values: unknown[]) => (await db.sql(sql, values)).rowCount ?? 0;

/** The personal data every purged order loses, kept or not: audit details, messages, challenges and attempts, IPNs. */
async function purgeChildren(db: Db, ids: string[], c: OrderPurgeCounts) {
  c.auditEventsRedacted += await count(db, REDACT_AUDIT_EVENTS, [ids, AUDIT_KEYS_KEPT]);
  c.messagesDeleted += await count(db, DELETE_ORDER_CHILDREN.messages, [ids]);
  c.remindersDeleted += await count(db, DELETE_ORDER_CHILDREN.reminders, [ids]);
  c.challengesDeleted += await count(db, DELETE_ORDER_CHILDREN.challenges, [ids]);
  await db.sql(DELETE_ORDER_CHILDREN.attempts, [ids]);
  c.webhookDeliveriesDeleted += await count(db, DELETE_ORDER_CHILDREN.webhookDeliveries, [ids]);
}

/**
 * One batch, one transaction: orders whose end and every transaction are past retention are
 * deleted with everything that hangs on them. Returns how many orders it took.
 */
export function deleteOrdersBatch(db: Db, input: BatchInput, c: OrderPurgeCounts): Promise<number> {
  return db.$transaction(async (tx) => {
    const { rows } = await tx.sql<{ id: string }>(SELECT_ORDERS_TO_DELETE, [input.ordersBefore, input.transactionsBefore, input.batchSize]);
    if (!rows.length) return 0;
    const ids = rows.map((r) => r.id);
    await purgeChildren(tx, ids, c);
    c.instalmentsDeleted += await count(tx, DELETE_INSTALMENTS, [ids]);
    c.transactionsDeleted += await count(tx, DELETE_TRANSACTIONS, [ids]);
    c.ordersDeleted += await count(tx, DELETE_ORDERS, [ids]);
    return ids.length;
  }, LONG_TRANSACTION);
}

/**
 * One batch, one transaction: ended orders whose transactions are still kept lose their personal
 * data and are marked anonymised (the next runs skip them). Returns how many orders it took.
 */
export function anonymiseOrdersBatch(db: Db, input: BatchInput, c: OrderPurgeCounts): Promise<number> {
  return db.$transaction(async (tx) => {
    const { rows } = await tx.sql<{ id: string }>(SELECT_ORDERS_TO_ANONYMISE, [
      input.ordersBefore,
      input.transactionsBefore,
      input.batchSize,
    ]);
    if (!rows.length) return 0;
    const ids = rows.map((r) => r.id);
    await purgeChildren(tx, ids, c);
    c.transactionsAnonymised += await count(tx, ANONYMISE_TRANSACTIONS, [ids]);
    c.ordersAnonymised += await count(tx, ANONYMISE_ORDERS, [ids, input.now]);
    return ids.length;
  }, LONG_TRANSACTION);
}
