// A later instalment charged through the shop's processor connector (issue 20, stripe20): the card
// is kept by the processor (CardAlias.processorToken, e.g. Stripe's customer and payment method),
// so the connector charges it off-session; its answer reads as the sandbox acquirer's would.
import type { AuthorizationResult, ThreeDsOutcome, TokenChargeRequest } from "../payments/acquirer";
import { getShopConnectorById } from "../payments/connectors/shop-connector";
import type { Db } from "../server/db";
import type { ProcessorCharge } from "./record-instalment-charge";

// Merchant-initiated: no buyer present, no 3-D Secure.
const THREE_DS: ThreeDsOutcome = { preference: "NO_PREFERENCE", flow: "NONE", status: "NOT_ENROLLED" };

/**
 * Calls the connector with no transaction open; throws only when the outcome is unknown (the
 * attempt then waits for the sweep). A connector gone or unable to charge a kept card refuses.
 */
export async function chargeWithConnector(
  db: Db,
  input: {
    connectorId: string;
    processorToken: string;
    attemptId: string;
    /** Stable across the attempts of one try (see AliasChargeContext.idempotencyKey). */
    idempotencyKey: string;
    validationMode: "AUTOMATIC" | "MANUAL";
    request: TokenChargeRequest;
  },
): Promise<{ auth: AuthorizationResult; processor: ProcessorCharge }> {
  const { request: r } = input;
  const sc = await getShopConnectorById(db, input.connectorId);
  if (!sc?.connector.chargeAlias) {
    return {
      auth: { approved: false, brand: r.card.brand, code: "NO_CONNECTOR", message: "connector_unavailable", threeDs: THREE_DS },
      processor: { connectorId: input.connectorId, processorRef: null, captured: false },
    };
  }
  const o = await sc.connector.chargeAlias({
    config: sc.config,
    mode: r.mode,
    aliasToken: input.processorToken,
    amount: r.amount,
    currency: r.currency,
    orderId: r.orderId,
    attemptId: input.attemptId,
    idempotencyKey: input.idempotencyKey,
    validationMode: input.validationMode,
  });
  const processor = { connectorId: input.connectorId, processorRef: o.processorRef || null, captured: o.captured === true };
  const auth: AuthorizationResult =
    o.status === "ACCEPTED"
      ? { approved: true, brand: r.card.brand, authorizationCode: o.processorRef, threeDs: THREE_DS }
      : { approved: false, brand: r.card.brand, code: o.errorCode ?? "REFUSED", message: o.errorMessage ?? "refused", threeDs: THREE_DS };
  return { auth, processor };
}
