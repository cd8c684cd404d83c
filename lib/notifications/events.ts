// What a notification rule can listen to (F-SET-3). Each event is raised inside the transaction
// of the state change that causes it (queue-notifications.ts), so none is ever lost.
export const NOTIFICATION_EVENTS = [
  "PAYMENT_ACCEPTED",
  "PAYMENT_REFUSED",
  "ORDER_EXPIRED",
  "ORDER_CANCELLED",
  "TRANSACTION_VALIDATED",
  "TRANSACTION_CAPTURED",
  "TRANSACTION_CANCELLED",
  // A later instalment refused on its last try (issue 12): with that refused transaction.
  "INSTALMENT_FAILED",
  // refunds20: a refund (its own CREDIT transaction) accepted by the processor.
  "TRANSACTION_REFUNDED",
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

/** Events after which the API spec's IPN goes to an order's own ipnTargetUrl even without a rule. */
export const IPN_EVENTS: readonly NotificationEvent[] = ["PAYMENT_ACCEPTED", "PAYMENT_REFUSED", "TRANSACTION_REFUNDED"];

/** The only event source so far ("event source is in list: payment order"). */
export const NOTIFICATION_SOURCES = ["PAYMENT_ORDER"] as const;

/** Signing keys of the REST format: the IPN's (the mode's REST password) or the HMAC key. */
export const HASH_KEYS = ["password", "sha256_hmac"] as const;
export type HashKey = (typeof HASH_KEYS)[number];

/**
 * Retry schedule after a failed attempt, in seconds (WEBHOOK_RETRY_SCHEDULE, comma-separated):
 * by default 1 min, 5 min, 15 min, 1 h, 4 h, 12 h, 24 h; after the last one, the alert e-mail.
 */
export function webhookRetrySchedule(): number[] {
  const raw = process.env.WEBHOOK_RETRY_SCHEDULE ?? "60,300,900,3600,14400,43200,86400";
  const list = raw
    .split(",")
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isFinite(n) && n >= 0);
  return list.length ? list : [60, 300, 900, 3600, 14400, 43200, 86400];
}
