import { CircleHelp } from "lucide-react";
import type { ReactNode } from "react";
import { useState } from "react";
import { CheckboxField, Field, SelectField } from "@/components/ui/field";
import { fieldBinder, labelTexts } from "@/components/ui/field-binding";
import type { Messages } from "@/lib/i18n/messages/types";
import { InstalmentFields } from "./instalment-fields";

type Props = {
  messages: Messages;
  shop: { defaultValidationMode: string; defaultCaptureDelay: number; threeDsPreferences: string[] };
  values?: Record<string, string | undefined>;
  error: (field: string) => string | undefined;
  /** Options this kind of order does not have (invoice orders: their description is a main field, never an alias). */
  hide?: ("description" | "aliasMode" | "dataCollectionForm" | "remindersOptOut" | "amountUpdate" | "instalments")[];
  /** Options the shop's payment processor cannot honour in this mode (issue 20): greyed out, with the reason's message key. */
  unsupported?: Partial<Record<"amountUpdate" | "instalments", string>>;
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
 * card registration (alias), the data collection form, the buyer's own amount (issue 12: bounds in
 * the order's currency), instalments and no reminders (e-mail and SMS orders). Open when one of
 * them has a value or an error. A ticked option comes back "on" from a form, "true" from a copy.
 */
export function AdvancedOrderFields({ messages: m, shop, values = {}, error, hide = [], unsupported = {} }: Props) {
  const text = (key: string) => (m as Record<string, string>)[key] ?? key;
  const bind = fieldBinder(error, values);
  const texts = labelTexts(m);
  const open = FIELDS.some((f) => !hide.includes(f as never) && ((values[f] && values[f] !== "NONE") || error(f)));
  const [alias, setAlias] = useState(values.aliasMode ?? "NONE");
  const aliasLocked = !hide.includes("aliasMode") && alias !== "NONE";
  const choices = (keys: string[], prefix: string) => keys.map((v) => ({ value: v, label: text(`${prefix}${v}`) }));
  const option = (name: "dataCollectionForm" | "remindersOptOut", key: "adv_dcf" | "adv_reminders_opt_out") =>
    hide.includes(name) ? null : (
      <CheckboxField {...texts(key)} id={name} error={error(name)} defaultChecked={values[name] === "on" || values[name] === "true"} />
    );
  return (
    <details open={open} className="rounded-md border border-slate-200 p-3" data-testid="advanced-options">
      <summary className="cursor-pointer text-sm font-semibold text-slate-800">{m.adv_title}</summary>
      <div className="mt-3 flex flex-col gap-4">
        {hide.includes("description") ? null : (
          <Field {...bind("description")} {...texts("adv_description")} optional={m.optional} maxLength={255} autoComplete="off" />
        )}
        <Field {...bind("merchantComment")} {...texts("adv_comment")} optional={m.optional} maxLength={255} autoComplete="off" />
        <div className="grid grid-cols-2 gap-3">
          <SelectField
            {...bind("validationMode")}
            label={m.detail_validation}
            defaultValue={values.validationMode ?? shop.defaultValidationMode}
            options={choices(["AUTOMATIC", "MANUAL"], "validation_")}
          />
          <Field
            {...bind("captureDelay")}
            type="number"
            min={0}
            max={365}
            label={m.detail_capture_delay}
            help={m.adv_capture_delay_help}
            defaultValue={values.captureDelay ?? String(shop.defaultCaptureDelay)}
          />
        </div>
        <div className="flex flex-col gap-1">
          {aliasLocked ? (
            <>
              {/* Issue 21: an alias forces strong authentication (the server sets it) — shown, locked, with the reason. */}
              <SelectField
                id="threeDsPreferenceLocked"
                name="threeDsPreferenceLocked"
                label={m.adv_threeds}
                help={m.threeds_locked_by_alias}
                value="CHALLENGE"
                disabled
                onChange={() => undefined}
                options={choices(["CHALLENGE"], "threeds_")}
              />
            </>
          ) : (
            <SelectField
              {...bind("threeDsPreference")}
              label={m.adv_threeds}
              defaultValue={values.threeDsPreference ?? "NO_PREFERENCE"}
              options={choices(shop.threeDsPreferences, "threeds_")}
            />
          )}
          <details className="text-sm" data-testid="threeds-help">
            <summary className="inline-flex cursor-pointer items-center gap-1 text-brand-700">
              <CircleHelp size={16} aria-hidden focusable={false} />
              {m.threeds_help_title}
            </summary>
            <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-slate-700">
              {(["NO_PREFERENCE", "FRICTIONLESS", "CHALLENGE"] as const).map((k) => (
                <div key={k} className="contents">
                  <dt className="font-medium">{text(`threeds_${k}`)}</dt>
                  <dd>{text(`threeds_help_${k}`)}</dd>
                </div>
              ))}
            </dl>
          </details>
        </div>
        {hide.includes("aliasMode") ? null : (
          <SelectField
            {...bind("aliasMode")}
            {...texts("adv_alias")}
            defaultValue={values.aliasMode ?? "NONE"}
            onChange={(e) => setAlias(e.target.value)}
            options={choices(["NONE", "PROPOSE", "AUTOMATIC"], "adv_alias_")}
          />
        )}
        {option("dataCollectionForm", "adv_dcf")}
        {hide.includes("amountUpdate") ? null : (
          <Unsupported id="amount-update-unsupported" reason={unsupported.amountUpdate ? text(unsupported.amountUpdate) : undefined}>
            <SelectField
              {...bind("amountUpdateMode")}
              {...texts("adv_amount_update")}
              defaultValue={values.amountUpdateMode ?? "NONE"}
              options={choices(["NONE", "RANGE", "FREE"], "adv_amount_update_")}
            />
            <div className="grid grid-cols-2 gap-3">
              <Field {...bind("amountUpdateMin")} {...texts("adv_amount_update_min")} inputMode="decimal" autoComplete="off" />
              <Field {...bind("amountUpdateMax")} {...texts("adv_amount_update_max")} inputMode="decimal" autoComplete="off" />
            </div>
          </Unsupported>
        )}
        {hide.includes("instalments") ? null : (
          <Unsupported id="instalments-unsupported" reason={unsupported.instalments ? text(unsupported.instalments) : undefined}>
            <InstalmentFields messages={m} values={values} error={error} />
          </Unsupported>
        )}
        {option("remindersOptOut", "adv_reminders_opt_out")}
      </div>
    </details>
  );
}

/** A group of options, greyed out (disabled: not sent) with the reason when the shop's processor cannot honour it. */
function Unsupported({ id, reason, children }: { id: string; reason?: string; children: ReactNode }) {
  return (
    <fieldset disabled={Boolean(reason)} aria-describedby={reason ? id : undefined} className="flex flex-col gap-3">
      {reason ? (
        <p id={id} className="text-sm text-slate-700" data-testid={id}>
          {reason}
        </p>
      ) : null}
      {children}
    </fieldset>
  );
}
