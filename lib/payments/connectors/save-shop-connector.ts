// Settings › Shop › Payment processor (administrators): save a mode's connector (its secrets sealed
// and never shown again), test the connection, read what the page shows.
import { recordAuditEvent } from "../../audit/record-audit-event";
import { type Actor, assertRole, assertShopAccess } from "../../auth/actor";
import type { Db } from "../../server/db";
import { AppError, type FieldErrors } from "../../server/errors";
import type { Prisma } from "../../server/generated/prisma/client";
import { decryptSecret, encryptSecret } from "../../server/secrets";
import { connectorFor } from "./registry";
import type { ConnectorKind, ConnectorMode } from "./types";

export type SaveConnectorInput = {
  actor: Actor;
  shopId: string;
  mode: ConnectorMode;
  kind: ConnectorKind;
  /** The form's fields; a secret left empty keeps the one saved (same kind). */
  config: Record<string, string>;
};

function guard(actor: Actor, shopId: string) {
  assertShopAccess(actor, shopId);
  assertRole(actor, "ADMIN");
}

/** The audit event of a change to a mode's connector: `after` names the mode first, never a secret. */
const auditConnector = (
  tx: Db,
  input: { actor: Actor; shopId: string; mode: ConnectorMode },
  action: string,
  after: Prisma.InputJsonObject,
) =>
  recordAuditEvent(tx, {
    actor: input.actor,
    action: `shop.connector.${action}`,
    shopId: input.shopId,
    after: { mode: input.mode, ...after },
  });

/** Saves the mode's connector: a changed config must be tested again (verifiedAt cleared). */
export async function saveShopConnector(db: Db, input: SaveConnectorInput) {
  guard(input.actor, input.shopId);
  const connector = connectorFor(input.kind);
  const existing = await db.shopConnector.findUnique({
    where: { shopId_mode: { shopId: input.shopId, mode: input.mode } },
    select: { kind: true, configEnc: true },
  });
  const kept: Record<string, unknown> = existing?.kind === input.kind ? JSON.parse(decryptSecret(existing.configEnc)) : {};
  const raw: Record<string, unknown> = { ...input.config };
  for (const k of connector.secretFields) if (!raw[k] && kept[k]) raw[k] = kept[k];
  const parsed = connector.configSchema.safeParse(raw);
  if (!parsed.success) {
    const fields: FieldErrors = {};
    for (const issue of parsed.error.issues)
      fields[String(issue.path[0])] ??= issue.message.startsWith("err_") ? issue.message : "err_connector_field";
    throw new AppError("VALIDATION", `invalid ${input.kind} config: ${Object.keys(fields).join(", ")}`, {
      fields,
      publicMessage: "invalid_input",
    });
  }
  const config = parsed.data as Record<string, unknown>;
  const publicConfig: Record<string, string> = Object.fromEntries(
    Object.entries(config)
      .filter(([k]) => !(connector.secretFields as readonly string[]).includes(k))
      .map(([k, v]) => [k, String(v)]),
  );
  const data = { kind: input.kind, configEnc: encryptSecret(JSON.stringify(config)), publicConfig, verifiedAt: null, verifyError: null };
  return db.$transaction(async (tx) => {
    const row = await tx.shopConnector.upsert({
      where: { shopId_mode: { shopId: input.shopId, mode: input.mode } },
      create: { shopId: input.shopId, mode: input.mode, ...data },
      update: data,
      select: { id: true },
    });
    // The public part only: a secret never reaches the audit log.
    await auditConnector(tx, input, "save", { kind: input.kind, ...publicConfig });
    return row;
  });
}

/** "Test the connection": the connector's harmless authenticated call, its result kept. */
export async function verifyShopConnector(db: Db, input: { actor: Actor; shopId: string; mode: ConnectorMode }) {
  guard(input.actor, input.shopId);
  const row = await db.shopConnector.findUnique({
    where: { shopId_mode: { shopId: input.shopId, mode: input.mode } },
    select: { id: true, kind: true, configEnc: true },
  });
  if (!row) throw new AppError("NOT_FOUND", "no connector to test", { publicMessage: "err_connector_none" });
  const connector = connectorFor(row.kind);
  const config = connector.configSchema.parse(JSON.parse(decryptSecret(row.configEnc)));
  // No transaction open: a network call.
  const result = await connector.verify(config, input.mode);
  const verifiedAt = result.ok ? new Date() : null;
  const verifyError = result.ok ? null : `${result.code}: ${result.message}`.slice(0, 500);
  await db.$transaction(async (tx) => {
    await tx.shopConnector.update({ where: { id: row.id }, data: { verifiedAt, verifyError } });
    await auditConnector(tx, input, "verify", { kind: row.kind, ok: result.ok, ...(verifyError ? { error: verifyError } : {}) });
  });
  return result;
}

/** Removes a mode's connector: PRODUCTION orders can no longer be paid, TEST ones go back to the sandbox. */
export async function removeShopConnector(db: Db, input: { actor: Actor; shopId: string; mode: ConnectorMode }) {
  guard(input.actor, input.shopId);
  await db.$transaction(async (tx) => {
    const { count } = await tx.shopConnector.deleteMany({ where: { shopId: input.shopId, mode: input.mode } });
    if (count) await auditConnector(tx, input, "remove", {});
  });
}

export type ConnectorSettings = {
  id: string;
  mode: ConnectorMode;
  kind: ConnectorKind;
  publicConfig: Record<string, string>;
  verifiedAt: Date | null;
  verifyError: string | null;
  updatedAt: Date;
};

/** What the settings page shows per mode: never a secret. */
export async function getConnectorSettings(db: Db, input: { actor: Actor; shopId: string }): Promise<ConnectorSettings[]> {
  guard(input.actor, input.shopId);
  const rows = await db.shopConnector.findMany({
    where: { shopId: input.shopId },
    select: { id: true, mode: true, kind: true, publicConfig: true, verifiedAt: true, verifyError: true, updatedAt: true },
    orderBy: { mode: "asc" },
  });
  return rows.map((r) => ({ ...r, publicConfig: r.publicConfig as Record<string, string> }));
}
