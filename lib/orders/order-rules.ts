import { checkWebhookUrl } from "../security/outbound-url";
import type { Db } from "../server/db";
import type { FieldErrors } from "../server/errors";
import type { AliasMode, ConnectorKind, Mode, ThreeDsPreference } from "../server/generated/prisma/enums";
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
  /** An existing order's creation: the 90-day maximum counts from it (issue 21). */
  createdAt?: Date;
  language?: string;
  dataCollectionForm?: boolean;
  amountMinor?: number;
  taxAmount?: number | null;
  /** The order's own notification URL (API): called by the workers, so under the SSRF guard's rules. */
  ipnTargetUrl?: string | null;
};

/** The checks that depend on the shop or the mode, shared by creation and modification. Keys name the fields. */
export function checkShopRules(shop: ShopRules, input: RuleInput): { fields: FieldErrors; validity: ValidityCheck | null } {
  const fields: FieldErrors = {};
  if (input.currency !== undefined && !shop.currencies.includes(input.currency)) fields.currency = "err_currency_not_enabled";
  if (input.checkReference !== false && shop.referenceMandatory && !input.reference) fields.reference = "err_reference_required";
  let validity: ValidityCheck | null = null;
  if (input.checkValidity !== false) {
    validity = input.validUntil
      ? validityFromInstant(input.validUntil, new Date(), input.createdAt)
      : validityFromDay(input.validUntilDay, shop, new Date(), input.createdAt);
    if (!validity.ok) fields.validUntil = validity.error;
  }
  if (input.language && !shop.languages.includes(input.language)) fields.language = "err_language";
  if (input.dataCollectionForm && (!shop.dataCollectionForm || (input.mode === "PRODUCTION" && !shop.dataCollectionForm.publishedAt))) {
    fields.dataCollectionForm = "err_dcf_unavailable";
  }
  if (input.taxAmount != null && input.amountMinor !== undefined && input.taxAmount > input.amountMinor)
    fields.taxAmount = "err_tax_over_amount";
  // Like a rule's URL: no private target, and https for a PRODUCTION order.
  const ipnError = input.ipnTargetUrl ? checkWebhookUrl(input.ipnTargetUrl, input.mode) : null;
  if (ipnError) fields.ipnTargetUrl = ipnError;
  return { fields, validity };
}

export const ALIAS_MODES = ["NONE", "PROPOSE", "AUTOMATIC"] as const satisfies readonly AliasMode[];

/**
 * F-ORD-5/6: no card alias with the data collection form. Given the values the order will have
 * once created or changed, so that creation, modification and the API refuse it alike.
 */
export function checkAliasRules(order: { dataCollectionForm: boolean; aliasMode: AliasMode }): FieldErrors {
  return order.dataCollectionForm && order.aliasMode !== "NONE" ? { aliasMode: "err_alias_with_form" } : {};
}

/** F-ORD-7: an alias forces strong authentication, whatever the preference asked for. */
export const threeDsWithAlias = (aliasMode: AliasMode, wanted: ThreeDsPreference): ThreeDsPreference =>
  aliasMode === "NONE" ? wanted : "CHALLENGE";

export type ShopDefaults = ShopRules & {
  defaultLanguage: string;
  defaultValidationMode: "AUTOMATIC" | "MANUAL";
  defaultCaptureDelay: number;
  /** The shop's verified payment processor per mode (issue 20); null: none (TEST: the sandbox). */
  testConnector: ConnectorKind | null;
  productionConnector: ConnectorKind | null;
};

/** Columns of "Shop" s / "DataCollectionForm" f that make ShopDefaults (see shopDefaultsOf). */
export const SHOP_DEFAULTS_COLUMNS = `s."timeZone", s."defaultValidityDays", s.currencies, s."referenceMandatory", s.languages,
  s."defaultLanguage", s."defaultValidationMode"::text AS "defaultValidationMode", s."defaultCaptureDelay",
  f."shopId" IS NOT NULL AS "hasForm", f."publishedAt",
  (SELECT c.kind::text FROM "ShopConnector" c WHERE c."shopId" = s.id AND c.mode = 'TEST' AND c."verifiedAt" IS NOT NULL) AS "testConnector",
  (SELECT c.kind::text FROM "ShopConnector" c WHERE c."shopId" = s.id AND c.mode = 'PRODUCTION' AND c."verifiedAt" IS NOT NULL) AS "productionConnector"`;

// biome-ignore lint/suspicious/noExplicitAny: a raw pg row
export const shopDefaultsOf = (s: any): ShopDefaults => ({ ...s, dataCollectionForm: s.hasForm ? { publishedAt: s.publishedAt } : null });

/** The shop's rules and defaults in one indexed read (a hot path of order creation). */
export async function loadShopDefaults(db: Db, shopId: string): Promise<ShopDefaults | null> {
  const r = await db.sql({
    name: "shop-defaults",
    text: `SELECT ${SHOP_DEFAULTS_COLUMNS} FROM "Shop" s LEFT JOIN "DataCollectionForm" f ON f."shopId" = s.id WHERE s.id = $1`,
    values: [shopId],
  });
  return r.rows[0] ? shopDefaultsOf(r.rows[0]) : null;
}
