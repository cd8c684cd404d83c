// Stripe Checkout through the official SDK (issue 20). Each attempt is one Checkout Session (the
// attempt's id in its metadata and as its idempotency key); the buyer types the card on Stripe's
// page and comes back to our return route; the webhooks (verified with the endpoint's signing
// secret by `stripe.webhooks.constructEvent`) and the return both read the session's PaymentIntent
// and give the same outcome, which recordProcessorOutcome records once. A declined card leaves the
// session open on Stripe's page (the buyer may try another card there): the refusal is recorded
// when the session ends unpaid — the buyer's "back" link (we expire the session first, so nothing
// can be paid on it afterwards) or Stripe's checkout.session.expired. Capture and cancel act on the
// PaymentIntent, refunds go through Refunds, later instalments are off-session PaymentIntents on
// the card saved with setup_future_usage.
import type Stripe from "stripe";
import { z } from "zod";
import { logger } from "../../server/logger";
import {
  isUnknownOutcome,
  keyIsLive,
  outcomeOfIntent,
  parseAliasToken,
  stripeClient,
  stripeFailure,
  stripeOperation,
} from "./stripe-client";
import type { ConnectorMode, PaymentConnector, ProcessorOutcome } from "./types";

export const stripeConfigSchema = z.object({
  /** The account's secret key (or a restricted key with Checkout, PaymentIntents, Refunds, Balance). */
  secretKey: z
    .string()
    .trim()
    .regex(/^(sk|rk)_(test|live)_[A-Za-z0-9]{8,247}$/, "err_stripe_secret_key"),
  /** The webhook endpoint's signing secret (Developers › Webhooks › the endpoint › Signing secret). */
  webhookSecret: z
    .string()
    .trim()
    .regex(/^whsec_[A-Za-z0-9+/=]{8,200}$/, "err_stripe_webhook_secret"),
});
export type StripeConfig = z.infer<typeof stripeConfigSchema>;

/** A Checkout Session lives 30 minutes, the shortest Stripe allows: an attempt is not left open longer. */
export const STRIPE_SESSION_MINUTES = 30;

const ATTEMPT_ID = /^[0-9a-f]{32}$/;
const EXPANDED = ["payment_intent.latest_charge"];

/** A live key for PRODUCTION, a test key for TEST: a test key never takes a PRODUCTION order's money. */
function keyMatches(config: StripeConfig, mode: ConnectorMode) {
  return keyIsLive(config.secretKey) === (mode === "PRODUCTION");
}

const CHECKOUT_LOCALES = new Set(["fr", "en", "de", "es", "it", "nl", "pt"]);

/** An ended (or ending) session's outcome; null while it is open and `close` is false. */
async function sessionOutcome(stripe: Stripe, attemptId: string, sessionId: string, close: boolean): Promise<ProcessorOutcome | null> {
  let s = await stripe.checkout.sessions.retrieve(sessionId, { expand: EXPANDED });
  if (s.metadata?.attemptId !== attemptId) return null;
  if (s.status === "open") {
    if (!close) return null;
    try {
      // Nothing can be paid on it afterwards: the refusal or abandonment recorded below is final.
      s = await stripe.checkout.sessions.expire(sessionId, { expand: EXPANDED });
    } catch (e) {
      s = await stripe.checkout.sessions.retrieve(sessionId, { expand: EXPANDED });
      if (s.status === "open") throw e;
    }
  }
  const pi = typeof s.payment_intent === "object" ? s.payment_intent : null;
  const fromIntent = pi ? outcomeOfIntent(attemptId, pi) : null;
  if (s.status === "complete") return fromIntent;
  if (fromIntent?.status === "REFUSED") return fromIntent;
  return {
    attemptId,
    status: "ABANDONED",
    amount: s.amount_total ?? 0,
    currency: (s.currency ?? "").toUpperCase(),
    processorRef: pi?.id ?? s.id,
  };
}

const IGNORED = { status: 200, contentType: "application/json", body: '{"received":true}' };

