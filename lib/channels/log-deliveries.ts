import { logger } from "../server/logger";
import { jobRequestId } from "../server/request-context";

/**
 * One log line per message of a delivery batch (outcomes in the rows' order): the order and
 * message ids and the request that queued it, so an order can be followed from web to worker.
 * Never the text, the body or the recipient.
 */
export function logDeliveries(
  channel: "MAIL" | "SMS" | "WHATSAPP",
  rows: { id: string; orderId: string }[],
  outcomes: ({ status: string; reason?: string } | string)[],
) {
  rows.forEach((m, i) => {
    const o = outcomes[i];
    if (o === undefined) return;
    const outcome = (typeof o === "string" ? o : o.status).toLowerCase();
    const reason = typeof o === "string" ? undefined : o.reason;
    const line = { channel, orderId: m.orderId, messageId: m.id, outcome, reqId: jobRequestId(m.id), ...(reason ? { reason } : {}) };
    if (outcome === "failed") logger.warn(line, "message not delivered");
    else logger.info(line, "message delivery");
  });
}
