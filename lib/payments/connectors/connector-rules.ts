// Which orders a shop can take in a mode (issue 20): the sandbox serves TEST only, so a PRODUCTION
// order needs the shop's verified connector for PRODUCTION; and an option that connector cannot
// honour is refused at creation (the dialogs grey it out with the reason, the API answers PSP_1060).
import type { FieldErrors } from "../../server/errors";
import { connectorFor } from "./registry";
import type { ConnectorCapabilities, ConnectorKind } from "./types";

/** Stable reasons, mapped by the Lyra API onto PSP_109 and PSP_1060. */
export const NO_PRODUCTION_CONNECTOR = "no_production_connector";
export const CONNECTOR_OPTION_UNSUPPORTED = "connector_option_unsupported";

export type ConnectorOrderOptions = {
  mode: "TEST" | "PRODUCTION";
  validationMode?: string | null;
  captureDelay?: number | null;
  aliasMode?: string | null;
  hasInstalments: boolean;
  hasAmountUpdate: boolean;
};

/** The options of an order the connector cannot honour, as field errors (empty: none). */
export function unsupportedOptions(caps: ConnectorCapabilities, o: ConnectorOrderOptions): FieldErrors {
  const fields: FieldErrors = {};
  if (o.hasInstalments && !caps.instalments) fields.installmentPlan = "err_connector_no_instalments";
  if (o.hasAmountUpdate && !caps.buyerAmount) fields.amountUpdate = "err_connector_no_buyer_amount";
  if (o.validationMode === "MANUAL" && !caps.manualValidation) fields.validationMode = "err_connector_no_manual_validation";
  if (o.captureDelay && !caps.captureDelay) fields.captureDelay = "err_connector_no_capture_delay";
  if (o.aliasMode && o.aliasMode !== "NONE" && !caps.aliases) fields.aliasMode = "err_connector_no_aliases";
  return fields;
}

/**
 * The refusal of an order in `mode` for a shop whose verified connector for that mode is `kind`
 * (null: none): `{ fields, reason }`, or null when the order can be taken.
 */
export function connectorRuleErrors(kind: ConnectorKind | null, o: ConnectorOrderOptions): { fields: FieldErrors; reason: string } | null {
  if (o.mode === "TEST" && !kind) return null;
  if (!kind) return { fields: { mode: "err_no_production_connector" }, reason: NO_PRODUCTION_CONNECTOR };
  let caps: ConnectorCapabilities;
  try {
    caps = connectorFor(kind).capabilities;
  } catch {
    return o.mode === "PRODUCTION" ? { fields: { mode: "err_no_production_connector" }, reason: NO_PRODUCTION_CONNECTOR } : null;
  }
  const fields = unsupportedOptions(caps, o);
  return Object.keys(fields).length ? { fields, reason: CONNECTOR_OPTION_UNSUPPORTED } : null;
}
