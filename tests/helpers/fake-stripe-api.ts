// The fake Stripe's REST API (fake-stripe.ts): authentication, idempotency replays, the resources
// the Stripe connector uses and `expand[]`. Answers as Stripe's API does, errors included.
import { type ApiRequest, approvePayment, createPaymentIntent, declinePayment, type FakeState } from "./fake-stripe";
import { invalidRequest, missing, newId, now, type Obj, StripeWireError, ZERO_DECIMAL } from "./fake-stripe-wire";

type Reply = { status: number; body: Obj; replayed?: boolean };
type Route = { method: string; re: RegExp; run: (fake: FakeState, r: ApiRequest, id: string) => Obj };

const idempotency = new WeakMap<FakeState, Map<string, { route: string; raw: string; reply: Reply }>>();

export function handleApi(fake: FakeState, r: ApiRequest, raw: string): Reply {
  const auth = r.authorization ?? "";
  const key = auth.startsWith("Bearer ")
    ? auth.slice(7)
    : auth.startsWith("Basic ")
      ? Buffer.from(auth.slice(6), "base64").toString().split(":")[0]
      : "";
  if (!key) return err(401, { type: "invalid_request_error", message: "You did not provide an API key." });
  if (key !== fake.secretKey) {
    return err(401, { type: "invalid_request_error", message: `Invalid API Key provided: ${key.slice(0, 8)}****${key.slice(-4)}` });
  }
  const route = ROUTES.find((x) => x.method === r.method && x.re.test(r.path));
  if (!route) return err(404, { type: "invalid_request_error", message: `Unrecognized request URL (${r.method}: ${r.path}).` });
  const store = idempotency.get(fake) ?? new Map();
  idempotency.set(fake, store);
  const routeKey = `${r.method} ${r.path}`;
  if (r.method === "POST" && r.idempotencyKey) {
    const seen = store.get(r.idempotencyKey);
    if (seen && (seen.route !== routeKey || seen.raw !== raw)) {
      return err(400, {
        type: "idempotency_error",
        message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${r.idempotencyKey}' if you meant to execute a different request.`,
      });
    }
    if (seen) return { ...seen.reply, replayed: true };
  }
  let reply: Reply;
  try {
    const id = r.path.match(route.re)?.[1] ?? "";
    const body = route.run(fake, r, id);
    reply = { status: 200, body: expand(fake, body, r.params.expand) };
  } catch (e) {
    if (!(e instanceof StripeWireError)) throw e;
    reply = err(e.status, e.body);
  }
  // Stripe keeps the first answer of a keyed POST (errors included, but not 5xx) for 24 hours.
  if (r.method === "POST" && r.idempotencyKey) store.set(r.idempotencyKey, { route: routeKey, raw, reply });
  return reply;
}

function err(status: number, error: Obj): Reply {
  return { status, body: { error: { ...error, request_log_url: `https://dashboard.stripe.com/test/logs/${newId("req")}` } } };
}

/** `expand[]=payment_intent.latest_charge` and the like: ids replaced by their objects. */
function expand(fake: FakeState, body: Obj, paths: unknown): Obj {
  const out = structuredClone(body);
  for (const path of Array.isArray(paths) ? paths : []) {
    let nodes: Obj[] = [out];
    for (const seg of String(path).split(".")) {
      const next: Obj[] = [];
      for (const node of nodes) {
        const v = node?.[seg];
        if (typeof v === "string" && fake.objects.has(v)) node[seg] = structuredClone(fake.objects.get(v));
        if (node?.[seg] && typeof node[seg] === "object") next.push(node[seg]);
      }
      nodes = next;
    }
  }
  return out;
}

const get = (fake: FakeState, id: string, object: string, kind: string): Obj => {
  const o = fake.objects.get(id);
  if (!o || o.object !== object) throw missing(kind, id);
  return o;
};

const int = (v: unknown, param: string, required = true): number | null => {
  if (v === undefined || v === "") {
    if (required) throw invalidRequest(`Missing required param: ${param}.`, param, "parameter_missing");
    return null;
  }
  if (!/^\d+$/.test(String(v))) throw invalidRequest(`Invalid integer: ${v}`, param, "parameter_invalid_integer");
  return Number(v);
};

