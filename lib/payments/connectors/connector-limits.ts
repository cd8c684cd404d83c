// What the order dialogs must say about a shop's processor in a mode (issue 20): none for
// PRODUCTION (a warning, nothing can be paid), or the options its connector cannot honour (greyed
// out with the reason). Plain data, computed on the server and handed to the dialogs.
import { connectorFor } from "./registry";
import type { ConnectorKind } from "./types";

export type ConnectorLimits = {
  /** PRODUCTION without a verified processor: orders are refused. */
  missing: boolean;
  /** Option → the message key of the reason it is unavailable. */
  unsupported: Partial<Record<"instalments" | "amountUpdate" | "aliasMode" | "validationMode" | "captureDelay", string>>;
};

export function connectorLimits(mode: "TEST" | "PRODUCTION", kind: ConnectorKind | null): ConnectorLimits {
  if (!kind) return { missing: mode === "PRODUCTION", unsupported: {} };
  let caps: ReturnType<typeof connectorFor>["capabilities"];
  try {
    caps = connectorFor(kind).capabilities;
  } catch {
    return { missing: mode === "PRODUCTION", unsupported: {} };
  }
  const unsupported: ConnectorLimits["unsupported"] = {};
  if (!caps.instalments) unsupported.instalments = "err_connector_no_instalments";
  if (!caps.buyerAmount) unsupported.amountUpdate = "err_connector_no_buyer_amount";
  if (!caps.aliases) unsupported.aliasMode = "err_connector_no_aliases";
  if (!caps.manualValidation) unsupported.validationMode = "err_connector_no_manual_validation";
  if (!caps.captureDelay) unsupported.captureDelay = "err_connector_no_capture_delay";
  return { missing: false, unsupported };
}
