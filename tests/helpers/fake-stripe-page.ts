// The fake Stripe's hosted Checkout page (fake-stripe.ts): what a buyer sees at a session's `url`,
// a card form posting back to the fake (never to the platform), the decline shown inline as Stripe
// does, and a link back to the merchant (the session's cancel_url).
import { escapeHtml, type Obj, ZERO_DECIMAL } from "./fake-stripe-wire";

function money(amount: number, currency: string): string {
  const exponent = ZERO_DECIMAL.has(currency) ? 0 : 2;
  return new Intl.NumberFormat("en", { style: "currency", currency: currency.toUpperCase() }).format(amount / 10 ** exponent);
}

export function checkoutPage(session: Obj, opts: { error?: string; email?: string; name?: string } = {}): string {
  const open = session.status === "open";
  const title = open ? `Pay ${money(session.amount_total, session.currency)}` : "This Checkout Session is no longer active";
  const back = session.cancel_url ? `<p><a href="${escapeHtml(session.cancel_url)}">← Back to the merchant</a></p>` : "";
  const form = open
    ? `<form method="post" action="/c/pay/${escapeHtml(session.id)}" novalidate>
  <label for="email">Email</label>
  <input id="email" name="email" type="email" autocomplete="email" value="${escapeHtml(opts.email ?? session.customer_email ?? "")}">
  <label for="cardNumber">Card number</label>
  <input id="cardNumber" name="cardNumber" inputmode="numeric" autocomplete="cc-number" placeholder="1234 1234 1234 1234" required>
  <label for="cardExpiry">Expiration (MM / YY)</label>
  <input id="cardExpiry" name="cardExpiry" autocomplete="cc-exp" placeholder="MM / YY" required>
  <label for="cardCvc">CVC</label>
  <input id="cardCvc" name="cardCvc" inputmode="numeric" autocomplete="cc-csc" placeholder="CVC" required>
  <label for="billingName">Cardholder name</label>
  <input id="billingName" name="billingName" autocomplete="cc-name" value="${escapeHtml(opts.name ?? "")}">
  <button type="submit">Pay</button>
</form>`
    : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — Stripe Checkout (test)</title>
<style>body{font-family:system-ui,sans-serif;max-width:26rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
label{display:block;margin-top:.8rem;font-size:.9rem}input{display:block;width:100%;padding:.5rem;font-size:1rem;box-sizing:border-box}
button{margin-top:1.2rem;width:100%;padding:.7rem;font-size:1rem;background:#0a2540;color:#fff;border:0;border-radius:4px}
[role=alert]{color:#8a1010;margin-top:1rem}a{color:#0a2540}</style></head>
<body><main>
<p>TEST MODE</p>
<h1>${escapeHtml(title)}</h1>
${opts.error ? `<p role="alert" id="card-errors">${escapeHtml(opts.error)}</p>` : ""}
${form}
${back}
</main></body></html>`;
}
