import { describe, expect, it } from "vitest";
import { DEFAULT_REMINDERS_POLICY, isQuietTime, localClock, parseRemindersPolicy, remindersPolicySchema } from "@/lib/reminders/policy";

const errors = (input: unknown) => {
  const r = remindersPolicySchema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
};
const policy = (over: Record<string, unknown> = {}) => ({ enabled: true, steps: "3,1", quietStart: "21:00", quietEnd: "08:00", ...over });

describe("reminder policy", () => {
  it("reads steps as typed: largest first, duplicates dropped, J- prefixes accepted", () => {
    expect(remindersPolicySchema.parse(policy({ steps: "1, 3" })).steps).toEqual([3, 1]);
    expect(remindersPolicySchema.parse(policy({ steps: "J-7 J-1; 7" })).steps).toEqual([7, 1]);
    expect(remindersPolicySchema.parse(policy({ steps: [30, 2, 10] })).steps).toEqual([30, 10, 2]);
  });

  it.each([
    ["no step", { steps: "" }, "steps", "err_reminder_steps"],
    ["four steps", { steps: "7,3,2,1" }, "steps", "err_reminder_steps"],
    ["step 0", { steps: "0" }, "steps", "err_reminder_steps"],
    ["step 31", { steps: "31,1" }, "steps", "err_reminder_steps"],
    ["a word", { steps: "3,soon" }, "steps", "err_reminder_steps"],
    ["a fraction", { steps: [1.5] }, "steps", "err_reminder_steps"],
    ["start 24:00", { quietStart: "24:00" }, "quietStart", "err_quiet_start"],
    ["end 8h", { quietEnd: "8h" }, "quietEnd", "err_quiet_end"],
  ])("refuses %s, naming the field", (_label, over, field, message) => {
    expect(errors(policy(over))).toEqual({ [field]: message });
  });

  it("tolerates a missing or unreadable stored value: the default (off, J-3 and J-1, 21:00–08:00)", () => {
    expect(DEFAULT_REMINDERS_POLICY).toEqual({ enabled: false, steps: [3, 1], quietStart: "21:00", quietEnd: "08:00" });
    for (const stored of [null, undefined, "on", { enabled: "yes" }, { ...DEFAULT_REMINDERS_POLICY, steps: [] }]) {
      expect(parseRemindersPolicy(stored)).toEqual(DEFAULT_REMINDERS_POLICY);
    }
    const saved = { enabled: true, steps: [5, 2], quietStart: "22:30", quietEnd: "07:15" };
    expect(parseRemindersPolicy(saved)).toEqual(saved);
  });

  it("quiet hours may wrap midnight; equal bounds mean none", () => {
    const night = { quietStart: "21:00", quietEnd: "08:00" };
    expect(["21:00", "23:59", "00:00", "07:59"].map((t) => isQuietTime(t, night))).toEqual([true, true, true, true]);
    expect(["08:00", "12:00", "20:59"].map((t) => isQuietTime(t, night))).toEqual([false, false, false]);
    const lunch = { quietStart: "12:00", quietEnd: "14:00" };
    expect(["11:59", "12:00", "13:59", "14:00"].map((t) => isQuietTime(t, lunch))).toEqual([false, true, true, false]);
    expect(isQuietTime("03:00", { quietStart: "00:00", quietEnd: "00:00" })).toBe(false);
  });

  it("reads the clock in the shop's zone", () => {
    const at = new Date("2026-07-01T19:30:00Z");
    expect(localClock(at, "Europe/Paris")).toBe("21:30");
    expect(localClock(at, "Pacific/Tahiti")).toBe("09:30");
    expect(localClock(new Date("2026-07-01T23:05:00Z"), "UTC")).toBe("23:05");
  });
});
