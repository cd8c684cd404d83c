// The amount field of the card form when the order lets the buyer adjust it (issue 12).
import { fill, type PayMessages } from "../i18n/messages/pay";
import { currencyExponent } from "../money/currencies";
import { formatMoney } from "../money/format-money";
import { parseMajorAmount } from "../money/parse-amount";
import type { AmountUpdate } from "../orders/amount-update";
import { Field } from "./page-parts";

/** Minor units as a person types them in this locale ("25,00" in French), no grouping, no floats. */
export function majorInput(minor: number, currency: string, locale: string): string {
  const exp = currencyExponent(currency);
  const digits = String(minor).padStart(exp + 1, "0");
  if (exp === 0) return digits;
  const decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === "decimal")?.value ?? ".";
  return `${digits.slice(0, -exp)}${decimal}${digits.slice(-exp)}`;
}

/** The amount the pay button shows: the buyer's when it is readable and within the bounds. */
export function amountToShow(order: { amount: number; currency: string; amountUpdate: AmountUpdate | null }, typed?: string) {
  const u = order.amountUpdate;
  if (!u || typed === undefined) return order.amount;
  const p = parseMajorAmount(typed, order.currency);
  const within = p.ok && p.minor >= u.min && (u.mode === "FREE" || p.minor <= u.max);
  return within && p.ok ? p.minor : order.amount;
}

export function BuyerAmountField(props: {
  update: AmountUpdate;
  amount: number;
  currency: string;
  locale: string;
  m: PayMessages;
  typed?: string;
  error?: string;
}) {
  const { update: u, currency, locale, m } = props;
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const help =
    u.mode === "RANGE"
      ? fill(m.buyer_amount_range, { min: money(u.min), max: money(u.max) })
      : fill(m.buyer_amount_free, { min: money(u.min) });
  return (
    <Field
      id="amount"
      label={fill(m.buyer_amount, { currency })}
      help={help}
      error={props.error}
      inputMode="decimal"
      autoComplete="off"
      maxLength={20}
      defaultValue={props.typed ?? majorInput(props.amount, currency, locale)}
      required
    />
  );
}
