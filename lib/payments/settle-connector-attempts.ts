// Attempts on a processor's hosted page whose notification never came (stripe20, issue 20): past
// the page's life, the connector closes the attempt at the processor (Stripe: the Checkout Session
// expired) and says what became of it; the answer is recorded like a notification
// (recordProcessorOutcome: once, a late acceptance still recorded). Run by the attempts sweep.
import { subMinutes } from "date-fns";
import type { Db } from "../server/db";
import { logger } from "../server/logger";
import { CONNECTOR_KINDS, connectorFor } from "./connectors/registry";
import { getShopConnectorById } from "./connectors/shop-connector";
import type { ConnectorKind } from "./connectors/types";
import { recordProcessorOutcome } from "./record-processor-outcome";

/** Longer than any hosted page's life (a Stripe Checkout Session: 31 minutes), so the buyer is never cut short. */
export const CONNECTOR_ATTEMPT_MINUTES = 45;

const BATCH = 100;

/** The connector kinds that settle their own stale attempts (the plain sweep leaves those alone). */
export function settlingKinds(): ConnectorKind[] {
  return CONNECTOR_KINDS.filter((k) => {
    try {
      return typeof connectorFor(k).settleAttempt === "function";
    } catch {
      return false;
    }
  });
}

export async function settleConnectorAttempts(db: Db, now = new Date()): Promise<{ settled: number; waiting: number }> {
  const kinds = settlingKinds();
  if (kinds.length === 0) return { settled: 0, waiting: 0 };
  const stale = await db.$queryRaw<{ id: string; connectorId: string; processorRef: string | null }[]>`
    SELECT a.id, a."connectorId", a."processorRef" FROM "PaymentAttempt" a JOIN "ShopConnector" c ON c.id = a."connectorId"
    WHERE a.status = 'PENDING' AND a."createdAt" < ${subMinutes(now, CONNECTOR_ATTEMPT_MINUTES)} AND c.kind::text = ANY(${kinds}::text[])
    ORDER BY a."createdAt" LIMIT ${BATCH}`;
  let settled = 0;
  let waiting = 0;
  for (const a of stale) {
    try {
      const c = await getShopConnectorById(db, a.connectorId);
      // Network call, no transaction open.
      const outcome = c?.connector.settleAttempt
        ? await c.connector.settleAttempt(c.config, c.mode, { attemptId: a.id, processorRef: a.processorRef })
        : null;
      if (!c || !outcome) {
        waiting++;
        continue;
      }
      await recordProcessorOutcome(db, { ...outcome, connectorId: c.id });
      settled++;
    } catch (e) {
      waiting++;
      logger.warn({ attemptId: a.id, err: e instanceof Error ? e.message : String(e) }, "stale processor attempt not settled");
    }
  }
  return { settled, waiting };
}
