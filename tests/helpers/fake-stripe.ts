// A local Stripe for tests: a real HTTP server speaking Stripe's REST wire format (form-encoded
// bodies, `Authorization: Bearer <secret key>`, the `{ error: { type, code, message } }` envelope,
// `Idempotency-Key` replays) for the calls the Stripe connector makes — Checkout Sessions,
// PaymentIntents (retrieve, capture, cancel, create + confirm off-session), Refunds, balance and
// account —, the hosted Checkout page (fake-stripe-page.ts; Stripe's test cards) and webhooks
// signed as Stripe signs them, so the official SDK (pointed here with its host/port/protocol
// options) and `stripe.webhooks.constructEvent` work unchanged.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { handleApi } from "./fake-stripe-api";
import { checkoutPage } from "./fake-stripe-page";
import {
  invalidRequest,
  judgeCard,
  missing,
  newId,
  now,
  type Obj,
  parseStripeForm,
  type StripeWireError,
  signStripePayload,
  type TestCard,
} from "./fake-stripe-wire";

export { signStripePayload } from "./fake-stripe-wire";

export const FAKE_STRIPE_API_VERSION = "2026-11-18.endive";

export type ApiRequest = { method: string; path: string; params: Obj; idempotencyKey: string | null; authorization: string | null };
export type Delivery = { event: Obj; status: number; body: string };
/**
 * When the webhooks of a completed Checkout are sent: before the buyer's browser is redirected
 * (awaited), just after it, or held until `flushWebhooks()`.
 */
export type WebhookTiming = "before-redirect" | "after-redirect" | "manual";

export type FakeStripe = {
  url: string;
  host: string;
  port: number;
  secretKey: string;
  /** A live key (`sk_live_…`) makes a live-mode fake: its objects and events say livemode: true. */
  livemode: boolean;
  /** The endpoint Stripe posts events to, with its signing secret (`whsec_…`); null: none. */
  webhook: { url: string; secret: string; events?: string[] } | null;
  webhookTiming: WebhookTiming;
  /** Delay of "after-redirect" deliveries. */
  afterRedirectDelayMs: number;
  objects: Map<string, Obj>;
  requests: ApiRequest[];
  deliveries: Delivery[];
  /** Events not yet delivered (timing "manual"). */
  pending: Obj[];
  /** Replies used before the normal answer to the next API requests ("close" drops the socket). */
  script: ({ status: number; body: Obj; replayed?: boolean } | "close")[];
  get(id: string): Obj;
  /** The buyer pays on the hosted page (same path as the HTML form); returns where the browser goes. */
  pay(sessionId: string, card: { number: string; name?: string; email?: string }): Promise<{ redirect: string | null; error?: string }>;
  flushWebhooks(): Promise<void>;
  /** Sends an event again (Stripe retries and duplicates). */
  resend(eventId: string): Promise<Delivery>;
  /** Posts any body with any signature to the endpoint (forgeries). */
  post(body: string, signature: string | null): Promise<{ status: number; body: string }>;
  stop(): Promise<void>;
};

export type FakeState = FakeStripe & {
  emit(type: string, object: Obj, request?: { id: string; idempotency_key: string | null } | null): Obj;
  cards: Map<string, TestCard>;
  sessionPi: Map<string, Obj>;
};

