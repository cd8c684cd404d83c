import { addCalendarDays, dayInZone, endOfDayInZone } from "../time/shop-time";

export const MAX_VALIDITY_DAYS = 90;

export type ValidityCheck = { ok: true; validUntil: Date } | { ok: false; error: "err_validity_past" | "err_validity_too_far" };

/** Slack for clocks: a client computing "now + 90 days" a moment before we receive it is still fine. */
const CLOCK_SLACK_MS = 5 * 60_000;

/**
 * F-ORD-4: the order is payable until 23:59:59 of `day` in the shop's zone; the day is today at
 * the earliest and at most 90 days after creation. No day → today + the shop's default validity.
 */
export function validityFromDay(
  day: string | undefined,
  shop: { timeZone: string; defaultValidityDays: number },
  now = new Date(),
  createdAt?: Date,
): ValidityCheck {
  const today = todayInZone(now, shop.timeZone);
  const chosen = day ?? addCalendarDays(today, shop.defaultValidityDays);
  if (chosen < today) return { ok: false, error: "err_validity_past" };
  if (chosen > maxValidityDay(shop.timeZone, createdAt ?? now)) return { ok: false, error: "err_validity_too_far" };
  return { ok: true, validUntil: endOfDayInZone(chosen, shop.timeZone) };
}

// "Today" per zone, recomputed at most once a minute (time-zone arithmetic showed up in profiles).
// Any instant inside the cached minute is answered from it; another one (an order created days
// ago) is computed and leaves the cache alone.
const todayCache = new Map<string, { day: string; until: number }>();
function todayInZone(now: Date, timeZone: string): string {
  const t = now.getTime();
  const hit = todayCache.get(timeZone);
  if (hit && t >= hit.until - 60_000 && t < hit.until) return hit.day;
  const day = dayInZone(now, timeZone);
  if (Math.abs(t - Date.now()) < 60_000) todayCache.set(timeZone, { day, until: Math.floor(t / 60_000) * 60_000 + 60_000 });
  return day;
}

/**
 * Issue 21: the last day an order may be valid — 90 days (the manual's 3 months) after the day it
 * was created, in the shop's zone, on every path (creation, change of validity, modify, API Update).
 */
export const maxValidityDay = (timeZone: string, createdAt: Date) => addCalendarDays(todayInZone(createdAt, timeZone), MAX_VALIDITY_DAYS);

/** "Change validity" proposes today + the shop's default validity (manual), within the order's limit. */
export function proposedValidityDay(
  order: { createdAt: Date; shop: { timeZone: string; defaultValidityDays: number } },
  now = new Date(),
): { today: string; maxDay: string; proposedDay: string } {
  const today = dayInZone(now, order.shop.timeZone);
  const maxDay = maxValidityDay(order.shop.timeZone, order.createdAt);
  const proposed = addCalendarDays(today, order.shop.defaultValidityDays);
  // biome-ignore lint/complexity/useMathMinMax: "YYYY-MM-DD" strings, compared as text
  return { today, maxDay, proposedDay: proposed > maxDay ? maxDay : proposed };
}

/** Whether an order can still be paid at `now` (to the second). */
export const isWithinValidity = (validUntil: Date, now = new Date()) => now.getTime() <= validUntil.getTime();

/** API: an exact instant, not in the past and at most 90 days after the order's creation (now for a new one). */
export function validityFromInstant(at: Date, now = new Date(), createdAt?: Date): ValidityCheck {
  if (at.getTime() < now.getTime()) return { ok: false, error: "err_validity_past" };
  const from = createdAt ?? now;
  if (at.getTime() > from.getTime() + MAX_VALIDITY_DAYS * 86_400_000 + CLOCK_SLACK_MS) return { ok: false, error: "err_validity_too_far" };
  return { ok: true, validUntil: at };
}