function createSession(fake: FakeState, r: ApiRequest): Obj {
  const p = r.params;
  if (p.mode !== "payment")
    throw invalidRequest(p.mode ? `Invalid mode: ${p.mode} (the fake serves payment mode)` : "Missing required param: mode.", "mode");
  if (!p.success_url) throw invalidRequest("Missing required param: success_url.", "success_url", "parameter_missing");
  const items: Obj[] = Array.isArray(p.line_items) ? p.line_items : [];
  if (items.length === 0) throw invalidRequest("Missing required param: line_items.", "line_items", "parameter_missing");
  let total = 0;
  let currency = "";
  items.forEach((item, i) => {
    const pd = item.price_data;
    if (!pd) throw invalidRequest("You must specify either `price` or `price_data` for each line item.", `line_items[${i}]`);
    if (!pd.product_data?.name && !pd.product)
      throw invalidRequest(
        "Missing required param: line_items[0][price_data][product_data][name].",
        `line_items[${i}][price_data][product_data][name]`,
      );
    const c = String(pd.currency ?? "").toLowerCase();
    if (!/^[a-z]{3}$/.test(c)) throw invalidRequest(`Invalid currency: ${pd.currency}.`, `line_items[${i}][price_data][currency]`);
    if (currency && c !== currency)
      throw invalidRequest("All line items must have the same currency.", `line_items[${i}][price_data][currency]`);
    currency = c;
    total +=
      (int(pd.unit_amount, `line_items[${i}][price_data][unit_amount]`) ?? 0) *
      (int(item.quantity ?? "1", `line_items[${i}][quantity]`) ?? 1);
  });
  if (!ZERO_DECIMAL.has(currency) && total < 50) {
    throw invalidRequest(
      "The Checkout Session's total amount due must add up to at least 0.50 in the session's currency.",
      "line_items",
      "amount_too_small",
    );
  }
  const pid = p.payment_intent_data ?? {};
  if (pid.capture_method && !["automatic", "automatic_async", "manual"].includes(pid.capture_method)) {
    throw invalidRequest(
      `Invalid payment_intent_data[capture_method]: must be one of automatic, automatic_async, or manual`,
      "payment_intent_data[capture_method]",
    );
  }
  if (pid.setup_future_usage && !["on_session", "off_session"].includes(pid.setup_future_usage)) {
    throw invalidRequest(
      "Invalid payment_intent_data[setup_future_usage]: must be one of on_session or off_session",
      "payment_intent_data[setup_future_usage]",
    );
  }
  const expiresAt = int(p.expires_at, "expires_at", false) ?? now() + 24 * 3600;
  if (expiresAt < now() + 30 * 60 - 5 || expiresAt > now() + 24 * 3600 + 5) {
    throw invalidRequest(
      "The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.",
      "expires_at",
    );
  }
  const session: Obj = {
    id: newId(fake.livemode ? "cs_live" : "cs_test"),
    object: "checkout.session",
    amount_subtotal: total,
    amount_total: total,
    cancel_url: p.cancel_url ?? null,
    client_reference_id: p.client_reference_id ?? null,
    created: now(),
    currency,
    customer: p.customer ?? null,
    customer_creation: p.customer_creation ?? (p.customer ? null : "if_required"),
    customer_details: null,
    customer_email: p.customer_email ?? null,
    expires_at: expiresAt,
    livemode: fake.livemode,
    locale: p.locale ?? null,
    metadata: p.metadata ?? {},
    mode: "payment",
    payment_intent: null,
    payment_method_types: ["card"],
    payment_status: "unpaid",
    status: "open",
    success_url: p.success_url,
    url: null,
  };
  session.url = `${fake.url}/c/pay/${session.id}`;
  fake.objects.set(session.id, session);
  fake.sessionPi.set(session.id, pid);
  return session;
}

function expireSession(fake: FakeState, id: string): Obj {
  const s = get(fake, id, "checkout.session", "checkout.session");
  if (s.status !== "open")
    throw invalidRequest(
      `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${s.status}".`,
    );
  s.status = "expired";
  s.url = null;
  if (s.payment_intent) {
    const pi = fake.get(s.payment_intent);
    pi.status = "canceled";
    pi.cancellation_reason = "abandoned";
    pi.canceled_at = now();
  }
  fake.emit("checkout.session.expired", s);
  return s;
}

