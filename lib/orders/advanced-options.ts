import { z } from "zod";
import { parseInstalmentForm } from "../instalments/instalment-form";
import type { InstalmentRequest } from "../instalments/plan";
import { AppError } from "../server/errors";
import { fieldErrorsOf, safeParseInput } from "../server/validation";
import { type AmountUpdate, parseAmountUpdateForm } from "./amount-update";
import { ALIAS_MODES } from "./order-rules";

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optional = <T extends z.ZodType>(s: T) => z.preprocess(emptyToUndefined, s.optional());
const checkbox = () => z.preprocess((v) => (v === "on" || v === "true" || v === true ? true : undefined), z.literal(true).optional());

/**
 * The creation dialogs' advanced options (F-ORD-*), typed by a person: a description shown to the
 * buyer, an internal comment, the validation mode, the capture delay, the 3-D Secure preference
 * and the card alias mode (F-ORD-6), the data collection form, and no reminders before expiry
 * (issue 10). Absent → the shop's defaults (no alias, reminders as the shop's policy says).
 */
export const advancedOrderOptionsSchema = z.object({
  description: optional(z.string().trim().max(255, { error: "err_description_too_long" })),
  merchantComment: optional(z.string().trim().max(255, { error: "err_comment_too_long" })),
  validationMode: optional(z.enum(["AUTOMATIC", "MANUAL"], { error: "err_validation_mode" })),
  captureDelay: optional(
    z.coerce.number({ error: "err_capture_delay" }).int({ error: "err_capture_delay" }).min(0, { error: "err_capture_delay" }).max(365, {
      error: "err_capture_delay",
    }),
  ),
  threeDsPreference: optional(z.enum(["NO_PREFERENCE", "FRICTIONLESS", "CHALLENGE"], { error: "err_threeds" })),
  aliasMode: optional(z.enum(ALIAS_MODES, { error: "err_alias_mode" })),
  // A checkbox: the buyer fills the shop's data collection form before paying (F-ORD-5).
  dataCollectionForm: checkbox(),
  // A checkbox: this order gets no reminder, whatever the shop's policy (e-mail and SMS orders).
  remindersOptOut: checkbox(),
});

export type AdvancedOrderOptions = z.output<typeof advancedOrderOptionsSchema>;

/** Parses the advanced options of a form and checks them against the shop's offer. */
export function parseAdvancedOptions(values: Record<string, string>, shop: { threeDsPreferences: string[] }): AdvancedOrderOptions {
  const r = safeParseInput(advancedOrderOptionsSchema, values);
  const fields = r.success ? {} : fieldErrorsOf(r.error);
  if (r.success && r.data.threeDsPreference && !shop.threeDsPreferences.includes(r.data.threeDsPreference)) {
    fields.threeDsPreference = "err_threeds_not_offered";
  }
  if (!r.success || Object.keys(fields).length) {
    throw new AppError("VALIDATION", `invalid options: ${JSON.stringify(fields)}`, { fields, publicMessage: "invalid_input" });
  }
  return r.data;
}

/**
 * A creation form's main fields (`parseMain`) and its advanced options, with the errors of both
 * reported together. The shop's 3-D Secure offer is read only for a shop the user may use (for
 * another, the creation itself refuses).
 */
export async function parseOrderFormWithOptions<T>(
  db: {
    shop: {
      findUnique(args: { where: { id: string }; select: { threeDsPreferences: true } }): Promise<{ threeDsPreferences: string[] } | null>;
    };
  },
  input: { shopIds: string[]; values: Record<string, string>; parseMain: () => T },
): Promise<{ form: T; options: AdvancedOrderOptions & { amountUpdate: AmountUpdate | null; installmentPlan?: InstalmentRequest } }> {
  const shopId = input.values.shopId ?? "";
  const shop = input.shopIds.includes(shopId)
    ? await db.shop.findUnique({ where: { id: shopId }, select: { threeDsPreferences: true } })
    : null;
  const offer = shop ?? { threeDsPreferences: ["NO_PREFERENCE", "FRICTIONLESS", "CHALLENGE"] };
  const fields: Record<string, string> = {};
  let form: T | undefined;
  let options: AdvancedOrderOptions | undefined;
  try {
    form = input.parseMain();
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== "VALIDATION") throw e;
    Object.assign(fields, e.fields);
  }
  try {
    options = parseAdvancedOptions(input.values, offer);
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== "VALIDATION") throw e;
    Object.assign(fields, e.fields);
  }
  // The adjustable amount (issue 12): bounds in major units of the order's currency.
  const amountUpdate = parseAmountUpdateForm(input.values);
  Object.assign(fields, amountUpdate.fields);
  // Payment in instalments (issue 12): the count, period and amounts as typed; checked at creation.
  const instalments = parseInstalmentForm(input.values);
  Object.assign(fields, instalments.fields);
  if (Object.keys(fields).length || form === undefined || options === undefined) {
    throw new AppError("VALIDATION", `invalid input: ${JSON.stringify(fields)}`, { fields, publicMessage: "invalid_input" });
  }
  return { form, options: { ...options, amountUpdate: amountUpdate.update, installmentPlan: instalments.request } };
}
