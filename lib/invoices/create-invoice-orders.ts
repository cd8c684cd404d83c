import { auditActorValues, insertAuditSql } from "../audit/audit-sql";
import { type Actor, assertRole, assertShopAccess } from "../auth/actor";
import { loadShopDefaults } from "../orders/order-rules";
import { connectorRuleErrors } from "../payments/connectors/connector-rules";
import { type Db, LONG_TRANSACTION } from "../server/db";
import { AppError } from "../server/errors";
import type { Mode } from "../server/generated/prisma/enums";
import { expireLapsedInvoices } from "./expire-lapsed-invoices";
import { findTakenReferences, insertInvoiceRows } from "./insert-invoice-rows";
import { assertInvoiceFormUsable } from "./invoice-rules";
import type { ImportLine } from "./parse-import-file";
import { type ImportIssue, type ImportReport, MAX_LISTED } from "./schemas";
import { type ValidImportRow, validateImportRows } from "./validate-import-rows";

export type CreateInvoiceOrdersInput = {
  actor: Actor;
  shopId: string;
  mode: Mode;
  /** The file's lines, as parseImportFile read them. */
  table: { header: ImportLine; rows: ImportLine[] };
  dryRun: boolean;
  now?: Date;
};

// The import's own event, on the import's connection (pg, not Prisma): $1–$3 the actor.
const IMPORT_AUDIT_SQL = insertAuditSql({
  actor: { param: 1 },
  action: "'invoice.import'",
  shopId: "$4",
  after: "$5::jsonb",
  at: "$6",
});

/** Who may import into this shop and mode: operators of the shop, or the shop's own REST key for its mode. */
export function assertCanImport(actor: Actor, shopId: string, mode: Mode) {
  assertShopAccess(actor, shopId);
  assertRole(actor, "OPERATOR");
  if (actor.type === "API_KEY" && actor.mode !== mode) throw new AppError("FORBIDDEN", `a ${actor.mode} key cannot import ${mode} orders`);
}

/**
 * Many invoice orders at once (F-CH-INVOICE bulk): every row checked (the rules of
 * createInvoiceOrder, per line), then all created in one transaction, or none when any row is
 * invalid. Rows whose reference already names an open or paid invoice order of the shop and mode
 * are skipped, so importing the same file again creates nothing. A dry run reports the same
 * without writing. Imports of one shop and mode are serialised (an advisory lock), and each
 * created order has its "order.create" audit event; the import itself is one "invoice.import" event.
 */
export async function createInvoiceOrders(db: Db, input: CreateInvoiceOrdersInput): Promise<ImportReport> {
  const { actor, shopId, mode } = input;
  const now = input.now ?? new Date();
  assertCanImport(actor, shopId, mode);
  await assertInvoiceFormUsable(db, { shopId, mode });
  const shop = await loadShopDefaults(db, shopId);
  if (!shop) throw new AppError("NOT_FOUND", `shop ${shopId} not found`);
  // Issue 20: PRODUCTION invoices are payable only through the shop's verified processor.
  const refusal = connectorRuleErrors(mode === "PRODUCTION" ? shop.productionConnector : shop.testConnector, {
    mode,
    hasInstalments: false,
    hasAmountUpdate: false,
  });
  if (refusal) {
    throw new AppError("VALIDATION", "import refused by the payment processor rules", {
      fields: refusal.fields,
      reason: refusal.reason,
      publicMessage: Object.values(refusal.fields)[0],
    });
  }
  const { valid, errors } = validateImportRows(input.table, shop, now);
  const references = valid.map((r) => r.reference);
  const report = (created: number, skipped: ValidImportRow[], dryRun: boolean): ImportReport => ({
    dryRun,
    rows: input.table.rows.length,
    created,
    skipped: skipped.length,
    errorCount: errors.length,
    errors: errors.slice(0, MAX_LISTED),
    skippedRows: skipped.slice(0, MAX_LISTED).map(alreadyExists),
  });

  if (errors.length || input.dryRun) {
    const taken = await findTakenReferences(db, { shopId, mode, references, now });
    const skipped = valid.filter((r) => taken.has(r.reference));
    return report(errors.length ? 0 : valid.length - skipped.length, skipped, input.dryRun);
  }
  return db.$transaction(async (tx) => {
    await tx.sql("SELECT pg_advisory_xact_lock(hashtext($1))", [`invoice-import:${shopId}:${mode}`]);
    await expireLapsedInvoices(tx, { shopId, mode, references, now });
    const taken = await findTakenReferences(tx, { shopId, mode, references, now });
    const fresh = valid.filter((r) => !taken.has(r.reference));
    const inserted = await insertInvoiceRows(tx, { actor, shopId, mode, shop, rows: fresh, now });
    const skipped = valid.filter((r) => !inserted.has(r.reference));
    await tx.sql(IMPORT_AUDIT_SQL, [
      ...auditActorValues(actor),
      shopId,
      JSON.stringify({ mode, rows: input.table.rows.length, created: inserted.size, skipped: skipped.length }),
      now,
    ]);
    return report(inserted.size, skipped, false);
  }, LONG_TRANSACTION);
}

const alreadyExists = (r: ValidImportRow): ImportIssue => ({
  line: r.line,
  column: "reference",
  value: r.reference,
  reason: "already_exists",
});
