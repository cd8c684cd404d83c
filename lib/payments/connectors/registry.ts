// The connectors by kind. A new processor: its file in this folder implementing PaymentConnector
// (types.ts), one line in CONNECTORS, its config fields in the settings form.
import { AppError } from "../../server/errors";
import { lyraFormConnector } from "./lyra-form";
import { stripeConnector } from "./stripe";
import type { ConnectorKind, PaymentConnector } from "./types";

// Each connector checks its own config with its configSchema before using it: erased here.
const erase = <C>(c: PaymentConnector<C>) => c as unknown as PaymentConnector<unknown>;

const CONNECTORS: Partial<Record<ConnectorKind, PaymentConnector<unknown>>> = {
  LYRA_FORM: erase(lyraFormConnector),
  STRIPE: erase(stripeConnector),
};

export const CONNECTOR_KINDS: readonly ConnectorKind[] = ["LYRA_FORM", "STRIPE"];

/** The kinds this build can configure (a kind whose connector is not registered is not offered). */
export const availableConnectorKinds = (): ConnectorKind[] => CONNECTOR_KINDS.filter((k) => CONNECTORS[k]);

export function connectorFor(kind: ConnectorKind): PaymentConnector<unknown> {
  const c = CONNECTORS[kind];
  if (!c) throw new AppError("VALIDATION", `no connector of kind ${kind}`, { publicMessage: "err_connector_unknown" });
  return c;
}
