import { auditActorValues, insertAuditSql } from "../audit/audit-sql";
import type { Actor } from "../auth/actor";
import type { InstalmentPlan } from "../instalments/plan";
import { coalesce } from "../server/coalesce";
import type { Db } from "../server/db";
import { uuid7 } from "../server/uuid7";
import type { AmountUpdate } from "./amount-update";

/** Every column of a new order, as createOrder has decided them. */
export type NewOrderRow = {
  id: string;
  token: string;
  shopId: string;
  mode: "TEST" | "PRODUCTION";
  channel: "URL" | "MAIL" | "SMS" | "WHATSAPP" | "INVOICE";
  status: "RUNNING";
  deliveryStatus: "IN_PROGRESS" | "MANUAL";
  sendCount: number;
  reference: string | null;
  amount: bigint;
  currency: string;
  locale: string;
  validUntil: Date;
  validationMode: "AUTOMATIC" | "MANUAL";
  captureDelay: number;
  dataCollectionForm: boolean;
  remindersOptOut: boolean;
  aliasMode: "NONE" | "PROPOSE" | "AUTOMATIC";
  threeDsPreference: "NO_PREFERENCE" | "FRICTIONLESS" | "CHALLENGE";
  buyerEmail: string | null;
  description: string | null;
  merchantComment: string | null;
  taxAmount: bigint | null;
  taxRate: number | null;
  recipient: string | null;
  bcc: string | null;
  subject: string | null;
  message: string | null;
  templateId: string | null;
  apiData: Record<string, unknown>;
  metadata: Record<string, string>;
  ipnTargetUrl: string | null;
  /** The adjustable amount (issue 12), null when none. */
  amountUpdate: AmountUpdate | null;
  /** Payment in instalments (issue 12), null when none. */
  installmentPlan: InstalmentPlan | null;
  createdVia: "BACK_OFFICE" | "API" | "IMPORT";
  sourceUserId: string | null;
  createdAt: Date;
  updatedAt: null;
  transactions: [];
};

const COLUMNS = [
  ["id", ""],
  ["token", ""],
  ["shopId", ""],
  ["mode", '::"Mode"'],
  ["channel", '::"Channel"'],
  ["deliveryStatus", '::"DeliveryStatus"'],
  ["reference", ""],
  ["amount", "::bigint"],
  ["currency", ""],
  ["locale", ""],
  ["validUntil", "::timestamptz"],
  ["validationMode", '::"ValidationMode"'],
  ["captureDelay", "::int"],
  ["dataCollectionForm", "::boolean"],
  ["remindersOptOut", "::boolean"],
  ["aliasMode", '::"AliasMode"'],
  ["threeDsPreference", '::"ThreeDsPreference"'],
  ["buyerEmail", ""],
  ["description", ""],
  ["merchantComment", ""],
  ["taxAmount", "::bigint"],
  ["taxRate", "::numeric"],
  ["recipient", ""],
  ["bcc", ""],
  ["subject", ""],
  ["message", ""],
  ["templateId", "::uuid"],
  ["apiData", "::jsonb"],
  ["metadata", "::jsonb"],
  ["ipnTargetUrl", ""],
  ["amountUpdate", "::jsonb"],
  ["installmentPlan", "::jsonb"],
  ["createdVia", '::"CreatedVia"'],
  ["sourceUserId", "::uuid"],
  ["createdAt", "::timestamptz"],
] as const;

const N = COLUMNS.length;
// One statement: the order and its audit event, atomically, in one round trip.
const INSERT_SQL = `WITH o AS (
  INSERT INTO "PaymentOrder" (${COLUMNS.map(([c]) => `"${c}"`).join(", ")})
  VALUES (${COLUMNS.map(([, cast], i) => `$${i + 1}${cast}`).join(", ")})
  RETURNING id, "shopId", "createdAt"
)
${insertAuditSql({
  id: `$${N + 1}::uuid`,
  actor: { param: N + 2 },
  action: "'order.create'",
  shopId: 'o."shopId"',
  orderId: "o.id",
  after: `$${N + 5}::jsonb`,
  at: 'o."createdAt"',
  from: "o",
})}`;

