import type { UserActor } from "../auth/actor";
import { createInvoiceOrder } from "../invoices/create-invoice-order";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import { parseOrThrow } from "../server/validation";
import { parseOrderFormWithOptions } from "./advanced-options";
import { urlOrderFormSchema } from "./schemas";

/**
 * The back office's "order by invoice" dialog, as typed, to a created invoice order (or field
 * errors): the URL dialog's fields with the description as a main field; never an alias, always
 * the data collection form (createInvoiceOrder's rules).
 */
export async function createInvoiceFromForm(db: Db, input: { actor: UserActor; values: Record<string, string> }) {
  const { form: f, options } = await parseOrderFormWithOptions(db, {
    shopIds: input.actor.shopIds,
    values: input.values,
    parseMain: () => parseOrThrow(urlOrderFormSchema, input.values),
  });
  // An invoice is paid in full: no amount adjusted by the buyer (issue 12).
  if (options.amountUpdate) {
    const fields = { amountUpdateMode: "err_amount_update_invoice" };
    throw new AppError("VALIDATION", "adjustable amount on an invoice order", { fields, publicMessage: "invalid_input" });
  }
  // Nor in instalments: an invoice "cannot be paid in several times" (the manual).
  if (options.installmentPlan) {
    const fields = { instalmentMode: "err_instalment_invoice" };
    throw new AppError("VALIDATION", "instalments on an invoice order", { fields, publicMessage: "invalid_input" });
  }
  return createInvoiceOrder(db, {
    actor: input.actor,
    shopId: f.shopId,
    mode: f.mode,
    reference: f.reference ?? "",
    amountMinor: f.amountMinor,
    currency: f.currency,
    description: options.description,
    validUntilDay: f.validUntil,
    validationMode: options.validationMode,
    captureDelay: options.captureDelay,
    threeDsPreference: options.threeDsPreference,
    language: f.language,
    buyerEmail: f.buyerEmail,
  });
}
