// Stripe's wire format, for the fake Stripe (fake-stripe.ts): bracketed form bodies
// (`a[b][0][c]=v`, `expand[]=x`), the error envelope, object ids, webhook signatures and the test
// cards of Stripe's documentation. Nothing here keeps a card number: a card becomes brand + last 4.
import crypto from "node:crypto";

// biome-ignore lint/suspicious/noExplicitAny: Stripe objects are open JSON
export type Obj = Record<string, any>;

/** `a[b][0][c]=v&expand[]=x` → `{ a: { b: [{ c: "v" }] }, expand: ["x"] }` (as Stripe's servers read it). */
export function parseStripeForm(raw: string): Obj {
  const root: Obj = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    const head = key.split("[")[0] ?? key;
    const rest = [...key.slice(head.length).matchAll(/\[([^\]]*)\]/g)].map((m) => m[1] ?? "");
    const path: string[] = [head, ...rest];
    let node: Obj = root;
    for (let i = 0; i < path.length - 1; i++) {
      const k = path[i] || String(Object.keys(node).length);
      node[k] ??= {};
      node = node[k];
    }
    const last = path[path.length - 1];
    node[last || String(Object.keys(node).length)] = value;
  }
  return arrays(root) as Obj;
}

// Objects whose keys are 0..n-1 become arrays.
function arrays(v: unknown): unknown {
  if (!v || typeof v !== "object") return v;
  const o = v as Obj;
  const keys = Object.keys(o);
  for (const k of keys) o[k] = arrays(o[k]);
  if (keys.length > 0 && keys.every((k, i) => k === String(i))) return keys.map((k) => o[k]);
  return o;
}

export class StripeWireError extends Error {
  constructor(
    readonly status: number,
    readonly body: Obj,
  ) {
    super(body.message);
  }
}

export const invalidRequest = (message: string, param?: string, code?: string) =>
  new StripeWireError(400, { type: "invalid_request_error", message, ...(param ? { param } : {}), ...(code ? { code } : {}) });

export const missing = (kind: string, id: string, param = "id") =>
  new StripeWireError(404, { type: "invalid_request_error", code: "resource_missing", message: `No such ${kind}: '${id}'`, param });

export function newId(prefix: string): string {
  return `${prefix}_${crypto.randomBytes(18).toString("base64url").replace(/[-_]/g, "x")}`;
}

export const now = () => Math.floor(Date.now() / 1000);

/** The `Stripe-Signature` header Stripe sends: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "t.payload")>`. */
export function signStripePayload(payload: string, secret: string, t = now()): string {
  const v1 = crypto.createHmac("sha256", secret).update(`${t}.${payload}`, "utf8").digest("hex");
  return `t=${t},v1=${v1}`;
}

export type TestCard = {
  brand: string;
  /** null: accepted. */
  decline: null | { code: string; decline_code?: string; message: string };
  /** Attaches to a customer but every later (off-session) charge is declined. */
  failsLater?: boolean;
};

const DECLINED = { code: "card_declined", decline_code: "generic_decline", message: "Your card was declined." };

/** Stripe's documented test cards (https://docs.stripe.com/testing) the fake honours. */
export const TEST_CARDS: Record<string, TestCard> = {
  "4242424242424242": { brand: "visa", decline: null },
  "4000056655665556": { brand: "visa", decline: null },
  "5555555555554444": { brand: "mastercard", decline: null },
  "378282246310005": { brand: "amex", decline: null },
  "4000000000000002": { brand: "visa", decline: DECLINED },
  "4000000000009995": {
    brand: "visa",
    decline: { code: "card_declined", decline_code: "insufficient_funds", message: "Your card has insufficient funds." },
  },
  "4000000000000069": { brand: "visa", decline: { code: "expired_card", message: "Your card has expired." } },
  "4000000000000341": { brand: "visa", decline: null, failsLater: true },
};

export function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** What Stripe answers for a number typed on its page in test mode. */
export function judgeCard(number: string): TestCard {
  const digits = number.replace(/\D/g, "");
  if (digits.length < 13 || !luhn(digits)) {
    return { brand: "unknown", decline: { code: "incorrect_number", message: "Your card number is incorrect." } };
  }
  return (
    TEST_CARDS[digits] ?? {
      brand: digits.startsWith("4") ? "visa" : digits.startsWith("5") ? "mastercard" : "unknown",
      decline: {
        code: "card_declined",
        decline_code: "test_mode_live_card",
        message: "Your card was declined. Your request was in test mode, but used a non test card.",
      },
    }
  );
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Stripe's zero-decimal currencies: their amounts are whole units. */
export const ZERO_DECIMAL = new Set([
  "bif",
  "clp",
  "djf",
  "gnf",
  "jpy",
  "kmf",
  "krw",
  "mga",
  "pyg",
  "rwf",
  "ugx",
  "vnd",
  "vuv",
  "xaf",
  "xof",
  "xpf",
]);
