import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

// Calendar days in the shop's time zone. Validity ends at 23:59:59 of a day *in that zone*,
// whatever the server's TZ; DST changes are handled by TZDate.

/** "YYYY-MM-DD" of an instant, in the zone. */
export const dayInZone = (at: Date, timeZone: string) => format(new TZDate(at.getTime(), timeZone), "yyyy-MM-dd");

const addDaysCache = new Map<string, string>();

/**
 * "YYYY-MM-DD" n days after `day`: plain calendar arithmetic, independent of the server's zone
 * (memoised like endOfDayInZone: every order creation asks it for today's validity window).
 */
export function addCalendarDays(day: string, n: number): string {
  const key = `${day}|${n}`;
  let r = addDaysCache.get(key);
  if (r === undefined) {
    const [y, m, d] = day.split("-").map(Number) as [number, number, number];
    r = new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
    if (addDaysCache.size > 10_000) addDaysCache.clear();
    addDaysCache.set(key, r);
  }
  return r;
}

const endOfDayCache = new Map<string, number>();

/** The UTC instant of 23:59:59 on `day` in the zone (memoised: a pure function of its inputs). */
export function endOfDayInZone(day: string, timeZone: string): Date {
  const key = `${day}|${timeZone}`;
  let t = endOfDayCache.get(key);
  if (t === undefined) {
    const [y, m, d] = day.split("-").map(Number) as [number, number, number];
    t = new TZDate(y, m - 1, d, 23, 59, 59, timeZone).getTime();
    if (endOfDayCache.size > 10_000) endOfDayCache.clear();
    endOfDayCache.set(key, t);
  }
  return new Date(t);
}

/** 00:00:00 of `day` in the zone: one second after 23:59:59 of the day before. */
export const startOfDayInZone = (day: string, timeZone: string) =>
  new Date(endOfDayInZone(addCalendarDays(day, -1), timeZone).getTime() + 1000);

/** The last millisecond of `day` in the zone (23:59:59.999): an inclusive "to" day's bound. */
export const lastInstantOfDay = (day: string, timeZone: string) => new Date(endOfDayInZone(day, timeZone).getTime() + 999);

export const isValidTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/** Formats an instant for people, in the shop's zone and the reader's language. */
export function formatDateTime(at: Date, timeZone: string, locale: string, withTime = true): string {
  const key = `${locale}|${timeZone}|${withTime}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale.replace("_", "-"), { dateStyle: "long", ...(withTime ? { timeStyle: "short" } : {}), timeZone });
    if (dateFormats.size > 1000) dateFormats.clear();
    dateFormats.set(key, f);
  }
  return f.format(at);
}

// Building an Intl.DateTimeFormat costs ~0.1 ms; a fan-out formats thousands of dates.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
