"use client";
import { CopyButton } from "@/components/ui/copy-button";
import { CheckboxField, Field, FieldError, FieldRow } from "@/components/ui/field";
import { labelTexts } from "@/components/ui/field-binding";
import { SettingsForm, SettingsSection } from "@/components/ui/settings-form";
import { useFormAnswer } from "@/components/ui/use-form-answer";
import { type CollectFormRowValues, type CollectFormValues, updateCollectFormAction } from "@/lib/collect-form/actions";
import { isCustomField } from "@/lib/collect-form/config";
import type { CollectFormSettingsView } from "@/lib/collect-form/get-collect-form-settings";
import { COLLECT_FIELD_KEYS, CUSTOM_LABEL_MAX } from "@/lib/collect-form/schemas";
import type { Messages } from "@/lib/i18n/messages/types";

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
  const form = useFormAnswer(updateCollectFormAction, m);
  const { state, text: msg, err } = form;
  // After a save or an error, the form shows what was submitted (React resets the form to its defaults).
  const v = state.values ?? savedRows(view.form);
  const customNumber = (key: string) => key.replace("custom", "");
  const nameOf = (key: string) =>
    isCustomField(key) ? m.collectset_custom.replace("{n}", customNumber(key)) : msg(`collectset_field_${key}`);
  // The error summary links each bad field to its input.
  const target = (path: string) => {
    const [key, part] = path.split(".");
    if (part === "label") return { id: `label-${key}`, label: nameOf(key!) };
    if (part === "required") return { id: `required-${key}`, label: `${nameOf(key!)} — ${m.collectset_col_required}` };
    return { id: `collect-${v.rows[0]?.key ?? "title"}`, label: m.collectset_section_fields };
  };
  return (
    <SettingsForm
      form={form}
      readOnly={readOnly}
      target={target}
      hidden={{ shopId: view.shopId }}
      after={view.form?.invoiceMode ? <PublicUrl url={publicUrl} m={m} /> : null}
      status={state.saved ? m[state.saved === "changed" ? "collectset_saved" : "collectset_unchanged"] : ""}
      submit={{ label: m.collectset_save }}
    >
      <SettingsSection id="fields" title={m.collectset_section_fields} gap="gap-2">
        <p id="fields-help" className="text-sm text-slate-600">
          {m.collectset_fields_help}
        </p>
        <FieldError id="fields" error={err("fields")} />
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
              <CollectRow key={`${r.key}-${r.collect}-${r.required}-${r.label}`} row={r} name={nameOf(r.key)} err={err} m={m} />
            ))}
          </tbody>
        </table>
      </SettingsSection>
      <SettingsSection id="invoice" title={m.collectset_section_invoice} gap="gap-3">
        <CheckboxField
          key={String(v.invoiceMode)}
          id="invoiceMode"
          {...labelTexts(m)("collectset_invoice_mode")}
          defaultChecked={v.invoiceMode}
        />
      </SettingsSection>
    </SettingsForm>
  );
}

/** The published form's address, to copy (outside the fieldset: viewers may copy it too). */
function PublicUrl({ url, m }: { url: string; m: Messages }) {
  return (
    <FieldRow id="public-url" {...labelTexts(m)("collectset_public_url")}>
      {({ name: _, ...w }) => (
        <div className="flex flex-wrap items-center gap-2">
          <input
            {...w}
            readOnly
            value={url}
            className="min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm"
            data-testid="collect-public-url"
          />
          <CopyButton
            value={url}
            targetId="public-url"
            labels={{ copy: m.collectset_copy, copied: m.collectset_copied, fallback: m.collectset_copy_fallback }}
            name={m.collectset_public_url}
          />
        </div>
      )}
    </FieldRow>
  );
}

/** One field: its name (or label input, for a custom field), "collect" and "required" boxes. */
function CollectRow({
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
          <Field
            id={`label-${r.key}`}
            label={name}
            help={m.collectset_custom_label_help}
            error={labelError}
            type="text"
            defaultValue={r.label}
            maxLength={CUSTOM_LABEL_MAX}
            className="px-3 py-1.5 text-base"
          />
        ) : (
          <span className="font-medium text-slate-800">{name}</span>
        )}
        {requiredError ? (
          <p id={`required-${r.key}-error`} className="font-medium text-red-700">
            {requiredError}
          </p>
        ) : null}
      </th>
      <BoxCell id={`collect-${r.key}`} checked={r.collect} label={`${m.collectset_col_collect} — ${name}`} />
      <BoxCell id={`required-${r.key}`} checked={r.required} label={`${m.collectset_col_required} — ${name}`} error={requiredError} />
    </tr>
  );
}

/** A row's tick box in its column, named by the column and the field; a refused one points at its error. */
function BoxCell({ id, checked, label, error }: { id: string; checked: boolean; label: string; error?: string }) {
  return (
    <td className="py-2 text-center">
      <input
        type="checkbox"
        id={id}
        name={id}
        defaultChecked={checked}
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={box}
      />
    </td>
  );
}
