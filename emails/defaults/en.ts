import type { DefaultTexts } from "../types";

export const en: DefaultTexts = {
  mail: {
    ORDER: {
      subject: "%shop_name%: your payment link for %amount%",
      html: `<p>Hello,</p>
<p>%shop_name% invites you to pay <strong>%amount%</strong> (reference %reference%).</p>
<p>Questions? Write to %shop_contact%.</p>
<p>%shop_name%<br>%shop_url%</p>`,
    },
    RECEIPT_BUYER: {
      subject: "%shop_name%: payment of %amount% received",
      html: `<p>Hello,</p>
<p>Thank you: your payment of <strong>%amount%</strong> to %shop_name% was accepted on %payment_date%.</p>
<ul>
<li>Order reference: %reference%</li>
<li>Transaction number: %transaction_number%</li>
</ul>
<p>Keep this e-mail as your receipt. Questions? Write to %shop_contact%.</p>
<p>%shop_name%<br>%shop_url%</p>`,
    },
    RECEIPT_MERCHANT: {
      subject: "Payment received: %amount% for order %reference%",
      html: `<p>A buyer has just paid a payment order of %shop_name%.</p>
<ul>
<li>Reference: %reference%</li>
<li>Amount: <strong>%amount%</strong></li>
<li>Paid on: %payment_date%</li>
<li>Transaction number: %transaction_number%</li>
</ul>`,
    },
    REMINDER: {
      subject: "Reminder: your payment link for %amount% expires on %end_date%",
      html: `<p>Hello,</p>
<p>A friendly reminder: the payment of <strong>%amount%</strong> requested by %shop_name% (reference %reference%) is still waiting.</p>
<p>Already paid? Please ignore this message. Questions? Write to %shop_contact%.</p>
<p>%shop_name%<br>%shop_url%</p>`,
    },
  },
  sms: "%shop_name%: pay %amount% (ref. %reference%) before %end_date% at %url%",
  smsReminder: "Reminder from %shop_name%: %amount% (ref. %reference%) is still due, link valid until %end_date%: %url%",
  whatsapp: "Hello, %shop_name% sends you a payment link for %amount% (ref. %reference%), valid until %end_date%: %url%",
  url: "Hello, here is your secure link to pay %amount% to %shop_name% (reference %reference%). It is valid until %end_date%: %url%",
  layout: {
    payRequest: "Payment request",
    reminder: "Payment reminder",
    receipt: "Payment received",
    merchantReceipt: "New payment",
    amount: "Amount",
    reference: "Reference:",
    paidOn: "Paid on:",
    transaction: "Transaction number:",
    pay: "Pay %amount%",
    validUntil: "This link is valid until %end_date%.",
    fallback: "Button not working? Copy this link into your browser:",
    openOrder: "Open the order",
    contact: "Questions? Contact %shop_contact%",
    trust: "Secure payment link sent on behalf of %shop_name%. Nobody will ever ask for your card number by e-mail or phone.",
  },
};
