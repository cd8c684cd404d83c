import type { FieldErrors } from "../server/errors";
import type { Mode } from "../server/generated/prisma/enums";
import { type ValidityCheck, validityFromDay, validityFromInstant } from "./validity";

export type ShopRules = {
  timeZone: string;
  defaultValidityDays: number;
  currencies: string[];
  referenceMandatory: boolean;
  languages: string[];
  dataCollectionForm: { publishedAt: Date | null } | null;
};

export const SHOP_RULES_SELECT = {
  timeZone: true,
  defaultValidityDays: true,
  currencies: true,
  referenceMandatory: true,
  languages: true,
  dataCollectionForm: { select: { publishedAt: true } },
} as const;

export type RuleInput = {
  mode: Mode;
  currency?: string;
  reference?: string | null;
  checkReference?: boolean;
  validUntilDay?: string;
  validUntil?: Date;
  checkValidity?: boolean;
  language?: string;
  dataCollectionForm?: boolean;
  amountMinor?: number;
  taxAmount?: number | null;
};

/** The checks that depend on the shop, shared by creation and modification. Keys name the fields. */
export function checkShopRules(shop: ShopRules, input: RuleInput): { fields: FieldErrors; validity: ValidityCheck | null } {
  const fields: FieldErrors = {};
  if (input.currency !== undefined && !shop.currencies.includes(input.currency)) fields.currency = "err_currency_not_enabled";
  if (input.checkReference !== false && shop.referenceMandatory && !input.reference) fields.reference = "err_reference_required";
  let validity: ValidityCheck | null = null;
  if (input.checkValidity !== false) {
    validity = input.validUntil ? validityFromInstant(input.validUntil) : validityFromDay(input.validUntilDay, shop);
    if (!validity.ok) fields.validUntil = validity.error;
  }
  if (input.language && !shop.languages.includes(input.language)) fields.language = "err_language";
  if (input.dataCollectionForm && (!shop.dataCollectionForm || (input.mode === "PRODUCTION" && !shop.dataCollectionForm.publishedAt))) {
    fields.dataCollectionForm = "err_dcf_unavailable";
  }
  if (input.taxAmount != null && input.amountMinor !== undefined && input.taxAmount > input.amountMinor)
    fields.taxAmount = "err_tax_over_amount";
  return { fields, validity };
}