export async function startFakeStripe(opts: { secretKey?: string; webhook?: FakeStripe["webhook"] } = {}): Promise<FakeStripe> {
  const fake = {
    url: "",
    host: "127.0.0.1",
    port: 0,
    secretKey: opts.secretKey ?? newId("sk_test"),
    livemode: /^(sk|rk)_live_/.test(opts.secretKey ?? ""),
    webhook: opts.webhook ?? null,
    webhookTiming: "before-redirect",
    afterRedirectDelayMs: 300,
    objects: new Map(),
    requests: [],
    deliveries: [],
    pending: [],
    script: [],
    cards: new Map(),
    sessionPi: new Map(),
  } as unknown as FakeState;

  fake.get = (id) => {
    const o = fake.objects.get(id);
    if (!o) throw new Error(`fake Stripe: no object ${id}`);
    return o;
  };

  fake.emit = (type, object, request = null) => {
    const event: Obj = {
      id: newId("evt"),
      object: "event",
      api_version: FAKE_STRIPE_API_VERSION,
      created: now(),
      data: { object: structuredClone(object) },
      livemode: fake.livemode,
      pending_webhooks: fake.webhook ? 1 : 0,
      request: request ?? { id: null, idempotency_key: null },
      type,
    };
    fake.objects.set(event.id, event);
    const wanted = fake.webhook?.events;
    if (fake.webhook && (!wanted || wanted.includes("*") || wanted.includes(type))) fake.pending.push(event);
    return event;
  };

  const deliver = async (event: Obj): Promise<Delivery> => {
    const body = JSON.stringify(event, null, 2);
    const hook = fake.webhook;
    if (!hook) return { event, status: 0, body: "" };
    let d: Delivery;
    try {
      const res = await fetch(hook.url, {
        method: "POST",
        headers: {
          "content-type": "application/json; charset=utf-8",
          "stripe-signature": signStripePayload(body, hook.secret),
          "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
        },
        body,
      });
      d = { event, status: res.status, body: await res.text() };
    } catch (e) {
      d = { event, status: 0, body: String(e) };
    }
    fake.deliveries.push(d);
    return d;
  };

  fake.flushWebhooks = async () => {
    while (fake.pending.length > 0) await deliver(fake.pending.shift()!);
  };
  fake.resend = (eventId) => deliver(fake.get(eventId));
  fake.post = async (body, signature) => {
    if (!fake.webhook) throw new Error("fake Stripe: no webhook endpoint");
    const res = await fetch(fake.webhook.url, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8", ...(signature ? { "stripe-signature": signature } : {}) },
      body,
    });
    return { status: res.status, body: await res.text() };
  };

  /** Delivers what an API call or a page submission emitted, per `webhookTiming` (API calls: at once). */
  const afterAction = async (kind: "api" | "redirect") => {
    if (fake.webhookTiming === "manual") return;
    if (kind === "api" || fake.webhookTiming === "before-redirect") return fake.flushWebhooks();
    setTimeout(() => void fake.flushWebhooks(), fake.afterRedirectDelayMs);
  };

  fake.pay = async (sessionId, card) => {
    const session = fake.objects.get(sessionId);
    if (session?.object !== "checkout.session") throw new Error(`fake Stripe: no session ${sessionId}`);
    const result = completeCheckout(fake, session, card);
    if (result.redirect) await afterAction("redirect");
    else await afterAction("api");
    return result;
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void (async () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const url = new URL(req.url ?? "/", fake.url);
        if (url.pathname.startsWith("/c/pay/")) return servePage(req.method ?? "GET", url, raw, res);
        const scripted = fake.script.shift();
        if (scripted === "close") return void req.socket.destroy();
        const params = req.method === "GET" || req.method === "DELETE" ? parseStripeForm(url.search.slice(1)) : parseStripeForm(raw);
        const r: ApiRequest = {
          method: req.method ?? "",
          path: url.pathname,
          params,
          idempotencyKey: (req.headers["idempotency-key"] as string | undefined) ?? null,
          authorization: req.headers.authorization ?? null,
        };
        fake.requests.push(r);
        const reply = scripted ?? handleApi(fake, r, raw);
        res.writeHead(reply.status, {
          "content-type": "application/json",
          "request-id": newId("req"),
          "stripe-version": (req.headers["stripe-version"] as string | undefined) ?? FAKE_STRIPE_API_VERSION,
          ...(reply.replayed ? { "idempotent-replayed": "true" } : {}),
        });
        res.end(JSON.stringify(reply.body, null, 2));
        if (reply.status < 300 && r.method === "POST") await afterAction("api");
      })();
    });
  });

  const servePage = async (method: string, url: URL, raw: string, res: http.ServerResponse) => {
    const id = url.pathname.split("/")[3] ?? "";
    const session = fake.objects.get(id);
    if (session?.object !== "checkout.session") {
      res.writeHead(404, { "content-type": "text/html; charset=utf-8" });
      return void res.end("<!doctype html><html lang=en><title>Not found</title><main><h1>Something went wrong</h1></main></html>");
    }
    if (method === "POST") {
      const f = Object.fromEntries(new URLSearchParams(raw));
      const result = completeCheckout(fake, session, { number: f.cardNumber ?? "", name: f.billingName, email: f.email });
      if (result.redirect) {
        if (fake.webhookTiming === "before-redirect") await fake.flushWebhooks();
        res.writeHead(303, { location: result.redirect });
        res.end();
        if (fake.webhookTiming === "after-redirect") setTimeout(() => void fake.flushWebhooks(), fake.afterRedirectDelayMs);
        return;
      }
      await afterAction("api");
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      return void res.end(checkoutPage(session, { error: result.error, email: f.email, name: f.billingName }));
    }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(checkoutPage(session));
  };

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  fake.port = (server.address() as AddressInfo).port;
  fake.url = `http://127.0.0.1:${fake.port}`;
  fake.stop = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}

