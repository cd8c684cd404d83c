import { Field } from "@/components/ui/field";
import type { Messages } from "@/lib/i18n/messages/types";
import { InstalmentFields } from "./instalment-fields";

const selectClass = "rounded-md border border-slate-400 bg-white px-3 py-2 text-base";

type Props = {
  messages: Messages;
  shop: { defaultValidationMode: string; defaultCaptureDelay: number; threeDsPreferences: string[] };
  values?: Record<string, string | undefined>;
  error: (field: string) => string | undefined;
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
          <Field id="validationMode" label={m.detail_validation} error={error("validationMode")}>
            <select
              id="validationMode"
              name="validationMode"
              className={selectClass}
              defaultValue={values.validationMode ?? shop.defaultValidationMode}
            >
              {["AUTOMATIC", "MANUAL"].map((v) => (
                <option key={v} value={v}>
                  {(m as Record<string, string>)[`validation_${v}`]}
                </option>
              ))}
            </select>
          </Field>
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
        <Field id="threeDsPreference" label={m.adv_threeds} error={error("threeDsPreference")}>
          <select
            id="threeDsPreference"
            name="threeDsPreference"
            className={selectClass}
            defaultValue={values.threeDsPreference ?? "NO_PREFERENCE"}
          >
            {shop.threeDsPreferences.map((v) => (
              <option key={v} value={v}>
                {(m as Record<string, string>)[`threeds_${v}`]}
              </option>
            ))}
          </select>
        </Field>
        {hide.includes("aliasMode") ? null : (
          <Field id="aliasMode" label={m.adv_alias} help={m.adv_alias_help} error={error("aliasMode")}>
            <select
              id="aliasMode"
              name="aliasMode"
              aria-describedby={error("aliasMode") ? "aliasMode-help aliasMode-error" : "aliasMode-help"}
              aria-invalid={error("aliasMode") ? true : undefined}
              className={selectClass}
              defaultValue={values.aliasMode ?? "NONE"}
            >
              {["NONE", "PROPOSE", "AUTOMATIC"].map((v) => (
                <option key={v} value={v}>
                  {(m as Record<string, string>)[`adv_alias_${v}`]}
                </option>
              ))}
            </select>
          </Field>
        )}
        {hide.includes("dataCollectionForm") ? null : (
          <Checkbox name="dataCollectionForm" label={m.adv_dcf} help={m.adv_dcf_help} values={values} error={error} />
        )}
        {hide.includes("amountUpdate") ? null : <AmountUpdateFields messages={m} values={values} error={error} />}
        {hide.includes("instalments") ? null : <InstalmentFields messages={m} values={values} error={error} />}
        {hide.includes("remindersOptOut") ? null : (
          <Checkbox
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
function AmountUpdateFields({
  messages: m,
  values,
  error,
}: {
  messages: Messages;
  values: Record<string, string | undefined>;
  error: (field: string) => string | undefined;
}) {
  return (
    <div className="flex flex-col gap-3">
      <Field id="amountUpdateMode" label={m.adv_amount_update} help={m.adv_amount_update_help} error={error("amountUpdateMode")}>
        <select
          id="amountUpdateMode"
          name="amountUpdateMode"
          aria-describedby={error("amountUpdateMode") ? "amountUpdateMode-help amountUpdateMode-error" : "amountUpdateMode-help"}
          aria-invalid={error("amountUpdateMode") ? true : undefined}
          className={selectClass}
          defaultValue={values.amountUpdateMode ?? "NONE"}
        >
          {["NONE", "RANGE", "FREE"].map((v) => (
            <option key={v} value={v}>
              {(m as Record<string, string>)[`adv_amount_update_${v}`]}
            </option>
          ))}
        </select>
      </Field>
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

/** A ticked-or-not option with its help text and error, wired for screen readers. */
function Checkbox({
  name,
  label,
  help,
  values,
  error,
}: {
  name: string;
  label: string;
  help: string;
  values: Record<string, string | undefined>;
  error: (field: string) => string | undefined;
}) {
  const e = error(name);
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center gap-2">
        <input
          type="checkbox"
          id={name}
          name={name}
          defaultChecked={values[name] === "on" || values[name] === "true"}
          aria-describedby={e ? `${name}-help ${name}-error` : `${name}-help`}
          aria-invalid={e ? true : undefined}
          className="h-4 w-4"
        />
        <label htmlFor={name} className="text-sm font-medium text-slate-800">
          {label}
        </label>
      </div>
      <p id={`${name}-help`} className="text-xs text-slate-600">
        {help}
      </p>
      {e ? (
        <p id={`${name}-error`} className="text-sm font-medium text-red-700">
          {e}
        </p>
      ) : null}
    </div>
  );
}
