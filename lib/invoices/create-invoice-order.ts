import { type Actor, assertRole, assertShopAccess } from "../auth/actor";
import type { PageLanguage } from "../i18n/locales";
import { type CreatedOrder, prepareOrder } from "../orders/create-order";
import { insertOrder } from "../orders/insert-order";
import { type Db, LONG_TRANSACTION } from "../server/db";
import { AppError } from "../server/errors";
import type { Mode, ThreeDsPreference, ValidationMode } from "../server/generated/prisma/enums";
import { safeParseInput } from "../server/validation";
import { paymentUrl } from "../shared/links";
import { expireLapsedInvoices } from "./expire-lapsed-invoices";
import { assertInvoiceFormUsable, isOpenReferenceConflict, referenceTakenError } from "./invoice-rules";
import { invoiceReferenceSchema } from "./schemas";

export type CreateInvoiceOrderInput = {
  actor: Actor;
  shopId: string;
  mode: Mode;
  /** The invoice number the buyer types on the data collection form. */
  reference: string;
  amountMinor: number;
  currency: string;
  /** Shown to the buyer as help next to the reference field (no personal data). */
  description?: string;
  /** "YYYY-MM-DD" in the shop's zone; none: today + the shop's default validity. */
  validUntilDay?: string;
  validationMode?: ValidationMode;
  captureDelay?: number;
  threeDsPreference?: ThreeDsPreference;
  /** ll_CC; or `language`, one the shop offers; neither: the shop's language. */
  locale?: string;
  language?: PageLanguage;
  buyerEmail?: string;
};

const OPEN_SQL = `SELECT 1 FROM "PaymentOrder"
  WHERE "shopId" = $1 AND mode = $2::"Mode" AND channel = 'INVOICE' AND reference = $3 AND status IN ('RUNNING', 'REFUSED') LIMIT 1`;

/**
 * Creates an invoice payment order (F-CH-INVOICE): paid from the shop's data collection form,
 * which must be in invoice mode (and published for PRODUCTION). The reference is mandatory and
 * names at most one open (running or refused) invoice order of the shop and mode; open ones whose
 * validity has passed are expired first, so time frees a reference. Never an alias nor
 * instalments; delivery status "manual sending" (the merchant shares the form's link). The other
 * rules (currency, validity window in the shop's zone) and the audit event are createOrder's.
 */
export async function createInvoiceOrder(db: Db, input: CreateInvoiceOrderInput): Promise<CreatedOrder> {
  assertShopAccess(input.actor, input.shopId);
  assertRole(input.actor, "OPERATOR");
  const ref = safeParseInput(invoiceReferenceSchema, input.reference ?? "");
  if (!ref.success) {
    throw new AppError("VALIDATION", "invalid invoice reference", {
      fields: { reference: ref.error.issues[0]?.message ?? "err_reference_required" },
      publicMessage: "invalid_input",
    });
  }
  const reference = ref.data;
  await assertInvoiceFormUsable(db, input);
  const row = await prepareOrder(db, {
    ...input,
    reference,
    channel: "INVOICE",
    dataCollectionForm: true,
    aliasMode: "NONE",
  });
  try {
    await db.$transaction(async (tx) => {
      await expireLapsedInvoices(tx, { shopId: row.shopId, mode: row.mode, references: [reference] });
      const open = await tx.sql(OPEN_SQL, [row.shopId, row.mode, reference]);
      if (open.rowCount) throw referenceTakenError(reference);
      await insertOrder(tx, row, input.actor);
    }, LONG_TRANSACTION);
  } catch (e) {
    // Two creations racing for the same reference: the index lets one through.
    if (isOpenReferenceConflict(e)) throw referenceTakenError(reference);
    throw e;
  }
  return { id: row.id, token: row.token, paymentUrl: paymentUrl(row.token), validUntil: row.validUntil, row };
}
