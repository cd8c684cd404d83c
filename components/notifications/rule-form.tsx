"use client";
import { useState } from "react";
import { CheckboxGroup } from "@/components/settings/checkbox-group";
import { CheckboxField, Field } from "@/components/ui/field";
import { fieldBinder, labelTexts } from "@/components/ui/field-binding";
import { SettingsForm, SettingsSection } from "@/components/ui/settings-form";
import { useFormAnswer } from "@/components/ui/use-form-answer";
import type { Messages } from "@/lib/i18n/messages/types";
import { NOTIFICATION_EVENTS, NOTIFICATION_SOURCES } from "@/lib/notifications/events";
import { type RuleFormValues, saveRuleAction } from "@/lib/notifications/rules/actions";
import { EMAIL_RULE_EVENTS, LABEL_MAX, RULE_CHANNELS, SMS_RULE_EVENTS } from "@/lib/notifications/rules/options";
import { RuleEmailFields, type RuleTemplateChoice, RuleUrlFields } from "./rule-kind-fields";

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
  formUrlTest: { id: "formUrlTest", label: "nrule_form_url_test" },
  formUrlProd: { id: "formUrlProd", label: "nrule_form_url_prod" },
  format: { id: "format-REST", label: "nrule_format" },
  hashKey: { id: "hashKey", label: "nrule_hash_key" },
  emailTarget: { id: "emailTarget-BUYER", label: "nrule_email_target" },
  templateId: { id: "templateId", label: "nrule_template" },
  smsPhone: { id: "smsPhone", label: "nrule_sms_phone" },
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
  const form = useFormAnswer(saveRuleAction, m);
  const { state, text: msg, err } = form;
  // After a save or an error, the form shows what was submitted (React resets the form to its defaults).
  const v = state.values ?? initial;
  const bind = fieldBinder(err, v);
  const texts = labelTexts(m);
  const [format, setFormat] = useState(v.format);
  const [target, setTarget] = useState(v.emailTarget);
  const isUrl = initial.kind === "URL_CALL";
  const events = isUrl ? NOTIFICATION_EVENTS : initial.kind === "SMS" ? SMS_RULE_EVENTS : EMAIL_RULE_EVENTS;
  const targetOf = (field: string) =>
    field === "emailTarget" && target === "ADDRESS" ? { id: "emailAddress", label: "nrule_email_address" } : TARGETS[field];
  return (
    <SettingsForm
      form={form}
      readOnly={readOnly}
      testId="rule-form"
      target={(f) => ({ id: targetOf(f)?.id ?? "label", label: msg(targetOf(f)?.label ?? f) })}
      before={
        state.saved ? (
          <p role="status" className="rounded-md bg-green-50 p-3 text-sm font-medium text-green-900">
            {state.saved === "changed" ? m.nrule_saved : m.nrule_unchanged}
          </p>
        ) : null
      }
      hidden={{ shopId, id: ruleId ?? "", kind: initial.kind }}
      submit={{ label: ruleId ? m.nrule_save : m.nrule_create, testId: "rule-submit" }}
    >
      <SettingsSection id="general" title={m.nrule_section_general}>
        <Field key={`label-${v.label}`} {...bind("label")} {...texts("nrule_label")} maxLength={LABEL_MAX} required />
        {isUrl ? (
          <>
            <Field
              key={`alert-${v.alertEmail}`}
              {...bind("alertEmail")}
              type="email"
              {...texts("nrule_alert_email")}
              optional={m.optional}
            />
            <CheckboxField key={`retry-${v.retry}`} id="retry" {...texts("nrule_retry")} defaultChecked={v.retry} />
          </>
        ) : null}
      </SettingsSection>
      <SettingsSection id="events" title={m.nrule_section_events}>
        <CheckboxGroup
          name="events"
          label={m.nrule_events}
          help={initial.kind === "EMAIL" ? m.nrule_events_email_help : m.nrule_events_help}
          error={err("events")}
          options={events.map((e) => ({ value: e, label: msg(`ntf_event_${e}`) }))}
          checked={v.events}
          columns="grid-cols-1 sm:grid-cols-2"
        />
      </SettingsSection>
      <SettingsSection id="condition" title={m.nrule_section_condition}>
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
          {...texts("nrule_channels")}
          error={err("channels")}
          options={RULE_CHANNELS.map((c) => ({ value: c, label: msg(`channel_${c}`) }))}
          checked={v.channels}
          columns="grid-cols-2 sm:grid-cols-5"
        />
      </SettingsSection>
      {isUrl ? (
        <RuleUrlFields v={v} err={err} m={m} format={format} onFormat={setFormat} />
      ) : initial.kind === "SMS" ? (
        <SettingsSection id="sms" title={m.nrule_section_sms}>
          <Field key={`sms-${v.smsPhone}`} {...bind("smsPhone")} type="tel" {...texts("nrule_sms_phone")} required autoComplete="off" />
        </SettingsSection>
      ) : (
        <RuleEmailFields v={v} err={err} m={m} target={target} onTarget={setTarget} templates={templates} />
      )}
    </SettingsForm>
  );
}