/** A card typed on the hosted page: the session's PaymentIntent confirmed (or declined, the session staying open). */
function completeCheckout(fake: FakeState, session: Obj, card: { number: string; name?: string; email?: string }) {
  if (session.status !== "open") return { redirect: null, error: "This Checkout Session is no longer active." };
  const judged = judgeCard(card.number);
  const data = fake.sessionPi.get(session.id) ?? {};
  let pi = session.payment_intent ? fake.get(session.payment_intent) : null;
  if (!pi) {
    pi = createPaymentIntent(fake, {
      amount: session.amount_total,
      currency: session.currency,
      capture_method: data.capture_method ?? "automatic",
      setup_future_usage: data.setup_future_usage ?? null,
      metadata: data.metadata ?? {},
      description: data.description ?? null,
    });
    session.payment_intent = pi.id;
  }
  const digits = card.number.replace(/\D/g, "");
  const pm = createPaymentMethod(fake, judged, digits.slice(-4), card.name ?? null);
  if (judged.decline) {
    declinePayment(fake, pi, pm, judged.decline);
    return { redirect: null, error: judged.decline.message };
  }
  if (session.customer_creation === "always" || pi.setup_future_usage) {
    const customer = {
      id: newId("cus"),
      object: "customer",
      email: card.email || session.customer_email || null,
      created: now(),
      livemode: fake.livemode,
      metadata: {},
    };
    fake.objects.set(customer.id, customer);
    pm.customer = customer.id;
    pi.customer = customer.id;
    session.customer = customer.id;
  }
  approvePayment(fake, pi, pm);
  session.status = "complete";
  session.payment_status = pi.status === "succeeded" ? "paid" : "unpaid";
  session.customer_details = { email: card.email || session.customer_email || null, name: card.name ?? null };
  fake.emit("checkout.session.completed", session);
  return { redirect: String(session.success_url).replaceAll("{CHECKOUT_SESSION_ID}", session.id) };
}

export function createPaymentIntent(fake: FakeState, p: Obj): Obj {
  const pi: Obj = {
    id: newId("pi"),
    object: "payment_intent",
    amount: p.amount,
    amount_capturable: 0,
    amount_received: 0,
    currency: p.currency,
    capture_method: p.capture_method ?? "automatic",
    cancellation_reason: null,
    canceled_at: null,
    client_secret: null,
    confirmation_method: "automatic",
    created: now(),
    customer: p.customer ?? null,
    description: p.description ?? null,
    last_payment_error: null,
    latest_charge: null,
    livemode: fake.livemode,
    metadata: p.metadata ?? {},
    payment_method: p.payment_method ?? null,
    payment_method_types: ["card"],
    setup_future_usage: p.setup_future_usage ?? null,
    status: "requires_payment_method",
  };
  pi.client_secret = `${pi.id}_secret_${newId("cs").slice(8)}`;
  fake.objects.set(pi.id, pi);
  return pi;
}

