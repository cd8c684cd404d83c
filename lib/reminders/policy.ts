import { z } from "zod";

// A shop's reminder policy (issue 10), stored in Shop.remindersPolicy. Messages are keys of the
// message catalogue (lib/i18n/messages/reminders.ts).

export const MAX_REMINDER_STEPS = 3;
export const MAX_REMINDER_DAYS = 30;

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** "3, 1", "3;1", "J-3 J-1" → [3, 1]; anything else is left for the schema to refuse. */
const stepsFromText = (v: unknown) => {
  if (typeof v !== "string") return v;
  const parts = v
    .split(/[\s,;]+/)
    .map((p) => p.replace(/^[jd]-?/i, ""))
    .filter(Boolean);
  return parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
};

const time = (error: string) => z.string({ error }).trim().regex(HHMM, { error });

export const remindersPolicySchema = z.object({
  enabled: z.boolean({ error: "err_generic" }),
  /** Days before the validity end, largest first, without duplicates. */
  steps: z.preprocess(
    stepsFromText,
    z
      .array(z.unknown(), { error: "err_reminder_steps" })
      .refine((list) => list.every((n) => Number.isInteger(n) && (n as number) >= 1 && (n as number) <= MAX_REMINDER_DAYS), {
        error: "err_reminder_steps",
      })
      .transform((list) => [...new Set(list as number[])].sort((a, b) => b - a))
      .refine((list) => list.length >= 1 && list.length <= MAX_REMINDER_STEPS, { error: "err_reminder_steps" }),
  ),
  /** Quiet hours, "HH:MM" in the shop's zone: nothing is sent from start (included) to end (excluded). */
  quietStart: time("err_quiet_start"),
  quietEnd: time("err_quiet_end"),
});

export type RemindersPolicy = z.output<typeof remindersPolicySchema>;

export const DEFAULT_REMINDERS_POLICY: RemindersPolicy = { enabled: false, steps: [3, 1], quietStart: "21:00", quietEnd: "08:00" };

/** The stored policy, or the default when there is none or it is not readable (never throws). */
export function parseRemindersPolicy(stored: unknown): RemindersPolicy {
  const r = remindersPolicySchema.safeParse(stored);
  return r.success ? r.data : { ...DEFAULT_REMINDERS_POLICY, steps: [...DEFAULT_REMINDERS_POLICY.steps] };
}

/**
 * Whether "HH:MM" falls in the quiet hours. They may wrap midnight (21:00–08:00); equal start and
 * end mean no quiet hours.
 */
export function isQuietTime(local: string, policy: Pick<RemindersPolicy, "quietStart" | "quietEnd">): boolean {
  const { quietStart: start, quietEnd: end } = policy;
  if (start === end) return false;
  return start < end ? local >= start && local < end : local >= start || local < end;
}

const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** "HH:MM" of an instant in a time zone (24-hour clock). */
export function localClock(at: Date, timeZone: string): string {
  let f = clockFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    clockFormats.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
  return `${parts.hour}:${parts.minute}`;
}
