"use client";
import { useActionState, useState } from "react";
import { type RuleFormState, type RuleFormValues, saveRuleAction } from "@/app/(backoffice)/settings/notification-rules/actions";
import { CheckboxGroup } from "@/components/settings/checkbox-group";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { Messages } from "@/lib/i18n/messages/types";
import { NOTIFICATION_EVENTS, NOTIFICATION_SOURCES } from "@/lib/notifications/events";
import { EMAIL_RULE_EVENTS, LABEL_MAX, RULE_CHANNELS } from "@/lib/notifications/rules/options";
import { h2, RuleEmailFields, type RuleTemplateChoice, RuleUrlFields } from "./rule-kind-fields";

// The error summary links each bad field to its input (checkbox groups: their first box).
const TARGETS: Record<string, { id: string; label: keyof Messages }> = {
  kind: { id: "label", label: "nrule_col_kind" },
  label: { id: "label", label: "nrule_label" },
  events: { id: "events-PAYMENT_ACCEPTED", label: "nrule_events" },
  sources: { id: "label", label: "nrule_condition_source" },
  channels: { id: "channels-URL", label: "nrule_channels" },
  alertEmail: { id: "alertEmail", label: "nrule_alert_email" },
  retry: { id: "retry", label: "nrule_retry" },
  urlTest: { id: "urlTest", label: "nrule_url_test" },
  urlProd: { id: "urlProd", label: "nrule_url_prod" },
  format: { id: "format-REST", label: "nrule_format" },
  hashKey: { id: "hashKey", label: "nrule_hash_key" },
  emailTarget: { id: "emailTarget-BUYER", label: "nrule_email_target" },
  templateId: { id: "templateId", label: "nrule_template" },
};

/**
 * Settings › Notification rules: one rule's form, of either kind (fixed by `initial.kind`). Creates
 * when `ruleId` is null; read-only (disabled, no button) for operators and viewers.
 */
