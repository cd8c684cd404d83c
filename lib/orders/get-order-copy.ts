import type { Actor } from "../auth/actor";
import { languageOf } from "../i18n/locales";
import type { InstalmentPlan } from "../instalments/plan";
import { currencyExponent } from "../money/currencies";
import { minorToDecimalString } from "../money/format-money";
import type { Db } from "../server/db";
import { addCalendarDays, dayInZone } from "../time/shop-time";
import { readAmountUpdate } from "./amount-update";
import { getOrderOrThrow } from "./get-order";
import { MAX_VALIDITY_DAYS } from "./validity";

/** Whole days from one "YYYY-MM-DD" to another. */
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * F-ACT "create from" (issue 21): the values of an order to prefill a new one in its channel's
 * dialog — everything but the reference, as the dialog's fields name them (strings as typed):
 * recipients or phone number, subject and message (with their variables, rendered again for the
 * new order), template, language, the same validity length counted from today (within 90 days),
 * and every advanced option.
 */
export async function getOrderCopy(db: Db, input: { actor: Actor; orderId: string }, now = new Date()): Promise<OrderCopy> {
  const o = await getOrderOrThrow(db, input);
  const exponent = currencyExponent(o.currency);
  const money = (minor: number | bigint) => minorToDecimalString(Number(minor), exponent);
  const tz = o.shop.timeZone;
  const today = dayInZone(now, tz);
  const length = Math.max(0, daysBetween(dayInZone(o.createdAt, tz), dayInZone(o.validUntil, tz)));
  const copy: OrderCopy = {
    shopId: o.shopId,
    mode: o.mode,
    channel: o.channel,
    amount: money(o.amount),
    currency: o.currency,
    buyerEmail: o.buyerEmail ?? "",
    language: languageOf(o.locale) ?? "",
    validUntil: addCalendarDays(today, Math.min(length, MAX_VALIDITY_DAYS)),
    templateId: o.templateId ?? "",
    description: o.description ?? "",
    merchantComment: o.merchantComment ?? "",
    validationMode: o.validationMode,
    captureDelay: String(o.captureDelay),
    threeDsPreference: o.threeDsPreference,
    aliasMode: o.aliasMode,
    dataCollectionForm: o.dataCollectionForm ? "true" : "",
    remindersOptOut: o.remindersOptOut ? "true" : "",
  };
  if (o.channel === "URL" && o.message) copy.message = o.message;
  if (o.channel === "MAIL") {
    copy.recipients = (o.recipient ?? "").split(";").join("\n");
    copy.bcc = o.bcc ?? "";
    copy.subject = o.subject ?? "";
    copy.message = o.message ?? "";
  }
  if (o.channel === "SMS" || o.channel === "WHATSAPP") {
    copy.phoneNumber = o.recipient ?? "";
    // The text as typed, with its variables (the order keeps the rendered one); none → the template's.
    const source = (o.apiData as { messageSource?: unknown } | null)?.messageSource;
    copy.message = typeof source === "string" ? source : "";
  }
  const update = readAmountUpdate(o.amountUpdate);
  if (update) {
    copy.amountUpdateMode = update.mode;
    copy.amountUpdateMin = money(update.min);
    if (update.mode === "RANGE") copy.amountUpdateMax = money(update.max);
  }
  const plan = o.installmentPlan as InstalmentPlan | null;
  if (plan?.amounts?.length) {
    if (plan.dates?.length) {
      // The same schedule, moved by as many days as have passed since the order's creation.
      const shift = daysBetween(dayInZone(o.createdAt, tz), today);
      copy.instalmentMode = "SCHEDULE";
      copy.instalmentSchedule = plan.dates.map((d, i) => `${addCalendarDays(d, shift)} ${money(plan.amounts[i] ?? 0)}`).join("\n");
    } else {
      copy.instalmentMode = "PERIOD";
      copy.instalmentCount = String(plan.count);
      copy.instalmentPeriod = String(plan.period ?? "");
      if (plan.amounts.length > 1 && plan.amounts[0] !== plan.amounts[1]) copy.instalmentFirstAmount = money(plan.amounts[0] ?? 0);
    }
  }
  return copy;
}

export type OrderCopy = Record<string, string>;
