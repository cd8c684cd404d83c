// The choices of a notification rule (F-SET-3). Apart from schemas.ts, whose URL check needs
// Node's DNS and net modules, so that the rule form (a client component) can import them.
import type { Channel } from "../../server/generated/prisma/enums";
import type { NotificationEvent } from "../events";

export const RULE_KINDS = ["URL_CALL", "EMAIL", "SMS"] as const;
export type RuleKind = (typeof RULE_KINDS)[number];
export const RULE_FORMATS = ["REST", "FORM"] as const;
/** The channel filter of a rule's condition (none ticked = every channel), in display order. */
export const RULE_CHANNELS = ["URL", "MAIL", "SMS", "WHATSAPP", "INVOICE"] as const satisfies readonly Channel[];
/** An e-mail rule sends a payment's outcome: accepted (the receipt) or refused. */
// E-mail rules send the receipts, which follow an accepted payment.
export const EMAIL_RULE_EVENTS = ["PAYMENT_ACCEPTED"] as const satisfies readonly NotificationEvent[];
/** An SMS rule (issue 21, manual §1.3.1) tells the merchant's phone about an order's events. */
export const SMS_RULE_EVENTS = [
  "PAYMENT_ACCEPTED",
  "PAYMENT_REFUSED",
  "ORDER_EXPIRED",
  "ORDER_CANCELLED",
  "TRANSACTION_CAPTURED",
  "TRANSACTION_CANCELLED",
  "TRANSACTION_REFUNDED",
  "INSTALMENT_FAILED",
] as const satisfies readonly NotificationEvent[];
export const EMAIL_TARGETS = ["BUYER", "MERCHANT"] as const;
export const LABEL_MAX = 80;
