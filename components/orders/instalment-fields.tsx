import { Field, SelectField, TextAreaField } from "@/components/ui/field";
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
  return (
    <fieldset className="flex flex-col gap-3" data-testid="instalment-fields">
      <SelectField
        id="instalmentMode"
        label={m.adv_instalments}
        help={m.adv_instalments_help}
        error={error("instalmentMode")}
        defaultValue={values.instalmentMode ?? ""}
        placeholder={m.adv_instalments_none}
        options={(["PERIOD", "SCHEDULE"] as const).map((v) => ({ value: v, label: m[`adv_instalments_${v}`] }))}
      />
      <div className="grid grid-cols-3 gap-3">
        <Field
          id="instalmentCount"
          label={m.adv_instalment_count}
          help={m.adv_instalment_count_help}
          error={error("instalmentCount")}
          defaultValue={values.instalmentCount}
          inputMode="numeric"
          autoComplete="off"
        />
        <Field
          id="instalmentPeriod"
          label={m.adv_instalment_period}
          help={m.adv_instalment_period_help}
          error={error("instalmentPeriod")}
          defaultValue={values.instalmentPeriod}
          inputMode="numeric"
          autoComplete="off"
        />
        <Field
          id="instalmentFirstAmount"
          label={m.adv_instalment_first_amount}
          help={m.adv_instalment_first_amount_help}
          error={error("instalmentFirstAmount")}
          defaultValue={values.instalmentFirstAmount}
          inputMode="decimal"
          autoComplete="off"
        />
      </div>
      <TextAreaField
        id="instalmentSchedule"
        label={m.adv_instalment_schedule}
        help={m.adv_instalment_schedule_help}
        error={error("instalmentSchedule")}
        rows={4}
        className="px-3 py-2 font-mono text-sm"
        defaultValue={values.instalmentSchedule}
      />
    </fieldset>
  );
}
