// A shop's connector per mode (Settings › Shop › Payment processor): read with its config
// decrypted (for the calls), saved sealed with APP_SECRET, verified by "Test the connection".
import type { Db } from "../../server/db";
import { AppError } from "../../server/errors";
import { decryptSecret } from "../../server/secrets";
import { connectorFor } from "./registry";
import type { ConnectorKind, ConnectorMode, PaymentConnector, TransactionContext } from "./types";

export type ShopConnectorRow = {
  id: string;
  shopId: string;
  mode: ConnectorMode;
  kind: ConnectorKind;
  config: unknown;
  verifiedAt: Date | null;
  connector: PaymentConnector<unknown>;
};

const SELECT = { id: true, shopId: true, mode: true, kind: true, configEnc: true, verifiedAt: true } as const;

function open(row: {
  id: string;
  shopId: string;
  mode: ConnectorMode;
  kind: ConnectorKind;
  configEnc: string;
  verifiedAt: Date | null;
}): ShopConnectorRow {
  const connector = connectorFor(row.kind);
  const config = connector.configSchema.parse(JSON.parse(decryptSecret(row.configEnc)));
  return { id: row.id, shopId: row.shopId, mode: row.mode, kind: row.kind, config, verifiedAt: row.verifiedAt, connector };
}

/** The shop's connector for a mode (verified or not), its config decrypted; null when none. */
export async function getShopConnector(db: Db, input: { shopId: string; mode: ConnectorMode }): Promise<ShopConnectorRow | null> {
  const row = await db.shopConnector.findUnique({ where: { shopId_mode: { shopId: input.shopId, mode: input.mode } }, select: SELECT });
  return row ? open(row) : null;
}

/** By id (the notification URL names it); null when unknown. */
export async function getShopConnectorById(db: Db, id: string): Promise<ShopConnectorRow | null> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return null;
  const row = await db.shopConnector.findUnique({ where: { id }, select: SELECT });
  return row ? open(row) : null;
}

/** The connector that takes this shop's payments in this mode: verified, else null (TEST: the sandbox). */
export async function getPayingConnector(db: Db, input: { shopId: string; mode: ConnectorMode }): Promise<ShopConnectorRow | null> {
  const c = await getShopConnector(db, input);
  return c?.verifiedAt ? c : null;
}

/**
 * What capture, cancel and refund need for a transaction recorded from a processor's answer (null:
 * a sandbox transaction). `amount` defaults to the transaction's; a partial refund passes its own.
 */
export async function connectorForTransaction(
  db: Db,
  transactionId: string,
  opts: { amount?: number; operationId?: string } = {},
): Promise<{ connector: PaymentConnector<unknown>; config: unknown; ctx: TransactionContext<unknown> } | null> {
  const t = await db.transaction.findUnique({
    where: { id: transactionId },
    select: { id: true, connectorId: true, processorRef: true, amount: true, currency: true, mode: true },
  });
  if (!t) throw new AppError("NOT_FOUND", `transaction ${transactionId} not found`);
  if (!t.connectorId || !t.processorRef) return null;
  const c = await getShopConnectorById(db, t.connectorId);
  if (!c) throw new AppError("CONFLICT", `the connector of transaction ${transactionId} is gone`, { publicMessage: "err_connector_gone" });
  return {
    connector: c.connector,
    config: c.config,
    ctx: {
      config: c.config,
      mode: t.mode,
      transactionId: t.id,
      processorRef: t.processorRef,
      amount: opts.amount ?? Number(t.amount),
      currency: t.currency,
      operationId: opts.operationId,
    },
  };
}

/** Whether the shop takes payments in `mode` through a verified connector (the settings' warning). */
export async function hasVerifiedConnector(db: Db, input: { shopId: string; mode: ConnectorMode }): Promise<boolean> {
  const n = await db.shopConnector.count({ where: { shopId: input.shopId, mode: input.mode, verifiedAt: { not: null } } });
  return n > 0;
}
