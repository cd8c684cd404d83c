// The settings form's fields for a kind of connector, from its config schema: the fields in order,
// which are secret (never shown again), for each registered kind.
import { availableConnectorKinds, connectorFor } from "./registry";
import type { ConnectorKind } from "./types";

export type ConnectorField = { name: string; secret: boolean };
export type ConnectorFormKind = { kind: ConnectorKind; fields: ConnectorField[] };

export function connectorFormKinds(): ConnectorFormKind[] {
  return availableConnectorKinds().map((kind) => {
    const c = connectorFor(kind);
    const shape = (c.configSchema as unknown as { shape?: Record<string, unknown> }).shape ?? {};
    const secret = new Set<string>(c.secretFields as readonly string[]);
    return { kind, fields: Object.keys(shape).map((name) => ({ name, secret: secret.has(name) })) };
  });
}