export function createPaymentMethod(fake: FakeState, card: TestCard, last4: string, name: string | null): Obj {
  const pm: Obj = {
    id: newId("pm"),
    object: "payment_method",
    type: "card",
    billing_details: { name, email: null, address: null, phone: null },
    card: { brand: card.brand, last4, exp_month: 12, exp_year: new Date().getUTCFullYear() + 3, funding: "credit", country: "US" },
    customer: null,
    created: now(),
    livemode: fake.livemode,
    metadata: {},
  };
  fake.objects.set(pm.id, pm);
  fake.cards.set(pm.id, card);
  return pm;
}

function newCharge(fake: FakeState, pi: Obj, pm: Obj, ok: boolean, decline?: TestCard["decline"]): Obj {
  const captured = ok && pi.capture_method !== "manual";
  const charge: Obj = {
    id: newId("ch"),
    object: "charge",
    amount: pi.amount,
    amount_captured: captured ? pi.amount : 0,
    amount_refunded: 0,
    captured,
    currency: pi.currency,
    customer: pi.customer,
    created: now(),
    failure_code: decline?.code ?? null,
    failure_message: decline?.message ?? null,
    livemode: fake.livemode,
    metadata: pi.metadata,
    outcome: ok
      ? { network_status: "approved_by_network", reason: null, seller_message: "Payment complete.", type: "authorized" }
      : {
          network_status: "declined_by_network",
          reason: decline?.decline_code ?? decline?.code,
          seller_message: "The bank did not return any further details with this decline.",
          type: "issuer_declined",
        },
    paid: ok,
    payment_intent: pi.id,
    payment_method: pm.id,
    payment_method_details: { type: "card", card: { ...pm.card, network: pm.card.brand, three_d_secure: null } },
    refunded: false,
    status: ok ? "succeeded" : "failed",
  };
  fake.objects.set(charge.id, charge);
  return charge;
}

export function declinePayment(fake: FakeState, pi: Obj, pm: Obj, decline: NonNullable<TestCard["decline"]>): Obj {
  const charge = newCharge(fake, pi, pm, false, decline);
  pi.latest_charge = charge.id;
  pi.payment_method = null;
  pi.status = "requires_payment_method";
  pi.last_payment_error = {
    type: "card_error",
    code: decline.code,
    ...(decline.decline_code ? { decline_code: decline.decline_code } : {}),
    message: decline.message,
    charge: charge.id,
    payment_method: structuredClone(pm),
    doc_url: `https://docs.stripe.com/error-codes/${decline.code.replaceAll("_", "-")}`,
  };
  fake.emit("charge.failed", charge);
  fake.emit("payment_intent.payment_failed", pi);
  return charge;
}

export function approvePayment(fake: FakeState, pi: Obj, pm: Obj): Obj {
  const charge = newCharge(fake, pi, pm, true);
  pi.latest_charge = charge.id;
  pi.payment_method = pm.id;
  pi.last_payment_error = null;
  if (pi.capture_method === "manual") {
    pi.status = "requires_capture";
    pi.amount_capturable = pi.amount;
    fake.emit("charge.succeeded", charge);
    fake.emit("payment_intent.amount_capturable_updated", pi);
  } else {
    pi.status = "succeeded";
    pi.amount_received = pi.amount;
    fake.emit("charge.succeeded", charge);
    fake.emit("payment_intent.succeeded", pi);
  }
  return charge;
}

export type { StripeWireError };
export { invalidRequest, missing };
