import { Field, SelectField, TextAreaField } from "@/components/ui/field";
import { fieldBinder, labelTexts } from "@/components/ui/field-binding";
import type { Messages } from "@/lib/i18n/messages/types";

/**
 * Payment in instalments (issue 12): none, regular (count, interval, optional first amount) or a
 * custom schedule typed one "YYYY-MM-DD amount" per line. Checked by the server at creation.
 */
export function InstalmentFields({
  messages: m,
  values,
  error,
}: {
  messages: Messages;
  values: Record<string, string | undefined>;
  error: (field: string) => string | undefined;
}) {
  const bind = fieldBinder(error, values);
  const texts = labelTexts(m);
  return (
    <fieldset className="flex flex-col gap-3" data-testid="instalment-fields">
      <SelectField
        {...bind("instalmentMode")}
        {...texts("adv_instalments")}
        defaultValue={values.instalmentMode ?? ""}
        placeholder={m.adv_instalments_none}
        options={(["PERIOD", "SCHEDULE"] as const).map((v) => ({ value: v, label: m[`adv_instalments_${v}`] }))}
      />
      <div className="grid grid-cols-3 gap-3">
        <Field {...bind("instalmentCount")} {...texts("adv_instalment_count")} inputMode="numeric" autoComplete="off" />
        <Field {...bind("instalmentPeriod")} {...texts("adv_instalment_period")} inputMode="numeric" autoComplete="off" />
        <Field {...bind("instalmentFirstAmount")} {...texts("adv_instalment_first_amount")} inputMode="decimal" autoComplete="off" />
      </div>
      <TextAreaField
        {...bind("instalmentSchedule")}
        {...texts("adv_instalment_schedule")}
        rows={4}
        className="px-3 py-2 font-mono text-sm"
      />
    </fieldset>
  );
}
