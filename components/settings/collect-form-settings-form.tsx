"use client";
import { useActionState } from "react";
import {
  type CollectFormRowValues,
  type CollectFormState,
  type CollectFormValues,
  updateCollectFormAction,
} from "@/app/(backoffice)/settings/collect-form/actions";
import { buttonClass } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { isCustomField } from "@/lib/collect-form/config";
import type { CollectFormSettingsView } from "@/lib/collect-form/get-collect-form-settings";
import { COLLECT_FIELD_KEYS, CUSTOM_LABEL_MAX } from "@/lib/collect-form/schemas";
import type { Messages } from "@/lib/i18n/messages/types";

const h2 = "mb-3 text-lg font-semibold";
const box = "size-4";

/** The rows in the buyer's order: the collected fields as saved, then the others in the usual order. */
function savedRows(form: CollectFormSettingsView["form"]): CollectFormValues {
  const fields = form?.fields ?? [];
  const collected = fields.map((f) => ({ key: f.key, collect: true, required: f.required, label: f.label ?? "" }));
  const others = COLLECT_FIELD_KEYS.filter((k) => !fields.some((f) => f.key === k)).map((key) => ({
    key,
    collect: false,
    required: false,
    label: "",
  }));
  return { rows: [...collected, ...others], invoiceMode: form?.invoiceMode ?? false };
}

