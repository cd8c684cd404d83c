import { addCalendarDays, dayInZone, endOfDayInZone } from "../time/shop-time";

export const MAX_VALIDITY_DAYS = 90;

export type ValidityCheck = { ok: true; validUntil: Date } | { ok: false; error: "err_validity_past" | "err_validity_too_far" };

/**
 * F-ORD-4: the order is payable until 23:59:59 of `day` in the shop's zone; the day is today at
 * the earliest and at most 90 days after creation. No day → today + the shop's default validity.
 */
export function validityFromDay(
  day: string | undefined,
  shop: { timeZone: string; defaultValidityDays: number },
  now = new Date(),
): ValidityCheck {
  const today = dayInZone(now, shop.timeZone);
  const chosen = day ?? addCalendarDays(today, shop.defaultValidityDays);
  if (chosen < today) return { ok: false, error: "err_validity_past" };
  if (chosen > addCalendarDays(today, MAX_VALIDITY_DAYS)) return { ok: false, error: "err_validity_too_far" };
  return { ok: true, validUntil: endOfDayInZone(chosen, shop.timeZone) };
}

/** Whether an order can still be paid at `now` (to the second). */
export const isWithinValidity = (validUntil: Date, now = new Date()) => now.getTime() <= validUntil.getTime();
