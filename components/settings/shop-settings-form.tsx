"use client";
import { useActionState } from "react";
import { type ShopSettingsState, type ShopSettingsValues, updateShopSettingsAction } from "@/app/(backoffice)/settings/shop/actions";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { Messages } from "@/lib/i18n/messages/types";
import type { ShopSettingsView } from "@/lib/shops/get-shop-settings";
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

const selectClass = (error?: string) => `rounded-md border bg-white px-3 py-2 text-base ${error ? "border-red-700" : "border-slate-400"}`;
const h2 = "mb-3 text-lg font-semibold";
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
const describedBy = (id: string, error?: string) => (error ? `${id}-help ${id}-error` : `${id}-help`);

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
  const [state, action, pending] = useActionState<ShopSettingsState, FormData>(updateShopSettingsAction, {});
  const msg = (key: string) => (m as Record<string, string>)[key] ?? key;
  const err = (k: string) => (state.fields?.[k] ? msg(state.fields[k]) : undefined);
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
  const zones = choices.timeZones.includes(str("timeZone")) ? choices.timeZones : [str("timeZone"), ...choices.timeZones];
  return (
    <form action={action} noValidate className="flex flex-col gap-6 rounded-lg border border-slate-200 bg-white p-6">
      {state.fields || state.error ? (
        <div role="alert" className="rounded-md bg-red-50 p-3 text-sm font-medium text-red-800">
          <p>{state.error ? msg(state.error) : m.form_has_errors}</p>
          {state.fields ? (
            <ul className="mt-2 list-disc pl-5">
              {Object.entries(state.fields).map(([field, key]) => (
                <li key={field}>
                  <a href={`#${inputOf(field)}`} className="underline">
                    {msg(LABELS[field] ?? field)}
                  </a>
                  {` — ${msg(key)}`}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <input type="hidden" name="shopId" value={view.shopId} />
      {/* Read-only for operators and viewers: every field disabled at once, shaded so it reads as such. */}
      <fieldset
        disabled={readOnly}
        className="flex min-w-0 flex-col gap-8 [&_input:disabled]:cursor-not-allowed [&_input:disabled]:bg-slate-100 [&_select:disabled]:cursor-not-allowed [&_select:disabled]:bg-slate-100"
      >
        <section aria-labelledby="sec-identity" className="flex flex-col gap-4">
          <h2 id="sec-identity" className={h2}>
            {m.shopset_section_identity}
          </h2>
          <Field
            id="name"
            label={m.shopset_name}
            help={m.shopset_name_help}
            error={err("name")}
            defaultValue={str("name")}
            maxLength={100}
            required
          />
          <Field
            id="url"
            type="url"
            label={`${m.shopset_url} (${m.optional})`}
            help={m.shopset_url_help}
            error={err("url")}
            defaultValue={str("url")}
          />
          <Field
            id="managerEmail"
            type="email"
            label={`${m.shopset_manager_email} (${m.optional})`}
            help={m.shopset_manager_email_help}
            error={err("managerEmail")}
            defaultValue={str("managerEmail")}
          />
        </section>
        <section aria-labelledby="sec-orders" className="flex flex-col gap-4">
          <h2 id="sec-orders" className={h2}>
            {m.shopset_section_orders}
          </h2>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              id="defaultValidityDays"
              type="number"
              inputMode="numeric"
              min={1}
              max={choices.maxValidityDays}
              label={m.shopset_validity}
              help={m.shopset_validity_help}
              error={err("defaultValidityDays")}
              defaultValue={str("defaultValidityDays")}
              required
            />
            <Field
              id="defaultCaptureDelay"
              type="number"
              inputMode="numeric"
              min={0}
              max={choices.maxCaptureDelay}
              label={m.shopset_capture_delay}
              help={m.shopset_capture_delay_help}
              error={err("defaultCaptureDelay")}
              defaultValue={str("defaultCaptureDelay")}
              required
            />
          </div>
          <Field
            id="defaultValidationMode"
            label={m.shopset_validation_mode}
            help={m.shopset_validation_mode_help}
            error={err("defaultValidationMode")}
          >
            <select
              key={str("defaultValidationMode")}
              id="defaultValidationMode"
              name="defaultValidationMode"
              defaultValue={str("defaultValidationMode")}
              aria-describedby={describedBy("defaultValidationMode", err("defaultValidationMode"))}
              aria-invalid={err("defaultValidationMode") ? true : undefined}
              className={selectClass(err("defaultValidationMode"))}
            >
              {(["AUTOMATIC", "MANUAL"] as const).map((mode) => (
                <option key={mode} value={mode}>
                  {m[`shopset_mode_${mode}`]}
                </option>
              ))}
            </select>
          </Field>
          <div className="flex flex-col gap-1">
            <div className="flex items-center gap-2">
              <input
                key={String(v.referenceMandatory)}
                type="checkbox"
                id="referenceMandatory"
                name="referenceMandatory"
                defaultChecked={v.referenceMandatory === true}
                aria-describedby="referenceMandatory-help"
                className="size-4"
              />
              <label htmlFor="referenceMandatory" className="text-sm font-medium text-slate-800">
                {m.shopset_reference_mandatory}
              </label>
            </div>
            <p id="referenceMandatory-help" className="text-xs text-slate-600">
              {m.shopset_reference_mandatory_help}
            </p>
          </div>
        </section>
        <section aria-labelledby="sec-locale" className="flex flex-col gap-4">
          <h2 id="sec-locale" className={h2}>
            {m.shopset_section_locale}
          </h2>
          <Field id="timeZone" label={m.shopset_time_zone} help={m.shopset_time_zone_help} error={err("timeZone")}>
            <select
              key={str("timeZone")}
              id="timeZone"
              name="timeZone"
              defaultValue={str("timeZone")}
              aria-describedby={describedBy("timeZone", err("timeZone"))}
              aria-invalid={err("timeZone") ? true : undefined}
              className={selectClass(err("timeZone"))}
            >
              {zones.map((z) => (
                <option key={z} value={z}>
                  {z.replaceAll("_", " ")}
                </option>
              ))}
            </select>
          </Field>
          <CheckboxGroup
            name="languages"
            legend={m.shopset_languages}
            help={m.shopset_languages_help}
            error={err("languages")}
            options={choices.languages}
            checked={list("languages")}
          />
          <Field
            id="defaultLanguage"
            label={m.shopset_default_language}
            help={m.shopset_default_language_help}
            error={err("defaultLanguage")}
          >
            <select
              key={str("defaultLanguage")}
              id="defaultLanguage"
              name="defaultLanguage"
              defaultValue={str("defaultLanguage")}
              aria-describedby={describedBy("defaultLanguage", err("defaultLanguage"))}
              aria-invalid={err("defaultLanguage") ? true : undefined}
              className={selectClass(err("defaultLanguage"))}
            >
              {choices.languages.map((l) => (
                <option key={l.value} value={l.value}>
                  {l.label}
                </option>
              ))}
            </select>
          </Field>
        </section>
        <section aria-labelledby="sec-currencies" className="flex flex-col gap-4">
          <h2 id="sec-currencies" className={h2}>
            {m.shopset_section_currencies}
          </h2>
          <CheckboxGroup
            name="currencies"
            legend={m.shopset_currencies}
            help={m.shopset_currencies_help}
            error={err("currencies")}
            options={choices.currencies}
            checked={list("currencies")}
            columns="grid-cols-1 sm:grid-cols-2 lg:grid-cols-3"
          />
        </section>
        <section aria-labelledby="sec-cards" className="flex flex-col gap-4">
          <h2 id="sec-cards" className={h2}>
            {m.shopset_section_cards}
          </h2>
          <CheckboxGroup
            name="acceptedBrands"
            legend={m.shopset_card_brands}
            help={m.shopset_card_brands_help}
            error={err("acceptedBrands")}
            options={choices.cardBrands}
            checked={list("acceptedBrands")}
            columns="grid-cols-1 sm:grid-cols-2 lg:grid-cols-4"
          />
        </section>
        <ReminderPolicyFields values={v.remindersPolicy} error={err} messages={m} />
        <ApiQuotaFields values={v} choices={choices} error={err} messages={m} />
      </fieldset>
      <p role="status" className="text-sm font-medium text-green-800">
        {state.saved ? m[state.saved === "changed" ? "shopset_saved" : "shopset_unchanged"] : ""}
      </p>
      {readOnly ? null : (
        <div>
          <button type="submit" className={buttonClass()} disabled={pending}>
            {m.shopset_save}
          </button>
        </div>
      )}
    </form>
  );
}
