"use client";
import { CheckboxField, Field, SelectField } from "@/components/ui/field";
import { fieldBinder, labelTexts, wholeNumber } from "@/components/ui/field-binding";
import { SettingsForm, SettingsSection } from "@/components/ui/settings-form";
import { useFormAnswer } from "@/components/ui/use-form-answer";
import type { Messages } from "@/lib/i18n/messages/types";
import type { ShopSettingsView } from "@/lib/shops/get-shop-settings";
import { type ShopSettingsValues, updateShopSettingsAction } from "@/lib/shops/settings-actions";
import { API_QUOTA_LABELS, type ApiQuotaChoices, ApiQuotaFields, apiQuotaValues } from "./api-quota-fields";
import { CheckboxGroup } from "./checkbox-group";
import { REMINDER_INPUTS, REMINDER_LABELS, ReminderPolicyFields } from "./reminder-policy-fields";

type Option = { value: string; label: string };
export type ShopSettingsChoices = {
  timeZones: string[];
  languages: Option[];
  currencies: Option[];
  cardBrands: Option[];
  maxValidityDays: number;
  maxCaptureDelay: number;
} & ApiQuotaChoices;

// The error summary links each bad field to its input.
const LABELS: Record<string, string> = {
  name: "shopset_name",
  url: "shopset_url",
  managerEmail: "shopset_manager_email",
  defaultValidityDays: "shopset_validity",
  defaultCaptureDelay: "shopset_capture_delay",
  defaultValidationMode: "shopset_validation_mode",
  referenceMandatory: "shopset_reference_mandatory",
  timeZone: "shopset_time_zone",
  languages: "shopset_languages",
  defaultLanguage: "shopset_default_language",
  currencies: "shopset_currencies",
  acceptedBrands: "shopset_card_brands",
  ...REMINDER_LABELS,
  ...API_QUOTA_LABELS,
};
// The checkbox groups: the error summary links to their first box.
const GROUPS = { languages: "languages", currencies: "currencies", acceptedBrands: "cardBrands" } as const;
type Group = keyof typeof GROUPS;
const isGroup = (field: string): field is Group => field in GROUPS;

/** Settings › Shop: one form; read-only (disabled, no save button) for operators and viewers. */
export function ShopSettingsForm({
  view,
  readOnly,
  choices,
  messages: m,
}: {
  view: ShopSettingsView;
  readOnly: boolean;
  choices: ShopSettingsChoices;
  messages: Messages;
}) {
  const form = useFormAnswer(updateShopSettingsAction, m);
  const { state, text: msg, err } = form;
  const s = view.settings;
  const inputOf = (field: string) => (isGroup(field) ? `${field}-${choices[GROUPS[field]][0]?.value}` : (REMINDER_INPUTS[field] ?? field));
  // After a save or an error, the form shows what was submitted (React resets the form to its defaults).
  const v: ShopSettingsValues = state.values ?? {
    ...s,
    url: s.url ?? "",
    managerEmail: s.managerEmail ?? "",
    defaultValidityDays: String(s.defaultValidityDays),
    defaultCaptureDelay: String(s.defaultCaptureDelay),
    ...apiQuotaValues(s),
    remindersPolicy: { ...s.remindersPolicy, steps: s.remindersPolicy.steps.join(", ") },
  };
  const str = (k: Exclude<keyof ShopSettingsValues, "remindersPolicy">) => String(v[k]);
  const list = (k: Group) => (Array.isArray(v[k]) ? v[k] : []);
  const group = (k: Group) => ({ name: k, error: err(k), checked: list(k) });
  const bind = fieldBinder(err, v);
  const texts = labelTexts(m);
  const zones = choices.timeZones.includes(str("timeZone")) ? choices.timeZones : [str("timeZone"), ...choices.timeZones];
  return (
    <SettingsForm
      form={form}
      readOnly={readOnly}
      target={(f) => ({ id: inputOf(f), label: msg(LABELS[f] ?? f) })}
      hidden={{ shopId: view.shopId }}
      status={state.saved ? m[state.saved === "changed" ? "shopset_saved" : "shopset_unchanged"] : ""}
      submit={{ label: m.shopset_save }}
    >
      <SettingsSection id="identity" title={m.shopset_section_identity}>
        <Field {...bind("name")} {...texts("shopset_name")} maxLength={100} required />
        <Field {...bind("url")} type="url" {...texts("shopset_url")} optional={m.optional} />
        <Field {...bind("managerEmail")} type="email" {...texts("shopset_manager_email")} optional={m.optional} />
      </SettingsSection>
      <SettingsSection id="orders" title={m.shopset_section_orders}>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field {...bind("defaultValidityDays")} {...wholeNumber(1, choices.maxValidityDays)} {...texts("shopset_validity")} required />
          <Field
            {...bind("defaultCaptureDelay")}
            {...wholeNumber(0, choices.maxCaptureDelay)}
            {...texts("shopset_capture_delay")}
            required
          />
        </div>
        <SelectField
          key={str("defaultValidationMode")}
          {...bind("defaultValidationMode")}
          {...texts("shopset_validation_mode")}
          options={(["AUTOMATIC", "MANUAL"] as const).map((mode) => ({ value: mode, label: m[`shopset_mode_${mode}`] }))}
        />
        <CheckboxField
          key={String(v.referenceMandatory)}
          id="referenceMandatory"
          {...texts("shopset_reference_mandatory")}
          defaultChecked={v.referenceMandatory === true}
        />
      </SettingsSection>
      <SettingsSection id="locale" title={m.shopset_section_locale}>
        <SelectField
          key={str("timeZone")}
          {...bind("timeZone")}
          {...texts("shopset_time_zone")}
          options={zones.map((z) => ({ value: z, label: z.replaceAll("_", " ") }))}
        />
        <CheckboxGroup {...group("languages")} {...texts("shopset_languages")} options={choices.languages} />
        <SelectField
          key={str("defaultLanguage")}
          {...bind("defaultLanguage")}
          {...texts("shopset_default_language")}
          options={choices.languages}
        />
      </SettingsSection>
      <SettingsSection id="currencies" title={m.shopset_section_currencies}>
        <CheckboxGroup
          {...group("currencies")}
          {...texts("shopset_currencies")}
          options={choices.currencies}
          columns="grid-cols-1 sm:grid-cols-2 lg:grid-cols-3"
        />
      </SettingsSection>
      <SettingsSection id="cards" title={m.shopset_section_cards}>
        <CheckboxGroup
          {...group("acceptedBrands")}
          {...texts("shopset_card_brands")}
          options={choices.cardBrands}
          columns="grid-cols-1 sm:grid-cols-2 lg:grid-cols-4"
        />
      </SettingsSection>
      <ReminderPolicyFields values={v.remindersPolicy} error={err} messages={m} />
      <ApiQuotaFields values={v} choices={choices} error={err} messages={m} />
    </SettingsForm>
  );
}
