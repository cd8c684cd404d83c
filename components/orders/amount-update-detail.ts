import type { T } from "@/lib/i18n";
import { formatMoney } from "@/lib/money/format-money";
import { readAmountUpdate } from "@/lib/orders/amount-update";

/** The order detail's "authorisation to modify the amount" (issue 12), with the requested amount once paid. */
export function amountUpdateText(order: { amountUpdate: unknown; currency: string }, t: T, lang: string): string {
  const u = readAmountUpdate(order.amountUpdate);
  if (!u) return t("detail_amount_update_NONE");
  const money = (minor: number) => formatMoney(minor, order.currency, lang);
  const bounds = t(`detail_amount_update_${u.mode}`)
    .replace("{min}", money(u.min))
    .replace("{max}", u.mode === "RANGE" ? money(u.max) : "");
  return u.requested === undefined ? bounds : `${bounds} (${t("detail_amount_requested").replace("{amount}", money(u.requested))})`;
}