export function RuleForm({
  shopId,
  ruleId,
  initial,
  templates,
  readOnly,
  messages: m,
}: {
  shopId: string;
  ruleId: string | null;
  initial: RuleFormValues;
  templates: RuleTemplateChoice[];
  readOnly: boolean;
  messages: Messages;
}) {
  const [state, action, pending] = useActionState<RuleFormState, FormData>(saveRuleAction, {});
  const msg = (key: string) => (m as Record<string, string>)[key] ?? key;
  const err = (k: string) => (state.fields?.[k] ? msg(state.fields[k]) : undefined);
  // After a save or an error, the form shows what was submitted (React resets the form to its defaults).
  const v = state.values ?? initial;
  const [format, setFormat] = useState(v.format);
  const [target, setTarget] = useState(v.emailTarget);
  const isUrl = initial.kind === "URL_CALL";
  const events = isUrl ? NOTIFICATION_EVENTS : EMAIL_RULE_EVENTS;
  const targetOf = (field: string) =>
    field === "emailTarget" && target === "ADDRESS" ? { id: "emailAddress", label: "nrule_email_address" } : TARGETS[field];
  return (
    <form
      action={action}
      noValidate
      className="flex flex-col gap-6 rounded-lg border border-slate-200 bg-white p-6"
      data-testid="rule-form"
    >
      {state.fields || state.error ? (
        <div role="alert" className="rounded-md bg-red-50 p-3 text-sm font-medium text-red-800">
          <p>{state.error ? msg(state.error) : m.form_has_errors}</p>
          {state.fields ? (
            <ul className="mt-2 list-disc pl-5">
              {Object.entries(state.fields).map(([field, key]) => (
                <li key={field}>
                  <a href={`#${targetOf(field)?.id ?? "label"}`} className="underline">
                    {msg(targetOf(field)?.label ?? field)}
                  </a>
                  {` — ${msg(key)}`}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {state.saved ? (
        <p role="status" className="rounded-md bg-green-50 p-3 text-sm font-medium text-green-900">
          {state.saved === "changed" ? m.nrule_saved : m.nrule_unchanged}
        </p>
      ) : null}
      <input type="hidden" name="shopId" value={shopId} />
      <input type="hidden" name="id" value={ruleId ?? ""} />
      <input type="hidden" name="kind" value={initial.kind} />
      {/* Read-only for operators and viewers: every field disabled at once, shaded so it reads as such. */}
      <fieldset
        disabled={readOnly}
        className="flex min-w-0 flex-col gap-8 [&_input:disabled]:cursor-not-allowed [&_input:disabled]:bg-slate-100 [&_select:disabled]:cursor-not-allowed [&_select:disabled]:bg-slate-100"
      >
        <section aria-labelledby="sec-general" className="flex flex-col gap-4">
          <h2 id="sec-general" className={h2}>
            {m.nrule_section_general}
          </h2>
          <Field
            key={`label-${v.label}`}
            id="label"
            label={m.nrule_label}
            help={m.nrule_label_help}
            error={err("label")}
            defaultValue={v.label}
            maxLength={LABEL_MAX}
            required
          />
          {isUrl ? (
            <>
              <Field
                key={`alert-${v.alertEmail}`}
                id="alertEmail"
                type="email"
                label={`${m.nrule_alert_email} (${m.optional})`}
                help={m.nrule_alert_email_help}
                error={err("alertEmail")}
                defaultValue={v.alertEmail}
              />
              <div className="flex flex-col gap-1">
                <div className="flex items-center gap-2">
                  <input
                    key={`retry-${v.retry}`}
                    type="checkbox"
                    id="retry"
                    name="retry"
                    defaultChecked={v.retry}
                    aria-describedby="retry-help"
                    className="size-4"
                  />
                  <label htmlFor="retry" className="text-sm font-medium text-slate-800">
                    {m.nrule_retry}
                  </label>
                </div>
                <p id="retry-help" className="text-xs text-slate-600">
                  {m.nrule_retry_help}
                </p>
              </div>
            </>
          ) : null}
        </section>
        <section aria-labelledby="sec-events" className="flex flex-col gap-4">
          <h2 id="sec-events" className={h2}>
            {m.nrule_section_events}
          </h2>
          <CheckboxGroup
            name="events"
            legend={m.nrule_events}
            help={isUrl ? m.nrule_events_help : m.nrule_events_email_help}
            error={err("events")}
            options={events.map((e) => ({ value: e, label: msg(`ntf_event_${e}`) }))}
            checked={v.events}
            columns="grid-cols-1 sm:grid-cols-2"
          />
        </section>
        <section aria-labelledby="sec-condition" className="flex flex-col gap-4">
          <h2 id="sec-condition" className={h2}>
            {m.nrule_section_condition}
          </h2>
          <p className="text-sm" data-testid="rule-condition">
            <span className="font-medium">{m.nrule_condition_source}</span> {m.nrule_condition_in} :{" "}
            {NOTIFICATION_SOURCES.map((s) => msg(`nrule_source_${s}`)).join(", ")}
          </p>
          {NOTIFICATION_SOURCES.map((s) => (
            <input key={s} type="hidden" name="sources" value={s} />
          ))}
          <p className="-mt-3 text-xs text-slate-600">{m.nrule_condition_help}</p>
          <CheckboxGroup
            name="channels"
            legend={m.nrule_channels}
            help={m.nrule_channels_help}
            error={err("channels")}
            options={RULE_CHANNELS.map((c) => ({ value: c, label: msg(`channel_${c}`) }))}
            checked={v.channels}
            columns="grid-cols-2 sm:grid-cols-5"
          />
        </section>
        {isUrl ? (
          <RuleUrlFields v={v} err={err} m={m} format={format} onFormat={setFormat} />
        ) : (
          <RuleEmailFields v={v} err={err} m={m} target={target} onTarget={setTarget} templates={templates} />
        )}
      </fieldset>
      {readOnly ? null : (
        <div>
          <button type="submit" className={buttonClass()} disabled={pending} data-testid="rule-submit">
            {ruleId ? m.nrule_save : m.nrule_create}
          </button>
        </div>
      )}
    </form>
  );
}
