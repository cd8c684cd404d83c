import type { Actor } from "../auth/actor";
import { languageOf } from "../i18n/locales";
import { currencyExponent } from "../money/currencies";
import { minorToDecimalString } from "../money/format-money";
import type { Db } from "../server/db";
import { getOrderOrThrow } from "./get-order";

/** F-ACT "create from": the values of an order to prefill a new one — everything but the reference. */
export async function getOrderCopy(db: Db, input: { actor: Actor; orderId: string }) {
  const o = await getOrderOrThrow(db, input);
  return {
    shopId: o.shopId,
    mode: o.mode,
    amount: minorToDecimalString(o.amount, currencyExponent(o.currency)),
    currency: o.currency,
    buyerEmail: o.buyerEmail ?? "",
    language: languageOf(o.locale) ?? "",
  };
}
