// The steps of a batch of SMS or WhatsApp messages that do not depend on the channel: claim them,
// fail those whose order closed meanwhile (the order left as it is), render each text, and once
// the channel's provider answered, record it at once: accepted → SENT; refused or unreachable →
// retried on the channel's schedule, or FAILED for good. Then one log line per message.
import type { Db } from "../server/db";
import { loadTemplatesOf } from "../templates/resolve-template";
import { logDeliveries } from "./log-deliveries";
import { afterFailure, closedOrderReason, recordRetry, retrySchedule } from "./message-delivery";
import {
  type ClaimedPhoneMessage,
  claimPhoneMessages,
  mapLimit,
  type PhoneChannel,
  phoneText,
  recordAccepted,
  recordFailed,
} from "./phone-delivery";
import type { ProviderOutcome } from "./provider-http";

export type DeliveryCounts = { sent: number; failed: number; retried: number };
type DeliveryOutcome = keyof DeliveryCounts;

/** What the channel sent: the provider's answer and what to record with an accepted message. */
export type PhoneSend = {
  res: ProviderOutcome;
  segments?: number | null;
  encoding?: string | null;
  /** No delivery report will come (WhatsApp): accepted is delivered. */
  deliveredOnAccept: boolean;
};

/** Sends one message on its channel, or fails it before (`fail`: FAILED at once, with its reason). */
export type PhoneSender = (
  m: ClaimedPhoneMessage,
  rendered: ReturnType<typeof phoneText>,
  fail: (reason: string) => Promise<"failed">,
) => Promise<PhoneSend | "failed">;

export async function deliverPhoneBatch(
  db: Db,
  channel: PhoneChannel,
  messageIds: string[],
  opts: {
    concurrency: number;
    /** A message that fails before its provider accepted it gets its credits back (SMS). */
    refund: boolean;
    /** Called once the batch is claimed (not for an empty one): the channel's account, ready to send. */
    sender: () => PhoneSender;
  },
): Promise<{ rows: ClaimedPhoneMessage[]; counts: DeliveryCounts }> {
  const rows = await claimPhoneMessages(db, channel, messageIds);
  if (!rows.length) return { rows, counts: { sent: 0, failed: 0, retried: 0 } };
  const templates = await loadTemplatesOf(db, rows);
  const schedule = retrySchedule(channel);
  const send = opts.sender();
  const { refund } = opts;

  const outcomes = await mapLimit(rows, opts.concurrency, async (m): Promise<DeliveryOutcome> => {
    const reason = closedOrderReason(m);
    if (reason) {
      await recordFailed(db, { id: m.id, reason, language: null, text: null, refund, touchOrder: false });
      return "failed";
    }
    const rendered = phoneText(m, channel, templates);
    const { text, language } = rendered;
    const fail = async (reason: string) => {
      await recordFailed(db, { id: m.id, reason, language, text, refund, touchOrder: true });
      return "failed" as const;
    };
    const sent = await send(m, rendered, fail);
    if (sent === "failed") return "failed";
    const { res, ...accepted } = sent;
    if (res.ok) {
      await recordAccepted(db, { id: m.id, text, language, providerMessageId: res.id, providerStatus: res.status, ...accepted });
      return "sent";
    }
    const next = afterFailure({ reason: `${res.code}: ${res.reason}`, permanent: res.permanent }, m.attempts, schedule);
    if (next.status === "FAILED") return fail(next.reason);
    await recordRetry(db, channel, { id: m.id, reason: next.reason, after: next.after, language });
    return "retried";
  });
  logDeliveries(channel, rows, outcomes);
  const count = (s: DeliveryOutcome) => outcomes.filter((o) => o === s).length;
  return { rows, counts: { sent: count("sent"), failed: count("failed"), retried: count("retried") } };
}
