import { CheckboxField, Field, SelectField } from "@/components/ui/field";
import type { Messages } from "@/lib/i18n/messages/types";
import { InstalmentFields } from "./instalment-fields";

type Values = Record<string, string | undefined>;
type Error = (field: string) => string | undefined;
type Props = {
  messages: Messages;
  shop: { defaultValidationMode: string; defaultCaptureDelay: number; threeDsPreferences: string[] };
  values?: Values;
  error: Error;
  /** Options this kind of order does not have (invoice orders: their description is a main field, never an alias). */
  hide?: ("description" | "aliasMode" | "dataCollectionForm" | "remindersOptOut" | "amountUpdate" | "instalments")[];
};

const FIELDS = [
  "description",
  "merchantComment",
  "validationMode",
  "captureDelay",
  "threeDsPreference",
  "aliasMode",
  "dataCollectionForm",
  "remindersOptOut",
  "amountUpdateMode",
  "amountUpdateMin",
  "amountUpdateMax",
  "instalmentMode",
];

/**
 * The advanced dialog's options (F-ORD-*), folded by default: a description for the buyer, an
 * internal comment, validation mode, capture delay, 3-D Secure preference (the shop's offer),
 * card registration (alias), the data collection form and no reminders (e-mail and SMS orders).
 * Open when one of them has a value or an error.
 */
export function AdvancedOrderFields({ messages: m, shop, values = {}, error, hide = [] }: Props) {
  const text = (key: string) => (m as Record<string, string>)[key] ?? key;
  const open = FIELDS.some((f) => !hide.includes(f as never) && ((values[f] && values[f] !== "NONE") || error(f)));
  return (
    <details open={open} className="rounded-md border border-slate-200 p-3" data-testid="advanced-options">
      <summary className="cursor-pointer text-sm font-semibold text-slate-800">{m.adv_title}</summary>
      <div className="mt-3 flex flex-col gap-4">
        {hide.includes("description") ? null : (
          <Field
            id="description"
            label={`${m.adv_description} (${m.optional})`}
            help={m.adv_description_help}
            error={error("description")}
            defaultValue={values.description}
            maxLength={255}
            autoComplete="off"
          />
        )}
        <Field
          id="merchantComment"
          label={`${m.adv_comment} (${m.optional})`}
          help={m.adv_comment_help}
          error={error("merchantComment")}
          defaultValue={values.merchantComment}
          maxLength={255}
          autoComplete="off"
        />
        <div className="grid grid-cols-2 gap-3">
          <SelectField
            id="validationMode"
            label={m.detail_validation}
            error={error("validationMode")}
            defaultValue={values.validationMode ?? shop.defaultValidationMode}
            options={["AUTOMATIC", "MANUAL"].map((v) => ({ value: v, label: text(`validation_${v}`) }))}
          />
          <Field
            id="captureDelay"
            type="number"
            min={0}
            max={365}
            label={m.detail_capture_delay}
            help={m.adv_capture_delay_help}
            error={error("captureDelay")}
            defaultValue={values.captureDelay ?? String(shop.defaultCaptureDelay)}
          />
        </div>
        <SelectField
          id="threeDsPreference"
          label={m.adv_threeds}
          error={error("threeDsPreference")}
          defaultValue={values.threeDsPreference ?? "NO_PREFERENCE"}
          options={shop.threeDsPreferences.map((v) => ({ value: v, label: text(`threeds_${v}`) }))}
        />
        {hide.includes("aliasMode") ? null : (
          <SelectField
            id="aliasMode"
            label={m.adv_alias}
            help={m.adv_alias_help}
            error={error("aliasMode")}
            defaultValue={values.aliasMode ?? "NONE"}
            options={["NONE", "PROPOSE", "AUTOMATIC"].map((v) => ({ value: v, label: text(`adv_alias_${v}`) }))}
          />
        )}
        {hide.includes("dataCollectionForm") ? null : (
          <Option name="dataCollectionForm" label={m.adv_dcf} help={m.adv_dcf_help} values={values} error={error} />
        )}
        {hide.includes("amountUpdate") ? null : <AmountUpdateFields messages={m} values={values} error={error} />}
        {hide.includes("instalments") ? null : <InstalmentFields messages={m} values={values} error={error} />}
        {hide.includes("remindersOptOut") ? null : (
          <Option
            name="remindersOptOut"
            label={m.adv_reminders_opt_out}
            help={m.adv_reminders_opt_out_help}
            values={values}
            error={error}
          />
        )}
      </div>
    </details>
  );
}

/** Whether and how the buyer may adjust the amount (issue 12): bounds in the order's currency. */
function AmountUpdateFields({ messages: m, values, error }: { messages: Messages; values: Values; error: Error }) {
  return (
    <div className="flex flex-col gap-3">
      <SelectField
        id="amountUpdateMode"
        label={m.adv_amount_update}
        help={m.adv_amount_update_help}
        error={error("amountUpdateMode")}
        defaultValue={values.amountUpdateMode ?? "NONE"}
        options={["NONE", "RANGE", "FREE"].map((v) => ({ value: v, label: (m as Record<string, string>)[`adv_amount_update_${v}`] ?? v }))}
      />
      <div className="grid grid-cols-2 gap-3">
        <Field
          id="amountUpdateMin"
          label={m.adv_amount_update_min}
          help={m.adv_amount_update_min_help}
          error={error("amountUpdateMin")}
          defaultValue={values.amountUpdateMin}
          inputMode="decimal"
          autoComplete="off"
        />
        <Field
          id="amountUpdateMax"
          label={m.adv_amount_update_max}
          help={m.adv_amount_update_max_help}
          error={error("amountUpdateMax")}
          defaultValue={values.amountUpdateMax}
          inputMode="decimal"
          autoComplete="off"
        />
      </div>
    </div>
  );
}

/** A ticked-or-not option, ticked again when the form comes back ("on" from a form, "true" from a copied order). */
function Option({ name, label, help, values, error }: { name: string; label: string; help: string; values: Values; error: Error }) {
  return (
    <CheckboxField
      id={name}
      label={label}
      help={help}
      error={error(name)}
      defaultChecked={values[name] === "on" || values[name] === "true"}
    />
  );
}