export const stripeConnector: PaymentConnector<StripeConfig> = {
  kind: "STRIPE",
  capabilities: {
    manualValidation: true,
    // Stripe captures at once or when the merchant validates; it has no capture date of its own.
    captureDelay: false,
    aliases: true,
    instalments: true,
    buyerAmount: false,
    partialRefund: true,
  },
  configSchema: stripeConfigSchema,
  secretFields: ["secretKey", "webhookSecret"],

  async verify(config, mode) {
    if (!keyMatches(config, mode)) {
      return mode === "PRODUCTION"
        ? { ok: false, code: "TEST_KEY", message: "PRODUCTION takes a live key (sk_live_… or rk_live_…)" }
        : { ok: false, code: "LIVE_KEY", message: "TEST takes a test key (sk_test_… or rk_test_…)" };
    }
    try {
      const balance = await stripeClient(config.secretKey).balance.retrieve();
      if (balance.livemode !== (mode === "PRODUCTION"))
        return { ok: false, code: "MODE", message: "the key's mode is not this connector's" };
      return { ok: true };
    } catch (e) {
      const f = stripeFailure(e);
      return { ok: false, code: f.code, message: f.message };
    }
  },

  async startPayment(ctx) {
    const { config, order } = ctx;
    if (!keyMatches(config, order.mode)) throw new Error(`the Stripe key's mode is not ${order.mode}`);
    const metadata = { orderId: order.id, attemptId: ctx.attemptId, shopConnectorId: ctx.shopConnectorId };
    const sep = ctx.returnUrl.includes("?") ? "&" : "?";
    const session = await stripeClient(config.secretKey).checkout.sessions.create(
      {
        mode: "payment",
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: ctx.currency.toLowerCase(),
              unit_amount: ctx.amount,
              product_data: { name: (order.reference ?? order.id).slice(0, 250) },
            },
          },
        ],
        client_reference_id: ctx.attemptId,
        metadata,
        payment_intent_data: {
          metadata,
          capture_method: order.validationMode === "MANUAL" ? "manual" : "automatic",
          ...(ctx.saveCard ? { setup_future_usage: "off_session" as const } : {}),
        },
        ...(ctx.saveCard ? { customer_creation: "always" as const } : {}),
        ...(order.buyerEmail ? { customer_email: order.buyerEmail } : {}),
        locale: (CHECKOUT_LOCALES.has(order.lang) ? order.lang : "auto") as Stripe.Checkout.SessionCreateParams.Locale,
        // Stripe fills in {CHECKOUT_SESSION_ID} itself: it must stay unencoded.
        success_url: `${ctx.returnUrl}${sep}stripe=success&session_id={CHECKOUT_SESSION_ID}`,
        cancel_url: `${ctx.returnUrl}${sep}stripe=cancel`,
        expires_at: Math.floor(ctx.now.getTime() / 1000) + STRIPE_SESSION_MINUTES * 60 + 60,
      },
      { idempotencyKey: `checkout-${ctx.attemptId}` },
    );
    if (!session.url) throw new Error("Stripe answered a Checkout Session without a URL");
    return { type: "redirect", url: session.url, processorRef: session.id };
  },

  async handleNotification(config, mode, req) {
    const signature = req.headers["stripe-signature"];
    if (!signature) return { ok: false, reason: "unsigned (no Stripe-Signature header)" };
    const stripe = stripeClient(config.secretKey);
    let event: Stripe.Event;
    try {
      event = stripe.webhooks.constructEvent(req.rawBody, signature, config.webhookSecret);
    } catch (e) {
      return { ok: false, reason: `signature refused: ${e instanceof Error ? e.message : String(e)}` };
    }
    if (event.livemode !== (mode === "PRODUCTION")) {
      return { ok: false, reason: `a ${event.livemode ? "live" : "test"} event sent to the ${mode} connector` };
    }
    switch (event.type) {
      case "checkout.session.completed":
      case "checkout.session.async_payment_succeeded":
      case "checkout.session.async_payment_failed":
      case "checkout.session.expired": {
        const s = event.data.object;
        const attemptId = s.metadata?.attemptId ?? "";
        if (!ATTEMPT_ID.test(attemptId)) return { ok: true, ignored: "not one of our sessions", reply: IGNORED };
        const outcome = await sessionOutcome(stripe, attemptId, s.id, false);
        return outcome ? { ok: true, outcome, reply: IGNORED } : { ok: true, ignored: `session ${s.status}`, reply: IGNORED };
      }
      case "payment_intent.succeeded":
      case "payment_intent.amount_capturable_updated": {
        const attemptId = event.data.object.metadata?.attemptId ?? "";
        // Later instalments are recorded by the charge job from the API's answer.
        if (!ATTEMPT_ID.test(attemptId) || event.data.object.metadata?.kind === "instalment") {
          return { ok: true, ignored: "not a Checkout payment of ours", reply: IGNORED };
        }
        const pi = await stripe.paymentIntents.retrieve(event.data.object.id, { expand: ["latest_charge"] });
        const outcome = outcomeOfIntent(attemptId, pi);
        return outcome?.status === "ACCEPTED"
          ? { ok: true, outcome, reply: IGNORED }
          : { ok: true, ignored: `payment intent ${pi.status}`, reply: IGNORED };
      }
      case "payment_intent.payment_failed": {
        // The session stays open: the buyer may try another card on Stripe's page.
        const err = event.data.object.last_payment_error;
        logger.info({ paymentIntent: event.data.object.id, code: err?.decline_code ?? err?.code }, "stripe: card declined on Checkout");
        return { ok: true, ignored: "declined, the session stays open", reply: IGNORED };
      }
      default:
        return { ok: true, ignored: event.type, reply: IGNORED };
    }
  },

  async handleReturn(config, _mode, req) {
    const sessionId = req.processorRef;
    if (!sessionId) return null;
    const given = req.query.get("session_id");
    if (given && given !== sessionId) {
      logger.warn({ attemptId: req.attemptId }, "stripe: return for another session");
      return null;
    }
    return sessionOutcome(stripeClient(config.secretKey), req.attemptId, sessionId, req.query.get("stripe") === "cancel");
  },

  async settleAttempt(config, _mode, req) {
    if (!req.processorRef) return null;
    return sessionOutcome(stripeClient(config.secretKey), req.attemptId, req.processorRef, true);
  },

  async capture(ctx) {
    return stripeOperation(async () => {
      // The amount validated (at most the authorisation: Stripe releases the rest).
      const pi = await stripeClient(ctx.config.secretKey).paymentIntents.capture(
        ctx.processorRef,
        { amount_to_capture: ctx.amount },
        { idempotencyKey: `capture-${ctx.transactionId}` },
      );
      return { ok: true, status: "CAPTURED", processorRef: pi.id };
    });
  },

  async cancel(ctx) {
    return stripeOperation(async () => {
      const pi = await stripeClient(ctx.config.secretKey).paymentIntents.cancel(
        ctx.processorRef,
        { cancellation_reason: "requested_by_customer" },
        { idempotencyKey: `cancel-${ctx.transactionId}` },
      );
      return { ok: true, status: "CANCELLED", processorRef: pi.id };
    });
  },

  async refund(ctx) {
    return stripeOperation(async () => {
      const refund = await stripeClient(ctx.config.secretKey).refunds.create(
        {
          payment_intent: ctx.processorRef,
          amount: ctx.amount,
          metadata: { transactionId: ctx.transactionId, ...(ctx.operationId ? { refundId: ctx.operationId } : {}) },
        },
        { idempotencyKey: `refund-${ctx.operationId ?? `${ctx.transactionId}-${ctx.amount}`}` },
      );
      if (refund.status === "failed" || refund.status === "canceled") {
        return { ok: false, code: refund.failure_reason ?? refund.status, message: `the refund ${refund.status}` };
      }
      return { ok: true, status: refund.status === "succeeded" ? "REFUNDED" : "PENDING", processorRef: refund.id };
    });
  },

  async chargeAlias(ctx) {
    const alias = parseAliasToken(ctx.aliasToken);
    const base = { attemptId: ctx.attemptId, amount: ctx.amount, currency: ctx.currency };
    if (!alias)
      return { ...base, status: "REFUSED", processorRef: "", errorCode: "invalid_alias", errorMessage: "not a Stripe saved card" };
    try {
      const pi = await stripeClient(ctx.config.secretKey).paymentIntents.create(
        {
          amount: ctx.amount,
          currency: ctx.currency.toLowerCase(),
          customer: alias.customer,
          payment_method: alias.paymentMethod,
          off_session: true,
          confirm: true,
          capture_method: ctx.validationMode === "MANUAL" ? "manual" : "automatic",
          // No attempt id here: a replacement attempt sends the same parameters under the same key
          // (Stripe refuses a key reused with other parameters) and gets the first answer back.
          metadata: { orderId: ctx.orderId, kind: "instalment" },
          expand: ["latest_charge"],
        },
        { idempotencyKey: `instalment-${ctx.idempotencyKey ?? ctx.attemptId}` },
      );
      return (
        outcomeOfIntent(ctx.attemptId, pi) ?? {
          ...base,
          status: "REFUSED",
          processorRef: pi.id,
          errorCode: pi.status,
          errorMessage: pi.status,
        }
      );
    } catch (e) {
      // Only an unknown outcome (network, Stripe's 5xx) is thrown: the attempt then waits for the sweep.
      if (isUnknownOutcome(e)) throw e;
      const f = stripeFailure(e);
      const ref = (e as { payment_intent?: { id?: string } }).payment_intent?.id ?? "";
      return {
        ...base,
        status: "REFUSED",
        processorRef: ref,
        errorCode: (e as { decline_code?: string }).decline_code ?? f.code,
        errorMessage: f.message,
      };
    }
  },
};
