import { CheckboxField, Field } from "@/components/ui/field";
import { fieldBinder, labelTexts } from "@/components/ui/field-binding";
import { SettingsSection } from "@/components/ui/settings-form";
import type { Messages } from "@/lib/i18n/messages/types";
import type { ReminderPolicyValues } from "@/lib/shops/settings-actions";

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
  const bind = fieldBinder(err, v);
  const texts = labelTexts(m);
  return (
    <SettingsSection id="reminders" title={m.shopset_section_reminders}>
      <CheckboxField key={String(v.enabled)} id="remindersEnabled" {...texts("shopset_reminders_enabled")} defaultChecked={v.enabled} />
      <Field
        key={`steps-${v.steps}`}
        id="reminderSteps"
        {...texts("shopset_reminder_steps")}
        error={err("steps")}
        defaultValue={v.steps}
        inputMode="numeric"
        autoComplete="off"
        maxLength={40}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field key={`start-${v.quietStart}`} {...bind("quietStart")} type="time" {...texts("shopset_quiet_start")} />
        <Field key={`end-${v.quietEnd}`} {...bind("quietEnd")} type="time" {...texts("shopset_quiet_end")} />
      </div>
    </SettingsSection>
  );
}
