// The official Stripe SDK, set up for one shop's secret key, and how Stripe's objects read as ours:
// a PaymentIntent (with its latest charge expanded) as a ProcessorOutcome — the card's brand, last
// 4 digits and expiry only (Stripe never gives us the number; we never ask) — and an SDK error as
// an operation's error. The API's address is api.stripe.com unless STRIPE_API_URL says otherwise
// (an operator setting, used by the tests' local fake Stripe): never a tenant's input.
import Stripe from "stripe";
import type { OperationResult, ProcessorOutcome } from "./types";

const TIMEOUT_MS = 20_000;

export function stripeClient(secretKey: string): Stripe {
  const base = process.env.STRIPE_API_URL?.trim();
  const where = base ? new URL(base) : null;
  return new Stripe(secretKey, {
    // A POST is retried once on a network error, with the same idempotency key.
    maxNetworkRetries: 1,
    timeout: TIMEOUT_MS,
    appInfo: { name: "payment-orders" },
    telemetry: false,
    ...(where
      ? {
          host: where.hostname,
          port: where.port || (where.protocol === "https:" ? 443 : 80),
          protocol: where.protocol === "https:" ? "https" : "http",
        }
      : {}),
  });
}

/** The mode a key belongs to: `sk_live_` / `rk_live_` take real money. */
export const keyIsLive = (secretKey: string) => /^(sk|rk)_live_/.test(secretKey);

const BRANDS: Record<string, string> = {
  visa: "VISA",
  mastercard: "MASTERCARD",
  amex: "AMEX",
  discover: "DISCOVER",
  jcb: "JCB",
  diners: "DINERS",
  unionpay: "UNIONPAY",
  cartes_bancaires: "CB",
};
export const brandOfStripe = (brand: string | null | undefined) => (brand && BRANDS[brand]) || "CARD";

/**
 * The saved card of a Checkout with setup_future_usage: "<customer id>:<payment method id>" — what
 * an off-session PaymentIntent needs (CardAlias.processorToken).
 */
export const aliasTokenOf = (customer: string, paymentMethod: string) => `${customer}:${paymentMethod}`;
export function parseAliasToken(token: string): { customer: string; paymentMethod: string } | null {
  const m = /^(cus_[A-Za-z0-9_]+):(pm_[A-Za-z0-9_]+)$/.exec(token);
  return m?.[1] && m[2] ? { customer: m[1], paymentMethod: m[2] } : null;
}

const idOf = (v: string | { id: string } | null | undefined) => (typeof v === "string" ? v : (v?.id ?? null));

/**
 * A PaymentIntent's state as our outcome for `attemptId`: ACCEPTED when authorised
 * (requires_capture) or paid (succeeded); REFUSED when its last attempt was declined; null while
 * the buyer may still pay (nothing to record yet).
 */
export function outcomeOfIntent(attemptId: string, pi: Stripe.PaymentIntent): ProcessorOutcome | null {
  const charge = typeof pi.latest_charge === "object" ? pi.latest_charge : null;
  const card = charge?.payment_method_details?.card ?? null;
  const cardFields = card
    ? {
        brand: brandOfStripe(card.brand),
        maskedPan: `XXXXXXXXXXXX${card.last4 ?? "0000"}`,
        expiryMonth: card.exp_month,
        expiryYear: card.exp_year,
      }
    : {};
  const base = { attemptId, amount: pi.amount, currency: pi.currency.toUpperCase(), processorRef: pi.id };
  if (pi.status === "succeeded" || pi.status === "requires_capture") {
    const customer = idOf(pi.customer);
    const pm = idOf(pi.payment_method);
    return {
      ...base,
      ...cardFields,
      status: "ACCEPTED",
      captured: pi.status === "succeeded",
      aliasToken: pi.setup_future_usage && customer && pm ? aliasTokenOf(customer, pm) : undefined,
    };
  }
  const err = pi.last_payment_error;
  if (err) {
    const declined = err.payment_method?.card;
    return {
      ...base,
      ...(declined
        ? {
            brand: brandOfStripe(declined.brand),
            maskedPan: `XXXXXXXXXXXX${declined.last4}`,
            expiryMonth: declined.exp_month,
            expiryYear: declined.exp_year,
          }
        : cardFields),
      status: "REFUSED",
      errorCode: err.decline_code ?? err.code ?? "card_declined",
      errorMessage: err.message ?? "declined",
    };
  }
  return null;
}

/** An SDK error as an operation's failure (code: Stripe's error code, else its type). */
export function stripeFailure(e: unknown): { ok: false; code: string; message: string } {
  if (e instanceof Stripe.errors.StripeError) {
    return { ok: false, code: e.code ?? e.type, message: e.message };
  }
  return { ok: false, code: "NETWORK", message: e instanceof Error ? e.message : String(e) };
}

/** A failure after which Stripe may or may not have acted (network, timeout, Stripe's own 5xx). */
export function isUnknownOutcome(e: unknown): boolean {
  return (
    !(e instanceof Stripe.errors.StripeError) ||
    e instanceof Stripe.errors.StripeConnectionError ||
    e instanceof Stripe.errors.StripeAPIError ||
    (e.statusCode ?? 0) >= 500
  );
}

export async function stripeOperation(run: () => Promise<OperationResult>): Promise<OperationResult> {
  try {
    return await run();
  } catch (e) {
    return stripeFailure(e);
  }
}