function createIntent(fake: FakeState, r: ApiRequest): Obj {
  const p = r.params;
  const amount = int(p.amount, "amount") as number;
  const currency = String(p.currency ?? "").toLowerCase();
  if (!/^[a-z]{3}$/.test(currency)) throw invalidRequest("Missing required param: currency.", "currency", "parameter_missing");
  const pm = p.payment_method ? get(fake, p.payment_method, "payment_method", "PaymentMethod") : null;
  if (pm && p.customer && pm.customer !== p.customer) {
    throw invalidRequest(`The provided PaymentMethod ${pm.id} does not belong to the Customer ${p.customer}.`, "payment_method");
  }
  if (p.customer) get(fake, p.customer, "customer", "customer");
  const pi = createPaymentIntent(fake, {
    amount,
    currency,
    capture_method: p.capture_method,
    customer: p.customer,
    payment_method: pm?.id,
    metadata: p.metadata,
    description: p.description,
    setup_future_usage: p.setup_future_usage,
  });
  if (p.confirm !== "true") {
    if (pm) pi.status = "requires_confirmation";
    return pi;
  }
  if (!pm)
    throw invalidRequest(
      "You cannot confirm this PaymentIntent because it's missing a payment method.",
      "payment_method",
      "payment_intent_unexpected_state",
    );
  const card = fake.cards.get(pm.id);
  const decline = card?.failsLater
    ? { code: "card_declined", decline_code: "generic_decline", message: "Your card was declined." }
    : card?.decline;
  if (decline) {
    const charge = declinePayment(fake, pi, pm, decline);
    throw new StripeWireError(402, {
      type: "card_error",
      code: decline.code,
      ...(decline.decline_code ? { decline_code: decline.decline_code } : {}),
      message: decline.message,
      charge: charge.id,
      payment_intent: structuredClone(pi),
      payment_method: structuredClone(pm),
    });
  }
  approvePayment(fake, pi, pm);
  return pi;
}

function unexpected(pi: Obj, action: string, allowed: string[]): StripeWireError {
  return invalidRequest(
    `This PaymentIntent could not be ${action} because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be ${action}: ${allowed.join(", ")}.`,
    undefined,
    "payment_intent_unexpected_state",
  );
}

function capture(fake: FakeState, r: ApiRequest, id: string): Obj {
  const pi = get(fake, id, "payment_intent", "payment_intent");
  if (pi.status !== "requires_capture") throw unexpected(pi, "captured", ["requires_capture"]);
  const amount = int(r.params.amount_to_capture, "amount_to_capture", false) ?? pi.amount_capturable;
  if (amount > pi.amount_capturable || amount <= 0) {
    throw invalidRequest("The amount to capture must be a positive integer no greater than the amount capturable.", "amount_to_capture");
  }
  const charge = fake.get(pi.latest_charge);
  pi.status = "succeeded";
  pi.amount_received = amount;
  pi.amount_capturable = 0;
  charge.captured = true;
  charge.amount_captured = amount;
  fake.emit("charge.captured", charge);
  fake.emit("payment_intent.succeeded", pi);
  return pi;
}

function cancel(fake: FakeState, r: ApiRequest, id: string): Obj {
  const pi = get(fake, id, "payment_intent", "payment_intent");
  const allowed = ["requires_payment_method", "requires_capture", "requires_confirmation", "requires_action", "processing"];
  if (!allowed.includes(pi.status)) throw unexpected(pi, "canceled", allowed);
  for (const s of fake.objects.values()) {
    if (s.object === "checkout.session" && s.payment_intent === pi.id && s.status === "open") {
      throw invalidRequest(
        "You cannot cancel this PaymentIntent because it belongs to an open Checkout Session. Expire the Checkout Session instead.",
      );
    }
  }
  const wasAuthorised = pi.status === "requires_capture";
  pi.status = "canceled";
  pi.cancellation_reason = r.params.cancellation_reason ?? null;
  pi.canceled_at = now();
  pi.amount_capturable = 0;
  if (wasAuthorised && pi.latest_charge) {
    // Cancelling an authorisation releases it: Stripe marks the uncaptured charge refunded.
    const charge = fake.get(pi.latest_charge);
    charge.amount_refunded = charge.amount;
    charge.refunded = true;
    fake.emit("charge.refunded", charge);
  }
  fake.emit("payment_intent.canceled", pi);
  return pi;
}

