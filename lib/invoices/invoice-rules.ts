// Rules every invoice order obeys, whether created alone or imported (F-CH-INVOICE).
import { formUsable, getFormConfig } from "../collect-form/config";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import type { Mode } from "../server/generated/prisma/enums";

/** Hand-written partial unique index: one open (RUNNING/REFUSED) invoice order per shop, mode and reference. */
export const OPEN_INVOICE_REFERENCE_INDEX = "PaymentOrder_open_invoice_reference_key";

/**
 * The buyer pays an invoice from the shop's data collection form: it must exist in invoice mode
 * (err_invoice_form_missing) and, for PRODUCTION orders, be published (err_invoice_form_unpublished).
 */
export async function assertInvoiceFormUsable(db: Db, input: { shopId: string; mode: Mode }): Promise<void> {
  const config = await getFormConfig(db, input.shopId);
  if (!config?.invoiceMode) {
    throw new AppError("VALIDATION", `shop ${input.shopId} has no data collection form in invoice mode`, {
      publicMessage: "err_invoice_form_missing",
    });
  }
  if (!formUsable(config, input.mode)) {
    throw new AppError("VALIDATION", `shop ${input.shopId}'s data collection form is not published`, {
      publicMessage: "err_invoice_form_unpublished",
    });
  }
}

export const referenceTakenError = (reference: string) =>
  new AppError("VALIDATION", `invoice reference ${reference} is already open`, {
    fields: { reference: "err_invoice_reference_taken" },
    publicMessage: "invalid_input",
  });

/** A unique violation of the open-reference index (two creations racing for one reference). */
export function isOpenReferenceConflict(e: unknown): boolean {
  const err = e as { code?: string; constraint?: string } | null;
  return err?.code === "23505" && err.constraint === OPEN_INVOICE_REFERENCE_INDEX;
}
