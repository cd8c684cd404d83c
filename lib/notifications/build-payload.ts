// The bodies a notification sends, built and signed when it is queued (so a replay sends the same
// bytes). REST: the IPN of the API spec §11 — a form with kr-answer (V4/Payment JSON, slashes
// never escaped) and kr-hash, the lowercase hex HMAC-SHA-256 of exactly those bytes. FORM: the
// legacy hosted-page fields (vads_*) with their signature.
import crypto from "node:crypto";
import { TRANSACTION_SELECT, toPaymentTransaction } from "../lyra-api/transaction-object";
import { wireDate } from "../lyra-api/wire";
import { currencyExponent } from "../money/currencies";
import { ORDER_KEY_COLUMNS } from "../orders/order-columns";
import type { Db } from "../server/db";
import type { HashKey } from "./events";

export const PAYLOAD_ORDER_SELECT = {
  ...ORDER_KEY_COLUMNS,
  status: true,
  buyerEmail: true,
  locale: true,
  metadata: true,
  collectedData: true,
  transactions: { orderBy: { createdAt: "asc" }, select: TRANSACTION_SELECT },
} as const;

type PayloadOrder = NonNullable<Awaited<ReturnType<typeof loadPayloadOrder>>>;

export function loadPayloadOrder(db: Db, orderId: string) {
  return db.paymentOrder.findUnique({ where: { id: orderId }, select: PAYLOAD_ORDER_SELECT });
}

/** Lyra's order status: PAID once paid; RUNNING while payable; UNPAID when it ended without a payment. */
const ORDER_STATUS: Record<string, string> = {
  PAID: "PAID",
  RUNNING: "RUNNING",
  REFUSED: "RUNNING",
  EXPIRED: "UNPAID",
  CANCELLED: "UNPAID",
};

/** The V4/Payment document (spec §11.3) as the exact string to send and sign. */
export function buildKrAnswer(order: PayloadOrder, now: Date): string {
  const c = (order.collectedData ?? {}) as Record<string, string | undefined>;
  // Net of refunds (refunds20): what the buyer paid less what was given back.
  const paidAmount = order.transactions
    .filter((t) => t.status === "AUTHORISED" || t.status === "CAPTURED" || t.status === "AUTHORISED_TO_VALIDATE")
    .reduce((sum, t) => sum + (t.operationType === "CREDIT" ? -1 : 1) * Number(t.amount), 0);
  const answer = {
    shopId: order.shopId,
    orderCycle: order.status === "RUNNING" || order.status === "REFUSED" ? "OPEN" : "CLOSED",
    orderStatus: ORDER_STATUS[order.status] ?? "UNPAID",
    serverDate: wireDate(now),
    orderDetails: {
      orderTotalAmount: Number(order.amount),
      orderEffectiveAmount: order.transactions.some((t) => t.operationType === "CREDIT") ? paidAmount : paidAmount || Number(order.amount),
      orderCurrency: order.currency,
      mode: order.mode,
      orderId: order.reference,
      metadata: order.metadata ?? {},
      _type: "V4/OrderDetails",
    },
    customer: {
      email: c.email ?? order.buyerEmail ?? null,
      billingDetails: {
        title: c.title ?? null,
        firstName: c.firstName ?? null,
        lastName: c.lastName ?? null,
        phoneNumber: c.phone ?? null,
        address: c.address ?? null,
        zipCode: c.postcode ?? null,
        city: c.city ?? null,
        country: c.country ?? null,
        // The buyer's language, the order's, upper case as Lyra writes it (issue 21).
        language: order.locale ? order.locale.slice(0, 2).toUpperCase() : null,
        _type: "V4/Customer/BillingDetails",
      },
      _type: "V4/Customer/Customer",
    },
    transactions: order.transactions.map(toPaymentTransaction),
    paymentOrderId: order.id,
    _type: "V4/Payment",
  };
  return JSON.stringify(answer);
}

export const hmacHex = (key: string, message: string) =>
  crypto.createHmac("sha256", Buffer.from(key, "utf8")).update(message, "utf8").digest("hex");

