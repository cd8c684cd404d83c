import { formatMoney } from "../money/format-money";
import { formatDateTime } from "../time/shop-time";
import type { TemplateVars } from "./render-template";

export type OrderForMessage = {
  reference: string | null;
  amount: number | bigint;
  currency: string;
  createdAt: Date;
  validUntil: Date;
  paymentUrl: string;
  shop: { name: string; timeZone: string; url: string | null; contact: string | null };
  payment?: { at: Date; number: string };
};

/** The variables' values for one order, formatted in the message's language and the shop's zone. */
export function messageVariables(order: OrderForMessage, lang: string): TemplateVars {
  const tz = order.shop.timeZone;
  return {
    reference: order.reference ?? "",
    amount: formatMoney(order.amount, order.currency, lang),
    start_date: formatDateTime(order.createdAt, tz, lang, false),
    end_date: formatDateTime(order.validUntil, tz, lang, false),
    shop_name: order.shop.name,
    url: order.paymentUrl,
    shop_contact: order.shop.contact ?? "",
    shop_url: order.shop.url ?? "",
    payment_date: order.payment ? formatDateTime(order.payment.at, tz, lang, true) : "",
    transaction_number: order.payment?.number ?? "",
  };
}
