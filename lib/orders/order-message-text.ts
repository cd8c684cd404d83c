import { translator } from "../i18n";
import { formatMoney } from "../money/format-money";
import { renderTemplate } from "../templates/render-template";
import { formatDateTime } from "../time/shop-time";

type OrderForText = {
  reference: string | null;
  amount: number;
  currency: string;
  createdAt: Date;
  validUntil: Date;
  paymentUrl: string;
  shop: { name: string; timeZone: string };
};

/** The URL channel's ready-to-paste text (F-CH-URL), rendered in the given language. */
export function orderMessageText(order: OrderForText, lang: "fr" | "en" | string): string {
  const l = lang === "en" ? "en" : "fr";
  return renderTemplate(translator(l)("url_text"), {
    reference: order.reference ?? "",
    amount: formatMoney(order.amount, order.currency, l),
    start_date: formatDateTime(order.createdAt, order.shop.timeZone, l, false),
    end_date: formatDateTime(order.validUntil, order.shop.timeZone, l, false),
    shop_name: order.shop.name,
    url: order.paymentUrl,
  });
}
