// POST /api/connectors/<shopConnectorId>/notify — a processor's server-to-server notification
// (Lyra's IPN, Stripe's webhook): checked by the connector with the shop's key, recorded once by
// recordProcessorOutcome. A notification that fails the check is refused (400) and logged.
import type { Db } from "../../server/db";
import { isAppError } from "../../server/errors";
import { logger } from "../../server/logger";
import { recordProcessorOutcome } from "../record-processor-outcome";
import { getShopConnectorById } from "./shop-connector";

export type NotifyRequest = { shopConnectorId: string; method: string; headers: Record<string, string | undefined>; rawBody: string };
export type NotifyResponse = { status: number; headers: Record<string, string>; body: string };

const plain = (status: number, body: string): NotifyResponse => ({
  status,
  headers: { "Content-Type": "text/plain; charset=utf-8" },
  body,
});

export const NOTIFY_PATH = /^\/api\/connectors\/([0-9a-f-]{36})\/notify$/;

export async function handleConnectorNotification(db: Db, req: NotifyRequest): Promise<NotifyResponse> {
  if (req.method !== "POST") return { ...plain(405, "Method not allowed"), headers: { Allow: "POST" } };
  const c = await getShopConnectorById(db, req.shopConnectorId);
  if (!c) {
    logger.warn({ shopConnectorId: req.shopConnectorId }, "processor notification for an unknown connector refused");
    return plain(404, "unknown connector");
  }
  const checked = await c.connector.handleNotification(c.config, c.mode, {
    method: req.method,
    headers: req.headers,
    rawBody: req.rawBody,
  });
  if (!checked.ok) {
    logger.warn({ shopConnectorId: c.id, shopId: c.shopId, kind: c.kind, reason: checked.reason }, "processor notification refused");
    return plain(400, "refused");
  }
  const reply = checked.reply
    ? { status: checked.reply.status, headers: { "Content-Type": checked.reply.contentType }, body: checked.reply.body }
    : plain(200, "OK");
  if ("ignored" in checked) {
    logger.info({ shopConnectorId: c.id, why: checked.ignored }, "processor notification ignored");
    return reply;
  }
  try {
    const r = await recordProcessorOutcome(db, { ...checked.outcome, connectorId: c.id });
    logger.info({ shopConnectorId: c.id, attemptId: checked.outcome.attemptId, outcome: r.outcome }, "processor notification recorded");
    return reply;
  } catch (e) {
    if (isAppError(e) && (e.code === "NOT_FOUND" || e.code === "CONFLICT")) {
      logger.warn(
        { shopConnectorId: c.id, attemptId: checked.outcome.attemptId, code: e.code, err: e.message },
        "processor notification refused",
      );
      return plain(e.code === "NOT_FOUND" ? 404 : 409, "refused");
    }
    throw e;
  }
}