/** The REST-format form body: kr-answer signed with the mode's REST password ("password") or the HMAC key. */
export function restBody(answer: string, hashKey: HashKey, key: string): string {
  return new URLSearchParams({
    "kr-hash": hmacHex(key, answer),
    "kr-hash-algorithm": "sha256_hmac",
    "kr-hash-key": hashKey,
    "kr-answer-type": "V4/Payment",
    "kr-answer": answer,
  }).toString();
}

// ISO 4217 numeric codes (vads_currency) of the currencies shops may use.
const NUMERIC: Record<string, string> = {
  EUR: "978",
  USD: "840",
  GBP: "826",
  CHF: "756",
  JPY: "392",
  CAD: "124",
  AUD: "036",
  SEK: "752",
  NOK: "578",
  DKK: "208",
  PLN: "985",
  CZK: "203",
  HUF: "348",
  RON: "946",
  BGN: "975",
  KWD: "414",
  BHD: "048",
  TND: "788",
  MAD: "504",
  XPF: "953",
  XOF: "952",
  XAF: "950",
  CNY: "156",
  HKD: "344",
  SGD: "702",
  NZD: "554",
  BRL: "986",
  MXN: "484",
  INR: "356",
  ZAR: "710",
  TRY: "949",
  AED: "784",
  SAR: "682",
  ILS: "376",
  KRW: "410",
  THB: "764",
  ISK: "352",
  CLP: "152",
  COP: "170",
  ARS: "032",
};

const VADS_STATUS: Record<string, string> = {
  AUTHORISED: "AUTHORISED",
  AUTHORISED_TO_VALIDATE: "AUTHORISED_TO_VALIDATE",
  CAPTURED: "CAPTURED",
  REFUSED: "REFUSED",
  CANCELLED: "CANCELLED",
  EXPIRED: "EXPIRED",
};

const compactDate = (d: Date) => d.toISOString().replace(/[-:T]/g, "").slice(0, 14);

/**
 * The FORM format: vads_* fields of the last transaction and `signature` = base64 HMAC-SHA-256,
 * keyed with the HMAC key, of the vads_* values sorted by field name and joined with "+", the key
 * appended after a last "+" (the hosted-page API's recipe).
 */
export function formBody(order: PayloadOrder, event: string, key: string, now: Date): string {
  const t = order.transactions.at(-1);
  const exp = currencyExponent(order.currency);
  const vads: Record<string, string> = {
    vads_action_mode: "INTERACTIVE",
    vads_amount: String(Number(order.amount)),
    vads_currency: NUMERIC[order.currency] ?? order.currency,
    vads_currency_decimals: String(exp),
    vads_ctx_mode: order.mode,
    vads_cust_email: order.buyerEmail ?? "",
    vads_hash: hmacHex(key, `${order.id}:${t?.id ?? ""}:${event}`),
    vads_operation_type: t?.operationType ?? "DEBIT",
    vads_order_id: order.reference ?? "",
    vads_payment_config: "SINGLE",
    vads_payment_order_id: order.id,
    vads_site_id: order.shopId,
    vads_url_check_src: "PAY",
    vads_event: event,
    vads_version: "V2",
  };
  if (t) {
    Object.assign(vads, {
      vads_trans_uuid: t.id,
      vads_trans_status: VADS_STATUS[t.status] ?? t.status,
      vads_trans_date: compactDate(t.createdAt),
      vads_effective_amount: String(Number(t.amount)),
      vads_card_brand: t.brand ?? "",
      vads_card_number: t.last4 ? `XXXXXXXXXXXX${t.last4}` : "",
      vads_expiry_month: t.expiryMonth ? String(t.expiryMonth) : "",
      vads_expiry_year: t.expiryYear ? String(t.expiryYear) : "",
      vads_result: t.status === "REFUSED" ? (t.errorCode ?? "05") : "00",
      vads_capture_delay: "",
      vads_identifier: t.alias?.token ?? "",
    });
  }
  vads.vads_effective_creation_date = compactDate(now);
  const names = Object.keys(vads).sort();
  const message = `${names.map((n) => vads[n]).join("+")}+${key}`;
  const signature = crypto.createHmac("sha256", Buffer.from(key, "utf8")).update(message, "utf8").digest("base64");
  const params = new URLSearchParams();
  for (const n of names) params.set(n, vads[n]!);
  params.set("signature", signature);
  return params.toString();
}