function refund(fake: FakeState, r: ApiRequest): Obj {
  const p = r.params;
  let charge: Obj;
  if (p.payment_intent) {
    const pi = get(fake, p.payment_intent, "payment_intent", "payment_intent");
    if (pi.status === "requires_capture") {
      throw invalidRequest(`This PaymentIntent (${pi.id}) has not been captured yet; cancel it instead of refunding.`, "payment_intent");
    }
    if (pi.status !== "succeeded" || !pi.latest_charge) {
      throw invalidRequest(`This PaymentIntent (${pi.id}) does not have a successful charge to refund.`, "payment_intent");
    }
    charge = fake.get(pi.latest_charge);
  } else if (p.charge) {
    charge = get(fake, p.charge, "charge", "charge");
  } else {
    throw invalidRequest(
      "One of the following params should be provided for this request: payment_intent or charge.",
      undefined,
      "parameter_missing",
    );
  }
  const left = charge.amount_captured - charge.amount_refunded;
  if (left <= 0) throw invalidRequest(`Charge ${charge.id} has already been refunded.`, undefined, "charge_already_refunded");
  const amount = int(p.amount, "amount", false) ?? left;
  if (amount <= 0) throw invalidRequest("Refund amount must be a positive integer.", "amount");
  if (amount > left) {
    throw invalidRequest(`Refund amount (${amount}) is greater than unrefunded amount on charge (${left})`, "amount", "amount_too_large");
  }
  if (p.reason && !["duplicate", "fraudulent", "requested_by_customer"].includes(p.reason)) {
    throw invalidRequest("Invalid reason: must be one of duplicate, fraudulent, or requested_by_customer", "reason");
  }
  const re: Obj = {
    id: newId("re"),
    object: "refund",
    amount,
    balance_transaction: newId("txn"),
    charge: charge.id,
    created: now(),
    currency: charge.currency,
    metadata: p.metadata ?? {},
    payment_intent: charge.payment_intent,
    reason: p.reason ?? null,
    status: "succeeded",
  };
  fake.objects.set(re.id, re);
  charge.amount_refunded += amount;
  charge.refunded = charge.amount_refunded >= charge.amount_captured;
  fake.emit("refund.created", re);
  fake.emit("charge.refunded", charge);
  return re;
}

const ID = "([A-Za-z0-9_]+)";
const ROUTES: Route[] = [
  {
    method: "GET",
    re: /^\/v1\/balance$/,
    run: (fake) => ({
      object: "balance",
      available: [{ amount: 0, currency: "eur", source_types: { card: 0 } }],
      livemode: fake.livemode,
      pending: [{ amount: 0, currency: "eur", source_types: { card: 0 } }],
    }),
  },
  {
    method: "GET",
    re: /^\/v1\/account$/,
    run: () => ({
      id: "acct_fake0000000000",
      object: "account",
      business_profile: { name: "Fake Stripe account" },
      charges_enabled: true,
      country: "FR",
      default_currency: "eur",
      details_submitted: true,
      email: null,
      payouts_enabled: true,
      type: "standard",
    }),
  },
  { method: "POST", re: /^\/v1\/checkout\/sessions$/, run: (f, r) => createSession(f, r) },
  {
    method: "GET",
    re: new RegExp(`^/v1/checkout/sessions/${ID}$`),
    run: (f, _r, id) => get(f, id, "checkout.session", "checkout.session"),
  },
  { method: "POST", re: new RegExp(`^/v1/checkout/sessions/${ID}/expire$`), run: (f, _r, id) => expireSession(f, id) },
  { method: "POST", re: /^\/v1\/payment_intents$/, run: (f, r) => createIntent(f, r) },
  { method: "GET", re: new RegExp(`^/v1/payment_intents/${ID}$`), run: (f, _r, id) => get(f, id, "payment_intent", "payment_intent") },
  { method: "POST", re: new RegExp(`^/v1/payment_intents/${ID}/capture$`), run: capture },
  { method: "POST", re: new RegExp(`^/v1/payment_intents/${ID}/cancel$`), run: cancel },
  { method: "POST", re: /^\/v1\/refunds$/, run: (f, r) => refund(f, r) },
  { method: "GET", re: new RegExp(`^/v1/refunds/${ID}$`), run: (f, _r, id) => get(f, id, "refund", "refund") },
  { method: "GET", re: new RegExp(`^/v1/charges/${ID}$`), run: (f, _r, id) => get(f, id, "charge", "charge") },
  { method: "GET", re: new RegExp(`^/v1/payment_methods/${ID}$`), run: (f, _r, id) => get(f, id, "payment_method", "PaymentMethod") },
  { method: "GET", re: new RegExp(`^/v1/customers/${ID}$`), run: (f, _r, id) => get(f, id, "customer", "customer") },
  { method: "GET", re: new RegExp(`^/v1/events/${ID}$`), run: (f, _r, id) => get(f, id, "event", "event") },
];