/** Settings › Data collection form: one form; read-only (disabled, no save button) for operators and viewers. */
export function CollectFormSettingsForm({
  view,
  readOnly,
  publicUrl,
  messages: m,
}: {
  view: CollectFormSettingsView;
  readOnly: boolean;
  publicUrl: string;
  messages: Messages;
}) {
  const [state, action, pending] = useActionState<CollectFormState, FormData>(updateCollectFormAction, {});
  const msg = (key: string) => (m as Record<string, string>)[key] ?? key;
  const err = (k: string) => (state.fields?.[k] ? msg(state.fields[k]) : undefined);
  // After a save or an error, the form shows what was submitted (React resets the form to its defaults).
  const v = state.values ?? savedRows(view.form);
  const customNumber = (key: string) => key.replace("custom", "");
  const nameOf = (key: string) =>
    isCustomField(key) ? m.collectset_custom.replace("{n}", customNumber(key)) : msg(`collectset_field_${key}`);
  // The error summary links each bad field to its input.
  const target = (path: string) => {
    const [key, part] = path.split(".");
    if (part === "label") return { id: `label-${key}`, name: nameOf(key!) };
    if (part === "required") return { id: `required-${key}`, name: `${nameOf(key!)} — ${m.collectset_col_required}` };
    return { id: `collect-${v.rows[0]?.key ?? "title"}`, name: m.collectset_section_fields };
  };
  return (
    <form action={action} noValidate className="flex flex-col gap-6 rounded-lg border border-slate-200 bg-white p-6">
      {state.fields || state.error ? (
        <div role="alert" className="rounded-md bg-red-50 p-3 text-sm font-medium text-red-800">
          <p>{state.error ? msg(state.error) : m.form_has_errors}</p>
          {state.fields ? (
            <ul className="mt-2 list-disc pl-5">
              {Object.entries(state.fields).map(([field, key]) => (
                <li key={field}>
                  <a href={`#${target(field).id}`} className="underline">
                    {target(field).name}
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
        className="flex min-w-0 flex-col gap-8 [&_input:disabled]:cursor-not-allowed [&_input[type=text]:disabled]:bg-slate-100"
      >
        <section aria-labelledby="sec-fields" className="flex flex-col gap-2">
          <h2 id="sec-fields" className={h2}>
            {m.collectset_section_fields}
          </h2>
          <p id="fields-help" className="text-sm text-slate-600">
            {m.collectset_fields_help}
          </p>
          {err("fields") ? (
            <p id="fields-error" className="text-sm font-medium text-red-700">
              {err("fields")}
            </p>
          ) : null}
          <table className="w-full text-sm" aria-describedby={err("fields") ? "fields-help fields-error" : "fields-help"}>
            <thead>
              <tr className="border-b border-slate-200 text-left">
                <th scope="col" className="py-2 pr-4 font-medium">
                  {m.collectset_col_field}
                </th>
                <th scope="col" className="w-28 py-2 text-center font-medium">
                  {m.collectset_col_collect}
                </th>
                <th scope="col" className="w-28 py-2 text-center font-medium">
                  {m.collectset_col_required}
                </th>
              </tr>
            </thead>
            <tbody>
              {v.rows.map((r) => (
                <FieldRow key={`${r.key}-${r.collect}-${r.required}-${r.label}`} row={r} name={nameOf(r.key)} err={err} m={m} />
              ))}
            </tbody>
          </table>
        </section>
        <section aria-labelledby="sec-invoice" className="flex flex-col gap-3">
          <h2 id="sec-invoice" className={h2}>
            {m.collectset_section_invoice}
          </h2>
          <div className="flex flex-col gap-1">
            <div className="flex items-center gap-2">
              <input
                key={String(v.invoiceMode)}
                type="checkbox"
                id="invoiceMode"
                name="invoiceMode"
                defaultChecked={v.invoiceMode}
                aria-describedby="invoiceMode-help"
                className={box}
              />
              <label htmlFor="invoiceMode" className="text-sm font-medium text-slate-800">
                {m.collectset_invoice_mode}
              </label>
            </div>
            <p id="invoiceMode-help" className="text-xs text-slate-600">
              {m.collectset_invoice_mode_help}
            </p>
          </div>
        </section>
      </fieldset>
      {/* Outside the fieldset: viewers may copy it too. */}
      {view.form?.invoiceMode ? (
        <div className="flex flex-col gap-1">
          <label htmlFor="public-url" className="text-sm font-medium text-slate-800">
            {m.collectset_public_url}
          </label>
          <div className="flex flex-wrap items-center gap-2">
            <input
              id="public-url"
              readOnly
              value={publicUrl}
              aria-describedby="public-url-help"
              className="min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm"
              data-testid="collect-public-url"
            />
            <CopyButton
              value={publicUrl}
              targetId="public-url"
              labels={{ copy: m.collectset_copy, copied: m.collectset_copied, fallback: m.collectset_copy_fallback }}
              name={m.collectset_public_url}
            />
          </div>
          <p id="public-url-help" className="text-xs text-slate-600">
            {m.collectset_public_url_help}
          </p>
        </div>
      ) : null}
      <p role="status" className="text-sm font-medium text-green-800">
        {state.saved ? m[state.saved === "changed" ? "collectset_saved" : "collectset_unchanged"] : ""}
      </p>
      {readOnly ? null : (
        <div>
          <button type="submit" className={buttonClass()} disabled={pending}>
            {m.collectset_save}
          </button>
        </div>
      )}
    </form>
  );
}

/** One field: its name (or label input, for a custom field), "collect" and "required" boxes. */
function FieldRow({
  row: r,
  name,
  err,
  m,
}: {
  row: CollectFormRowValues;
  name: string;
  err: (k: string) => string | undefined;
  m: Messages;
}) {
  const requiredError = err(`${r.key}.required`);
  const labelError = err(`${r.key}.label`);
  return (
    <tr className="border-b border-slate-100 align-top" data-field={r.key}>
      <th scope="row" className="py-2 pr-4 text-left font-normal">
        <input type="hidden" name="row" value={r.key} />
        {isCustomField(r.key) ? (
          <div className="flex flex-col gap-1">
            <label htmlFor={`label-${r.key}`} className="font-medium text-slate-800">
              {name}
            </label>
            <input
              id={`label-${r.key}`}
              name={`label-${r.key}`}
              type="text"
              defaultValue={r.label}
              maxLength={CUSTOM_LABEL_MAX}
              aria-invalid={labelError ? true : undefined}
              aria-describedby={labelError ? `label-${r.key}-help label-${r.key}-error` : `label-${r.key}-help`}
              className={`rounded-md border px-3 py-1.5 text-base ${labelError ? "border-red-700" : "border-slate-400"}`}
            />
            <p id={`label-${r.key}-help`} className="text-xs text-slate-600">
              {m.collectset_custom_label_help}
            </p>
            {labelError ? (
              <p id={`label-${r.key}-error`} className="font-medium text-red-700">
                {labelError}
              </p>
            ) : null}
          </div>
        ) : (
          <span className="font-medium text-slate-800">{name}</span>
        )}
        {requiredError ? (
          <p id={`required-${r.key}-error`} className="font-medium text-red-700">
            {requiredError}
          </p>
        ) : null}
      </th>
      <td className="py-2 text-center">
        <input
          type="checkbox"
          id={`collect-${r.key}`}
          name={`collect-${r.key}`}
          defaultChecked={r.collect}
          aria-label={`${m.collectset_col_collect} — ${name}`}
          className={box}
        />
      </td>
      <td className="py-2 text-center">
        <input
          type="checkbox"
          id={`required-${r.key}`}
          name={`required-${r.key}`}
          defaultChecked={r.required}
          aria-label={`${m.collectset_col_required} — ${name}`}
          aria-invalid={requiredError ? true : undefined}
          aria-describedby={requiredError ? `required-${r.key}-error` : undefined}
          className={box}
        />
      </td>
    </tr>
  );
}
