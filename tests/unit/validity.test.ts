import { describe, expect, it } from "vitest";
import { validityFromDay } from "@/lib/orders/validity";
import { addCalendarDays, dayInZone, endOfDayInZone } from "@/lib/time/shop-time";

// Runs under TZ=UTC and again under Pacific/Kiritimati (UTC+14): results must not move.
describe("validity end (F-ORD-4)", () => {
  it("ends at 23:59:59 in the shop's zone", () => {
    expect(endOfDayInZone("2026-01-15", "Europe/Paris").toISOString()).toBe("2026-01-15T22:59:59.000Z");
    expect(endOfDayInZone("2026-07-15", "Europe/Paris").toISOString()).toBe("2026-07-15T21:59:59.000Z");
    expect(endOfDayInZone("2026-01-15", "Pacific/Tahiti").toISOString()).toBe("2026-01-16T09:59:59.000Z");
    expect(endOfDayInZone("2026-01-15", "America/Lima").toISOString()).toBe("2026-01-16T04:59:59.000Z");
  });

  it("is DST-safe on change days", () => {
    // Paris: 29 March 2026 springs forward, 25 October 2026 falls back.
    expect(endOfDayInZone("2026-03-29", "Europe/Paris").toISOString()).toBe("2026-03-29T21:59:59.000Z");
    expect(endOfDayInZone("2026-10-25", "Europe/Paris").toISOString()).toBe("2026-10-25T22:59:59.000Z");
  });

  it("adds calendar days across months and years", () => {
    expect(addCalendarDays("2026-01-31", 1)).toBe("2026-02-01");
    expect(addCalendarDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addCalendarDays("2026-12-31", 90)).toBe("2027-03-31");
  });

  it("uses the shop's calendar day for 'today'", () => {
    const lateUtc = new Date("2026-01-15T23:30:00Z"); // already the 16th in Paris
    expect(dayInZone(lateUtc, "Europe/Paris")).toBe("2026-01-16");
    expect(dayInZone(lateUtc, "Pacific/Tahiti")).toBe("2026-01-15");
  });

  it("defaults to today + the shop's default validity, and bounds the choice", () => {
    const shop = { timeZone: "Europe/Paris", defaultValidityDays: 7 };
    const now = new Date("2026-01-15T10:00:00Z");
    expect(validityFromDay(undefined, shop, now)).toEqual({ ok: true, validUntil: new Date("2026-01-22T22:59:59Z") });
    expect(validityFromDay("2026-01-15", shop, now).ok).toBe(true);
    expect(validityFromDay("2026-01-14", shop, now)).toEqual({ ok: false, error: "err_validity_past" });
    expect(validityFromDay(addCalendarDays("2026-01-15", 90), shop, now).ok).toBe(true);
    expect(validityFromDay(addCalendarDays("2026-01-15", 91), shop, now)).toEqual({ ok: false, error: "err_validity_too_far" });
  });
});