// The same for several orders in one statement, each with its own actor (see `insertOrder`):
// one array per column, unnested side by side.
const ARRAY_TYPE = (cast: string) => (cast ? `${cast}[]` : "::text[]");
const AUDIT_COLUMNS = [
  ["auditId", "::uuid"],
  ["auditCompanyId", "::uuid"],
  ["auditActorType", '::"ActorType"'],
  ["auditActorId", ""],
  ["auditAfter", "::jsonb"],
] as const;
const ALL = [...COLUMNS, ...AUDIT_COLUMNS];
const MANY_SQL = `WITH x AS (
  SELECT * FROM unnest(${ALL.map(([, cast], i) => `$${i + 1}${ARRAY_TYPE(cast)}`).join(", ")})
    AS x(${ALL.map(([c]) => `"${c}"`).join(", ")})
), o AS (
  INSERT INTO "PaymentOrder" (${COLUMNS.map(([c]) => `"${c}"`).join(", ")})
  SELECT ${COLUMNS.map(([c]) => `x."${c}"`).join(", ")} FROM x
  RETURNING id, "shopId", "createdAt"
)
${insertAuditSql({
  id: 'x."auditId"',
  actor: { columns: { companyId: 'x."auditCompanyId"', type: 'x."auditActorType"', id: 'x."auditActorId"' } },
  action: "'order.create'",
  shopId: 'o."shopId"',
  orderId: "o.id",
  after: 'x."auditAfter"',
  at: 'o."createdAt"',
  from: "o JOIN x ON x.id = o.id",
})}`;

/** The statement's parameters for one order: its columns, then its audit event's. */
function valuesOf(row: NewOrderRow, actor: Actor): unknown[] {
  const values: unknown[] = COLUMNS.map(([c]) => {
    const v = row[c];
    if (typeof v === "bigint") return v.toString();
    if (c === "apiData" || c === "metadata") return JSON.stringify(v);
    if (c === "amountUpdate" || c === "installmentPlan") return v === null ? null : JSON.stringify(v);
    return v;
  });
  values.push(
    uuid7(),
    ...auditActorValues(actor),
    JSON.stringify({
      status: "RUNNING",
      channel: row.channel,
      amount: Number(row.amount),
      currency: row.currency,
      reference: row.reference,
    }),
  );
  return values;
}

/**
 * Inserts a new order with its "order.create" audit event, on the given connection. Outside a
 * transaction, orders are coalesced (lib/server/coalesce.ts): the orders that arrive while a
 * statement is on its way leave together in the next (one round trip and one commit for all,
 * measured in docs/benchmarks.md); a lone order leaves at once. Each caller returns once its
 * order is committed. If a shared statement fails, its orders are written again one by one, so
 * an order only ever fails for its own reason.
 */
export async function insertOrder(db: Db, row: NewOrderRow, actor: Actor): Promise<void> {
  const values = valuesOf(row, actor);
  if (db.inTransaction) await insertOne(db, values);
  else await insertCoalesced(db, values);
}

const insertOne = (db: Db, values: unknown[]) => db.sql({ name: "insert-order", text: INSERT_SQL, values });

const insertCoalesced = coalesce<unknown[], void>(async (db, batch) => {
  if (batch.length > 1) {
    try {
      await db.sql({ name: "insert-orders-coalesced", text: MANY_SQL, values: ALL.map((_, i) => batch.map((values) => values[i])) });
      return batch.map(() => ({ ok: true, value: undefined }));
    } catch {
      // Written again one by one below: each order succeeds or fails on its own.
    }
  }
  return Promise.all(
    batch.map((values) =>
      insertOne(db, values).then(
        () => ({ ok: true as const, value: undefined }),
        (error: unknown) => ({ ok: false as const, error }),
      ),
    ),
  );
}, 200);

// Many orders (an e-mail to many recipients) in one statement per chunk: rows travel as one
// JSON array; each column gets its type from the cast table above.
const TYPE_OF = (cast: string) => (cast ? cast.slice(2) : "text");
const BULK_SQL = `WITH o AS (
  INSERT INTO "PaymentOrder" (${COLUMNS.map(([c]) => `"${c}"`).join(", ")})
  SELECT ${COLUMNS.map(([c]) => `x."${c}"`).join(", ")}
  FROM jsonb_to_recordset($1::jsonb) AS x(${COLUMNS.map(([c, cast]) => `"${c}" ${TYPE_OF(cast)}`).join(", ")})
  RETURNING id, "shopId", "createdAt", channel, amount, currency, reference
)
${insertAuditSql({
  actor: { param: 2 },
  action: "'order.create'",
  shopId: 'o."shopId"',
  orderId: "o.id",
  after:
    "jsonb_build_object('status', 'RUNNING', 'channel', o.channel, 'amount', o.amount, 'currency', o.currency, 'reference', o.reference)",
  at: 'o."createdAt"',
  from: "o",
})}`;

export async function insertOrders(db: Db, rows: NewOrderRow[], actor: Actor, chunk = 2000) {
  for (let i = 0; i < rows.length; i += chunk) {
    const json = JSON.stringify(
      rows.slice(i, i + chunk).map((row) => Object.fromEntries(COLUMNS.map(([c]) => [c, row[c]]))),
      (_k, v) => (typeof v === "bigint" ? v.toString() : v),
    );
    await db.sql(BULK_SQL, [json, ...auditActorValues(actor)]);
  }
}
