import type { ReminderPolicyValues } from "@/app/(backoffice)/settings/shop/actions";
import { Field } from "@/components/ui/field";
import type { Messages } from "@/lib/i18n/messages/types";

/** The form's ids of the policy's fields (the error summary links to them). */
export const REMINDER_INPUTS: Record<string, string> = {
  "remindersPolicy.enabled": "remindersEnabled",
  "remindersPolicy.steps": "reminderSteps",
  "remindersPolicy.quietStart": "quietStart",
  "remindersPolicy.quietEnd": "quietEnd",
};
export const REMINDER_LABELS: Record<string, string> = {
  "remindersPolicy.enabled": "shopset_reminders_enabled",
  "remindersPolicy.steps": "shopset_reminder_steps",
  "remindersPolicy.quietStart": "shopset_quiet_start",
  "remindersPolicy.quietEnd": "shopset_quiet_end",
};

/** Settings › Shop, reminders before expiry (issue 10): on/off, the days, the quiet hours. */
export function ReminderPolicyFields({
  values: v,
  error,
  messages: m,
}: {
  values: ReminderPolicyValues;
  error: (field: string) => string | undefined;
  messages: Messages;
}) {
  const err = (f: string) => error(`remindersPolicy.${f}`);
  return (
    <section aria-labelledby="sec-reminders" className="flex flex-col gap-4">
      <h2 id="sec-reminders" className="mb-3 text-lg font-semibold">
        {m.shopset_section_reminders}
      </h2>
      <div className="flex flex-col gap-1">
        <div className="flex items-center gap-2">
          <input
            key={String(v.enabled)}
            type="checkbox"
            id="remindersEnabled"
            name="remindersEnabled"
            defaultChecked={v.enabled}
            aria-describedby="remindersEnabled-help"
            className="size-4"
          />
          <label htmlFor="remindersEnabled" className="text-sm font-medium text-slate-800">
            {m.shopset_reminders_enabled}
          </label>
        </div>
        <p id="remindersEnabled-help" className="text-xs text-slate-600">
          {m.shopset_reminders_enabled_help}
        </p>
      </div>
      <Field
        key={`steps-${v.steps}`}
        id="reminderSteps"
        label={m.shopset_reminder_steps}
        help={m.shopset_reminder_steps_help}
        error={err("steps")}
        defaultValue={v.steps}
        inputMode="numeric"
        autoComplete="off"
        maxLength={40}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          key={`start-${v.quietStart}`}
          id="quietStart"
          type="time"
          label={m.shopset_quiet_start}
          help={m.shopset_quiet_start_help}
          error={err("quietStart")}
          defaultValue={v.quietStart}
        />
        <Field
          key={`end-${v.quietEnd}`}
          id="quietEnd"
          type="time"
          label={m.shopset_quiet_end}
          help={m.shopset_quiet_end_help}
          error={err("quietEnd")}
          defaultValue={v.quietEnd}
        />
      </div>
    </section>
  );
}
