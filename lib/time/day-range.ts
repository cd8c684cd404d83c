import { lastInstantOfDay, startOfDayInZone } from "./shop-time";

// A list's day filter ("from" and "to" days, both included) over shops that may sit in several
// time zones: each shop's days are its own, so the range is one condition per zone.

type ZonedShop = { id: string; timeZone: string };

/** The shops' ids by time zone. */
export function shopsByZone(shops: ZonedShop[]): Map<string, string[]> {
  const zones = new Map<string, string[]>();
  for (const s of shops) zones.set(s.timeZone, [...(zones.get(s.timeZone) ?? []), s.id]);
  return zones;
}

/** The instants that bound `from` 00:00:00 to `to` 23:59:59.999 in the zone (either may be absent). */
export const dayBounds = (timeZone: string, from?: string, to?: string) => ({
  from: from ? startOfDayInZone(from, timeZone) : undefined,
  to: to ? lastInstantOfDay(to, timeZone) : undefined,
});

/**
 * A Prisma `where` on `createdAt` for the days `from`..`to` in each shop's zone (the
 * transaction and notification lists); `{}` when no day is given.
 */
export function createdInShopDays(shops: ZonedShop[], from?: string, to?: string) {
  if (!from && !to) return {};
  return {
    OR: [...shopsByZone(shops)].map(([tz, ids]) => {
      const b = dayBounds(tz, from, to);
      return { shopId: { in: ids }, createdAt: { gte: b.from, lte: b.to } };
    }),
  };
}
